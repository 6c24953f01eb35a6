/**
 * The search index's listing source walks every active listing with a keyset on the id (issue 11, search.sources.ts):
 * deep in the walk no listing comes twice and none is skipped — also when listings leave the market during the walk
 * (with OFFSET pages, one that leaves before the current page shifts the rest by one: a listing skipped).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingSource } from '../../src/server/modules/search/index.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { buildEnterprise } from '../support/factories.js';

let app: TestApp;
let enterpriseId: string;

/** A listing straight in the table (the walk reads rows; the market's rules are tested in trading-listings). */
async function insertListing(opts: { status?: 'active' | 'sold' | 'withdrawn'; unit?: 'available' | 'withdrawn' | null; createdAt?: string } = {}) {
  const id: string = randomUUID();
  await app.database.raw.query(
    `INSERT INTO listings (enterprise_id, id, title, price_cny, product_name, region_code, status, search_tsv, created_at)
     VALUES ($1, $2, $3, 100, '发动机', '110105', $4, to_tsvector('simple', 'x'), $5)`,
    [enterpriseId, id, `再制造发动机 ${id.slice(0, 8)}`, opts.status ?? 'active', opts.createdAt ?? '2026-12-01T00:00:00Z'],
  );
  if (opts.unit !== null) {
    await app.database.raw.query(`INSERT INTO listing_units (enterprise_id, listing_id, product_code, product_epc, status) VALUES ($1, $2, $3, $4, $5)`, [
      enterpriseId, id, `P-${id}`, `urn:epc:id:sgtin:${id}`, opts.unit ?? 'available',
    ]);
  }
  return id;
}

beforeAll(async () => {
  app = await buildTestApp();
  enterpriseId = (await buildEnterprise(app.services)).id;
});
afterAll(async () => {
  await app?.close();
});

describe('listing source: keyset walk', () => {
  it('reads every active listing with a unit available exactly once, 5 at a time over 23 (all created in the same instant)', async () => {
    const expected: string[] = [];
    for (let i = 0; i < 23; i++) expected.push(await insertListing());
    const notPublic = [await insertListing({ status: 'sold' }), await insertListing({ unit: 'withdrawn' }), await insertListing({ unit: null })];
    const seen = (await listingSource(app.services.listings, 5).all()).map((d) => d.refId);
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen.filter((id) => expected.includes(id)).sort()).toEqual([...expected].sort());
    expect(seen.filter((id) => notPublic.includes(id))).toEqual([]);
  });

  it('a listing that leaves during the walk shifts no other: none skipped, none twice', async () => {
    const before = new Set((await listingSource(app.services.listings, 1000).all()).map((d) => d.refId));
    let batches = 0;
    let left: string | null = null;
    const listings = {
      publicBatch: async (after: string | null, limit: number) => {
        const r = await app.services.listings.publicBatch(after, limit);
        // after the second batch, the first listing read leaves the market (sold out)
        if (++batches === 2) {
          left = (await app.services.listings.publicBatch(null, 1)).items[0]!.row.id;
          await app.database.raw.query(`UPDATE listings SET status = 'sold' WHERE id = $1`, [left]);
        }
        return r;
      },
    };
    const seen = (await listingSource(listings, 4).all()).map((d) => d.refId);
    expect(batches).toBeGreaterThan(3);
    expect(left).not.toBeNull();
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(before);
  });
});
