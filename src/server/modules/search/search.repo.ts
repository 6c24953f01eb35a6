import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import type { SearchType } from '../../db/schema.js';
import { indexText, SEGMENTER_VERSION } from '../../platform/search/segment.js';

/** One public document as the owning module describes it (the search module stores it, never the reverse). */
export interface SearchDoc {
  type: SearchType;
  refId: string;
  title: string;
  /** Plain text the snippet is cut from (and indexed with the lower weight). */
  body: string;
  /** The public page of the document (a path of the web app). */
  url: string;
  /** Province code, 2 digits (a 6-digit code is cut). */
  region?: string | null;
  fields?: readonly string[];
  year?: number | null;
}

export interface SearchRow {
  type: SearchType;
  ref_id: string;
  title: string;
  body: string;
  url: string;
  score: number;
  total: number;
}

const jsonArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb))`;
const BODY_MAX = 4000;
/** At most this many matches are ranked (and counted) per query. */
export const RANK_CANDIDATES = 1000;

/**
 * The stored form of a document and its digest: the content and the segmenter version its vector is written with
 * (segment.ts SEGMENTER_VERSION), so a changed segmenter changes every digest and the next sync rewrites every
 * document with the new words.
 */
function normalized(d: SearchDoc, segmenter: string) {
  const body = d.body.length > BODY_MAX ? d.body.slice(0, BODY_MAX) : d.body;
  const region = d.region ? d.region.slice(0, 2) : null;
  const digest = createHash('sha256').update(JSON.stringify([d.title, body, d.url, region, [...(d.fields ?? [])], d.year ?? null, segmenter])).digest('hex');
  return { ...d, body, region, fields: [...(d.fields ?? [])], year: d.year ?? null, digest };
}

/**
 * The filter values of a document as lexemes of its vector (no positions, so they never touch the words' ranking):
 * a filtered search is one GIN condition (migration 20261210050000, which wrote them for the rows before it).
 */
export function filterLexemes(d: { type: string; region: string | null; year: number | null; fields: readonly string[] }): string[] {
  return [`type:${d.type}`, ...(d.region ? [`region:${d.region}`] : []), ...(d.year ? [`year:${d.year}`] : []), ...d.fields.filter((f) => f !== '').map((f) => `field:${f}`)];
}
/** A tsquery literal of one lexeme (quoted: no parsing, no normalisation). */
const lexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/** The filters as a tsquery (types OR'ed, the rest AND'ed), or null without filters. */
export function filterQuery(f: { types?: readonly string[]; region?: string; field?: string; year?: number }): string | null {
  const parts: string[] = [];
  if (f.types?.length) parts.push(`(${f.types.map((t) => lexeme(`type:${t}`)).join(' | ')})`);
  if (f.region) parts.push(lexeme(`region:${f.region.slice(0, 2)}`));
  if (f.field) parts.push(lexeme(`field:${f.field}`));
  if (f.year) parts.push(lexeme(`year:${f.year}`));
  return parts.length ? parts.join(' & ') : null;
}

/**
 * All SQL of search_documents. The vector: title words weight A, body words weight D (ts_rank's default
 * weights {0.1, 0.2, 0.4, 1.0}: a title hit counts ten times a body hit).
 */
export const searchRepo = {
  /**
   * Insert or rewrite documents whose content or segmenter version changed (digest); returns how many rows were
   * written. `segmenter`: the version the vectors are written with (a parameter for tests).
   */
  async upsert(db: Db, docs: readonly SearchDoc[], segmenter: string = SEGMENTER_VERSION): Promise<number> {
    let written = 0;
    for (let i = 0; i < docs.length; i += 400) {
      const chunk = docs.slice(i, i + 400).map((d) => normalized(d, segmenter));
      const values = chunk.map(
        (d) =>
          sql`(${d.type}, ${d.refId}, ${d.title}, ${d.body}, ${d.url}, ${d.region}, ${jsonArray(d.fields)}, ${d.year}::int,
               setweight(to_tsvector('simple', ${indexText(d.title)}), 'A') || setweight(to_tsvector('simple', ${indexText(d.body)}), 'D')
                 || array_to_tsvector(${jsonArray(filterLexemes(d))}), ${d.digest})`,
      );
      const rows = await rowsOf<{ type: string }>(
        db,
        sql`INSERT INTO search_documents (type, ref_id, title, body, url, region, fields, year, tsv, digest)
            VALUES ${sql.join(values, sql`, `)}
            ON CONFLICT (type, ref_id) DO UPDATE SET title = excluded.title, body = excluded.body, url = excluded.url, region = excluded.region,
              fields = excluded.fields, year = excluded.year, tsv = excluded.tsv, digest = excluded.digest, updated_at = now()
            WHERE search_documents.digest <> excluded.digest
            RETURNING type`,
      );
      written += rows.length;
    }
    return written;
  },
  /** Remove the documents of `type` not in `keep` (the source no longer publishes them). */
  async removeOthers(db: Db, type: SearchType, keep: readonly string[]): Promise<number> {
    const rows = await rowsOf<{ ref_id: string }>(db, sql`DELETE FROM search_documents WHERE type = ${type} AND NOT (ref_id = ANY(${jsonArray(keep)})) RETURNING ref_id`);
    return rows.length;
  },
  async remove(db: Db, type: SearchType, refId: string): Promise<number> {
    const rows = await rowsOf<{ ref_id: string }>(db, sql`DELETE FROM search_documents WHERE type = ${type} AND ref_id = ${refId} RETURNING ref_id`);
    return rows.length;
  },
  async search(db: Db, f: { tsQuery: string; types?: readonly SearchType[]; region?: string; field?: string; year?: number }, limit: number, offset: number) {
    // the filters are lexemes of the vector: one GIN condition (filterLexemes), not a check of heap rows
    const filters = filterQuery(f);
    const match = filters ? sql`tsv @@ (q && ${filters}::tsquery)` : sql`tsv @@ q`;
    // Ranking scores every match (ts_rank reads each row's vector): a broad word ("再制造") matches most of the
    // index, so the matches are first cut to RANK_CANDIDATES rows found by the GIN index (the LIMIT stops the bitmap
    // heap scan early), then ranked. Fewer matches than that: every match is ranked and `total` is exact; more:
    // `total` is RANK_CANDIDATES and the answer says `capped` (docs/public-portal.md "Benchmark").
    return rowsOf<SearchRow>(
      db,
      sql`WITH m AS (
            SELECT type, ref_id, title, body, url, tsv, updated_at
            FROM search_documents, to_tsquery('simple', ${f.tsQuery}) q
            WHERE ${match}
            LIMIT ${RANK_CANDIDATES})
          SELECT type, ref_id, title, body, url, ts_rank(tsv, q)::float8 AS score, (count(*) OVER ())::int AS total
          FROM m, to_tsquery('simple', ${f.tsQuery}) q
          ORDER BY score DESC, updated_at DESC, type, ref_id
          LIMIT ${limit} OFFSET ${offset}`,
    );
  },
  /** Titles whose words start with the query (last word a prefix), best first. */
  async suggest(db: Db, titleQuery: string, limit: number) {
    return rowsOf<{ type: SearchType; title: string; url: string }>(
      db,
      sql`WITH m AS (SELECT type, title, url, tsv FROM search_documents, to_tsquery('simple', ${titleQuery}) q WHERE tsv @@ q LIMIT ${RANK_CANDIDATES})
          SELECT type, title, url FROM m, to_tsquery('simple', ${titleQuery}) q ORDER BY ts_rank(tsv, q) DESC, length(title), title LIMIT ${limit}`,
    );
  },
  async counts(db: Db) {
    const rows = await rowsOf<{ type: SearchType; n: number }>(db, sql`SELECT type, count(*)::int AS n FROM search_documents GROUP BY type ORDER BY type`);
    return rows;
  },
};
