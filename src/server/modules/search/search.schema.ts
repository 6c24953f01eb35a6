import { z } from 'zod';
import { SEARCH_TYPES } from '../../db/schema.js';
import { PageQuery } from '../../platform/paging.js';

export const SearchTypeSchema = z.enum(SEARCH_TYPES);

/** `type` may repeat or be comma-separated (type=standard,policy). */
const typeList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(SearchTypeSchema).max(SEARCH_TYPES.length));

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  type: typeList.optional(),
  /** a region code: its first two digits (the province) select */
  region: z.string().trim().regex(/^\d{2}(\d{4})?$/).optional(),
  field: z.string().trim().min(1).max(60).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  ...PageQuery.shape,
});

export const SearchHitSchema = z.object({
  type: SearchTypeSchema,
  title: z.string(),
  url: z.string(),
  snippet: z.string().describe('HTML-escaped excerpt; the query words are wrapped in <mark>'),
  score: z.number(),
});

export const SearchAnswer = z.object({
  items: z.array(SearchHitSchema),
  /** matches, exact unless `capped` */
  total: z.number(),
  /** true: more documents match than are ranked (search.repo RANK_CANDIDATES); `total` is that bound */
  capped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  terms: z.array(z.string()),
});

export const SuggestQuery = z.object({ q: z.string().trim().min(1).max(50) });
export const SuggestAnswer = z.object({ items: z.array(z.object({ type: SearchTypeSchema, title: z.string(), url: z.string() })) });

export const RebuildAnswer = z.object({ written: z.number(), removed: z.number(), counts: z.array(z.object({ type: SearchTypeSchema, n: z.number() })) });
