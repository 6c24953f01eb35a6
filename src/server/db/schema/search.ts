/** The search module's table (migration 20261207060000_search.sql; docs/public-portal.md "One search"). */
import { char, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Written as setweight(to_tsvector('simple', title words), 'A') || … by the repo; never read back. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const SEARCH_TYPES = ['enterprise', 'announcement', 'notice', 'standard', 'policy', 'demoUnit', 'testingOrg', 'listing', 'product', 'catalogue'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const searchDocuments = pgTable(
  'search_documents',
  {
    type: text('type').$type<SearchType>().notNull(),
    refId: text('ref_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    url: text('url').notNull(),
    region: char('region', { length: 2 }),
    fields: text('fields').array().notNull().default([]),
    year: integer('year'),
    tsv: tsvector('tsv').notNull(),
    digest: char('digest', { length: 64 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.type, t.refId] })],
);

/** The segmenter version each table's search vectors were written with (migration 20261216030000; platform/search/backfill.ts). */
export const searchSegmenterState = pgTable('search_segmenter_state', {
  tableName: text('table_name').primaryKey(),
  version: text('version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
