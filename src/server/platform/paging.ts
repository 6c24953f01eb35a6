import { z } from 'zod';

/**
 * The one paging contract of every list route: `?page=&pageSize=` in, `{items,total,page,pageSize}` out.
 * A pageSize above MAX_PAGE_SIZE is a 400 naming `pageSize` (never silently clipped).
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type Page = z.infer<typeof PageQuery>;

/** The response of a paged list of `item`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** SQL OFFSET of a page. */
export const offsetOf = (p: Page) => (p.page - 1) * p.pageSize;

/** Page an array already in memory (small bounded sets, e.g. a caller's to-do list). */
export function pageArray<T>(all: readonly T[], p: Page) {
  return { items: all.slice(offsetOf(p), offsetOf(p) + p.pageSize), total: all.length, page: p.page, pageSize: p.pageSize };
}
