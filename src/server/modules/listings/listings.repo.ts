import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { searchBackfillTarget, searchTextRepo, type SearchBackfillTarget } from '../../platform/search/backfill.js';
import { indexText } from '../../platform/search/segment.js';

/** All SQL on listings and listing_units. */
export interface ListingRow {
  enterprise_id: string;
  id: string;
  title: string;
  description: string;
  price_cny: string;
  new_reference_price_cny: string | null;
  warranty_months: number | null;
  product_name: string;
  model: string | null;
  field: string | null;
  region_code: string;
  life: number;
  mass_rate: number | null;
  value_rate: number | null;
  status: 'active' | 'sold' | 'withdrawn';
  status_reason: string | null;
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}
export interface ListingListRow extends ListingRow {
  first_code: string;
  units_available: number;
  total: number;
}
export interface UnitRow {
  enterprise_id: string;
  listing_id: string;
  product_code: string;
  product_epc: string;
  status: 'available' | 'reserved' | 'sold' | 'withdrawn';
  order_id: string | null;
}

/** Arrays as one JSON parameter (drizzle expands a JS array into a parameter list). */
export const textArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb))`;
const uuidArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb)::uuid)`;

const COLS = sql.raw(
  'l.enterprise_id, l.id, l.title, l.description, l.price_cny, l.new_reference_price_cny, l.warranty_months, l.product_name, l.model, l.field, l.region_code, l.life, l.mass_rate, l.value_rate, l.status, l.status_reason, l.created_by, l.created_at, l.updated_at',
);
const LIST_EXTRA = sql.raw(
  `(SELECT min(u.product_code) FROM listing_units u WHERE u.enterprise_id = l.enterprise_id AND u.listing_id = l.id) AS first_code,
   (SELECT count(*)::int FROM listing_units u WHERE u.enterprise_id = l.enterprise_id AND u.listing_id = l.id AND u.status = 'available') AS units_available,
   count(*) OVER ()::int AS total`,
);

/** LIST_EXTRA without the window count (the public search counts its candidates once). */
const PAGE_EXTRA = sql.raw(
  `(SELECT min(u.product_code) FROM listing_units u WHERE u.enterprise_id = l.enterprise_id AND u.listing_id = l.id) AS first_code,
   (SELECT count(*)::int FROM listing_units u WHERE u.enterprise_id = l.enterprise_id AND u.listing_id = l.id AND u.status = 'available') AS units_available`,
);

export interface PublicFilter {
  tsQuery: string | null;
  field?: string;
  regionPrefix?: string;
  minPrice?: number;
  maxPrice?: number;
  /** announcedOnly: the announced enterprises' ids */
  enterpriseIds?: string[];
}

/** How many matches the public market ranks and counts at most (more: `capped`, shown as 1000+). */
export const PUBLIC_CAP = 1000;

/** A listing with a unit still available (the public market's condition). */
const AVAILABLE = sql`(SELECT true FROM listing_units u WHERE u.enterprise_id = l.enterprise_id AND u.listing_id = l.id AND u.status = 'available' LIMIT 1)`;

/**
 * The words a listing is found by — title, product, model, description, the seller's name and the units' codes (in
 * code order) — written by the insert (listings.service create) and by the search backfill alike.
 */
export function listingWords(l: { title: string; product_name: string; model: string | null; description: string }, sellerName: string, codes: readonly string[]): string {
  return indexText(l.title, l.product_name, l.model, l.description, sellerName, [...codes].sort().join(' '));
}

/**
 * The search backfill's target of listings (platform/search/backfill.ts): every listing after the segmenter changed
 * (or one stored without its vector) gets the words of listingWords, where its text and units are still the ones
 * read; the sellers' names come from the enterprises module (`sellerNames`, wired in app.ts).
 */
export function listingsSearchBackfill(db: Db, sellerNames: (ids: string[]) => Promise<Map<string, string>>): SearchBackfillTarget {
  type Text = { enterprise_id: string; title: string; product_name: string; model: string | null; description: string; codes: string[] };
  const codes = `(SELECT coalesce(jsonb_agg(u.product_code ORDER BY u.product_code), '[]'::jsonb) FROM listing_units u WHERE u.enterprise_id = x.enterprise_id AND u.listing_id = x.id)`;
  const repo = searchTextRepo<Text>({
    table: 'listings',
    text: { enterprise_id: 'x.enterprise_id', title: 'x.title', product_name: 'x.product_name', model: 'x.model', description: 'x.description', codes },
    words: async (rows) => {
      const names = await sellerNames([...new Set(rows.map((r) => r.enterprise_id))]);
      return rows.map((r) => listingWords(r, names.get(r.enterprise_id) ?? '', r.codes));
    },
  });
  return searchBackfillTarget(db, repo);
}

export const listingRepo = {
  async insert(db: Db, l: Omit<ListingRow, 'status' | 'status_reason' | 'created_at' | 'updated_at'> & { index_text: string }) {
    await db.execute(sql`INSERT INTO listings (enterprise_id, id, title, description, price_cny, new_reference_price_cny, warranty_months, product_name, model, field, region_code, life, mass_rate, value_rate, search_tsv, created_by)
      VALUES (${l.enterprise_id}, ${l.id}, ${l.title}, ${l.description}, ${l.price_cny}, ${l.new_reference_price_cny}, ${l.warranty_months}, ${l.product_name}, ${l.model}, ${l.field}, ${l.region_code}, ${l.life}, ${l.mass_rate}, ${l.value_rate}, to_tsvector('simple', ${l.index_text}), ${l.created_by})`);
  },
  async insertUnits(db: Db, enterpriseId: string, listingId: string, units: { code: string; epc: string }[]) {
    await db.execute(sql`INSERT INTO listing_units (enterprise_id, listing_id, product_code, product_epc)
      SELECT ${enterpriseId}::uuid, ${listingId}::uuid, c, e FROM unnest(${textArray(units.map((u) => u.code))}, ${textArray(units.map((u) => u.epc))}) AS t(c, e)`);
  },
  async unitOnMarket(db: Db, enterpriseId: string, code: string): Promise<boolean> {
    const r = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM listing_units WHERE enterprise_id = ${enterpriseId} AND product_code = ${code} AND status IN ('available', 'reserved')`);
    return (r[0]?.n ?? 0) > 0;
  },
  /** Field and product of many listings (market statistics), one query. */
  async fields(db: Db, ids: string[]): Promise<{ id: string; field: string | null; product_name: string; model: string | null }[]> {
    if (!ids.length) return [];
    return rowsOf(db, sql`SELECT id, field, product_name, model FROM listings WHERE id = ANY(${uuidArray(ids)})`);
  },
  async get(db: Db, id: string): Promise<ListingRow | undefined> {
    return (await rowsOf<ListingRow>(db, sql`SELECT ${COLS} FROM listings l WHERE l.id = ${id} LIMIT 1`))[0];
  },
  /** The first read of a write on a listing: locked. */
  async lock(db: Db, id: string): Promise<ListingRow | undefined> {
    return (await rowsOf<ListingRow>(db, sql`SELECT ${COLS} FROM listings l WHERE l.id = ${id} LIMIT 1 FOR UPDATE`))[0];
  },
  async units(db: Db, enterpriseId: string, listingId: string): Promise<UnitRow[]> {
    return rowsOf<UnitRow>(db, sql`SELECT enterprise_id, listing_id, product_code, product_epc, status, order_id FROM listing_units WHERE enterprise_id = ${enterpriseId} AND listing_id = ${listingId} ORDER BY product_code`);
  },
  async setStatus(db: Db, enterpriseId: string, id: string, status: ListingRow['status'], reason: string | null) {
    await db.execute(sql`UPDATE listings SET status = ${status}, status_reason = ${reason}, updated_at = now() WHERE enterprise_id = ${enterpriseId} AND id = ${id}`);
  },
  /** Withdraw every unit still available (the listing is withdrawn). */
  async withdrawAvailableUnits(db: Db, enterpriseId: string, listingId: string) {
    await db.execute(sql`UPDATE listing_units SET status = 'withdrawn', updated_at = now() WHERE enterprise_id = ${enterpriseId} AND listing_id = ${listingId} AND status = 'available'`);
  },
  /** Reserve `n` available units for an order, locked in code order: the codes reserved (fewer than n: not enough). */
  async reserveUnits(db: Db, enterpriseId: string, listingId: string, orderId: string, n: number): Promise<string[]> {
    const free = await rowsOf<{ product_code: string }>(db, sql`SELECT product_code FROM listing_units WHERE enterprise_id = ${enterpriseId} AND listing_id = ${listingId} AND status = 'available' ORDER BY product_code LIMIT ${n} FOR UPDATE`);
    if (free.length < n) return [];
    const codes = free.map((r) => r.product_code);
    await db.execute(sql`UPDATE listing_units SET status = 'reserved', order_id = ${orderId}, updated_at = now() WHERE enterprise_id = ${enterpriseId} AND listing_id = ${listingId} AND product_code = ANY(${textArray(codes)})`);
    return codes;
  },
  async releaseUnits(db: Db, enterpriseId: string, orderId: string) {
    await db.execute(sql`UPDATE listing_units SET status = 'available', order_id = NULL, updated_at = now() WHERE enterprise_id = ${enterpriseId} AND order_id = ${orderId} AND status = 'reserved'`);
  },
  /** reserved → sold; the units' codes and EPCs. */
  async sellUnits(db: Db, enterpriseId: string, orderId: string): Promise<{ product_code: string; product_epc: string }[]> {
    return rowsOf(db, sql`UPDATE listing_units SET status = 'sold', updated_at = now() WHERE enterprise_id = ${enterpriseId} AND order_id = ${orderId} AND status = 'reserved' RETURNING product_code, product_epc`);
  },
  async unitsOfOrder(db: Db, enterpriseId: string, orderId: string): Promise<UnitRow[]> {
    return rowsOf<UnitRow>(db, sql`SELECT enterprise_id, listing_id, product_code, product_epc, status, order_id FROM listing_units WHERE enterprise_id = ${enterpriseId} AND order_id = ${orderId} ORDER BY product_code`);
  },
  async countAvailable(db: Db, enterpriseId: string, listingId: string): Promise<{ available: number; open: number }> {
    const [r] = await rowsOf<{ available: number; open: number }>(db, sql`SELECT count(*) FILTER (WHERE status = 'available')::int AS available, count(*) FILTER (WHERE status IN ('available', 'reserved'))::int AS open FROM listing_units WHERE enterprise_id = ${enterpriseId} AND listing_id = ${listingId}`);
    return r ?? { available: 0, open: 0 };
  },
  /**
   * Units made unsellable by a trace event (recall, code revocation): available units of these EPCs are withdrawn;
   * the listings concerned are returned.
   */
  async withdrawUnitsByEpc(db: Db, enterpriseId: string, epcs: string[]): Promise<string[]> {
    if (!epcs.length) return [];
    const rows = await rowsOf<{ listing_id: string }>(db, sql`UPDATE listing_units SET status = 'withdrawn', updated_at = now() WHERE enterprise_id = ${enterpriseId} AND product_epc = ANY(${textArray(epcs)}) AND status = 'available' RETURNING listing_id`);
    return [...new Set(rows.map((r) => r.listing_id))];
  },
  /** After units left: a listing with nothing open is sold (some sold) or withdrawn (none sold). */
  async settleStatus(db: Db, enterpriseId: string, listingId: string, withdrawnReason: string) {
    await db.execute(sql`UPDATE listings l SET
        status = CASE WHEN EXISTS (SELECT 1 FROM listing_units u WHERE u.enterprise_id = l.enterprise_id AND u.listing_id = l.id AND u.status = 'sold') THEN 'sold' ELSE 'withdrawn' END,
        status_reason = CASE WHEN EXISTS (SELECT 1 FROM listing_units u WHERE u.enterprise_id = l.enterprise_id AND u.listing_id = l.id AND u.status = 'sold') THEN NULL ELSE ${withdrawnReason} END,
        updated_at = now()
      WHERE l.enterprise_id = ${enterpriseId} AND l.id = ${listingId} AND l.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM listing_units u WHERE u.enterprise_id = l.enterprise_id AND u.listing_id = l.id AND u.status IN ('available', 'reserved'))`);
  },

  /**
   * The public market: active listings with a unit available, searched and filtered, one page. Bounded work at any
   * size (issue 13 "p95 ≤ 50 ms at 100,000 listings"): the candidates are the first PUBLIC_CAP + 1 index matches (a
   * query: GIN order; browsing: newest first on listings_public_idx), and only they are checked for an available
   * unit, ranked, counted and paged — `total` is then at most PUBLIC_CAP + 1 (the service reports `capped`).
   * `cap` null: every match.
   */
  async searchPublic(db: Db, f: PublicFilter, limit: number, offset: number, cap: number | null = PUBLIC_CAP): Promise<ListingListRow[]> {
    const where: SQL[] = [sql`l.status = 'active'`];
    if (f.tsQuery) where.push(sql`l.search_tsv @@ to_tsquery('simple', ${f.tsQuery})`);
    if (f.field) where.push(sql`l.field = ${f.field}`);
    if (f.regionPrefix) where.push(sql`l.region_code LIKE ${`${f.regionPrefix}%`}`);
    if (f.minPrice !== undefined) where.push(sql`l.price_cny >= ${f.minPrice}`);
    if (f.maxPrice !== undefined) where.push(sql`l.price_cny <= ${f.maxPrice}`);
    if (f.enterpriseIds) where.push(f.enterpriseIds.length ? sql`l.enterprise_id = ANY(${uuidArray(f.enterpriseIds)})` : sql`false`);
    const bound = cap === null ? sql`` : sql` LIMIT ${cap + 1}`;
    const candidates = f.tsQuery
      ? sql`SELECT l.* FROM listings l WHERE ${sql.join(where, sql` AND `)}${bound}`
      : sql`SELECT l.* FROM listings l WHERE ${sql.join(where, sql` AND `)} ORDER BY l.created_at DESC, l.id${bound}`;
    const order = f.tsQuery ? sql`ts_rank(l.search_tsv, to_tsquery('simple', ${f.tsQuery})) DESC, l.created_at DESC, l.id` : sql`l.created_at DESC, l.id`;
    // The unit check is a scalar subquery with LIMIT 1, one primary-key probe per candidate: written as EXISTS the
    // planner made it a hash semi-join that read all 100,000 listing_units on every request (EXPLAIN ANALYZE on the
    // bench database: 296 ms → 47 ms for 发动机 under load 17). The page is cut before the per-row columns (first code,
    // units available: read for its rows only), and the total is one count of the checked candidates (a window count
    // would evaluate those subqueries for every candidate before the sort).
    return rowsOf<ListingListRow>(db, sql`WITH m AS MATERIALIZED (${candidates}),
      a AS MATERIALIZED (SELECT * FROM m WHERE (SELECT true FROM listing_units u WHERE u.enterprise_id = m.enterprise_id AND u.listing_id = m.id AND u.status = 'available' LIMIT 1)),
      p AS (SELECT * FROM a l ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
      SELECT ${COLS}, ${PAGE_EXTRA}, (SELECT count(*) FROM a)::int AS total FROM p l ORDER BY ${order}`);
  },
  /**
   * The active listings with a unit available, `limit` at a time in id order after `afterId` (keyset, no OFFSET: the
   * search module's sync walks all of them; a listing that leaves or joins meanwhile shifts no other one).
   */
  async activeAfter(db: Db, afterId: string | null, limit: number): Promise<ListingListRow[]> {
    return rowsOf<ListingListRow>(db, sql`SELECT ${COLS}, ${PAGE_EXTRA}, 0 AS total FROM listings l
      WHERE l.status = 'active'${afterId ? sql` AND l.id > ${afterId}::uuid` : sql``} AND ${AVAILABLE}
      ORDER BY l.id LIMIT ${limit}`);
  },
  /** The public pages the sitemap lists: active listings with a unit available, by id, a page at a time. */
  async sitemapPage(db: Db, offset: number, limit: number): Promise<{ id: string; updated_at: Date | string }[]> {
    return rowsOf(db, sql`SELECT l.id, l.updated_at FROM listings l WHERE l.status = 'active' AND ${AVAILABLE} ORDER BY l.id LIMIT ${limit} OFFSET ${offset}`);
  },
  async sitemapCount(db: Db): Promise<number> {
    return Number((await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM listings l WHERE l.status = 'active' AND ${AVAILABLE}`))[0]?.n ?? 0);
  },
  /** A seller's own listings (or all, for MIIT: enterpriseId null). */
  async listForSeller(db: Db, enterpriseId: string | null, status: string | undefined, limit: number, offset: number): Promise<ListingListRow[]> {
    const where: SQL[] = [enterpriseId ? sql`l.enterprise_id = ${enterpriseId}` : sql`true`];
    if (status) where.push(sql`l.status = ${status}`);
    return rowsOf<ListingListRow>(db, sql`SELECT ${COLS}, ${LIST_EXTRA} FROM listings l WHERE ${sql.join(where, sql` AND `)} ORDER BY l.created_at DESC, l.id LIMIT ${limit} OFFSET ${offset}`);
  },
};
