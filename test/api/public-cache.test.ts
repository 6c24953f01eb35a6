/**
 * Public answers are cached (platform/public-cache.ts) and change right after the write that changes them;
 * a failed load is never cached; every public list is paged with a maximum page size; every public endpoint
 * is rate-limited (PUBLIC_RATE_PER_MINUTE) and answers 429 in the error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicCache } from '../../src/server/platform/public-cache.js';
import { MAX_PAGE_SIZE } from '../../src/server/platform/paging.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { buildApplication, buildEnterprise, buildSite, operator } from '../support/factories.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => app?.close());

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

/** An enterprise with a site, announced in a historic batch of its own. */
async function announce(name: string) {
  const s = app.services;
  const e = await buildEnterprise(s, { name });
  const site = await buildSite(s, e.id);
  const batch = await s.announcements.importHistoric(await operator(s), { docNumber: `工业和信息化部公告 缓存${name}`, announcedOn: '2025-03-01', title: `${name}公告`, entries: [{ enterpriseId: e.id, siteId: site.id, fields: ['machine_tools'] }] });
  return { e, site, batch };
}

describe('public cache', () => {
  it('a published 公告 shows at once in the public announcements, the announced list and the statistics', async () => {
    const before = { batches: await get('/api/v1/public/announcements'), list: await get('/api/v1/public/announced-enterprises?q=缓存甲'), stats: await get('/api/v1/public/statistics') };
    // served from the cache now (the same answer twice)
    expect(await get('/api/v1/public/announcements')).toEqual(before.batches);
    expect(before.list.total).toBe(0);

    const { batch } = await announce('缓存甲再制造有限公司');
    const batches = await get('/api/v1/public/announcements');
    expect(batches.total).toBe(before.batches.total + 1);
    expect(batches.items[0]).toMatchObject({ id: batch.id, entryCount: 1, entries: [{ enterpriseName: '缓存甲再制造有限公司' }] });
    expect((await get('/api/v1/public/announced-enterprises?q=缓存甲')).items.map((i: { enterpriseName: string }) => i.enterpriseName)).toEqual(['缓存甲再制造有限公司']);
    const stats = await get('/api/v1/public/statistics');
    expect(stats.announced.enterprises).toBe(before.stats.announced.enterprises + 1);
    expect(stats.announced.sites).toBe(before.stats.announced.sites + 1);
  });

  it('a revocation takes the enterprise off the cached announced list at once', async () => {
    const { e } = await announce('缓存乙再制造有限公司');
    expect((await get('/api/v1/public/announced-enterprises?q=缓存乙')).total).toBe(1);
    // the revocations module marks the entries inside its own transaction; here its call on the announcements
    // service, committed, then the after-commit invalidation it runs
    const s = app.services;
    await app.database.db.transaction((tx) => s.announcements.markRevoked(tx, e.id, '2026-01-05')).then(s.announcements.afterListChange);
    expect((await get('/api/v1/public/announced-enterprises?q=缓存乙')).total).toBe(0);
    const batches = await get('/api/v1/public/announcements?pageSize=200');
    const entry = batches.items.flatMap((b: { entries: { enterpriseName: string; status: string }[] }) => b.entries).find((x: { enterpriseName: string }) => x.enterpriseName === '缓存乙再制造有限公司');
    expect(entry).toMatchObject({ status: 'revoked', revokedOn: '2026-01-05' });
  });

  it('a notice put on 公示 shows at once in the public notices; an enterprise rename too', async () => {
    const s = app.services;
    const before = await get('/api/v1/public/notices');
    const a = await buildApplication(s, { enterpriseId: (await buildEnterprise(s, { name: '缓存丙再制造有限公司' })).id });
    // precondition, not under test: the case has passed the on-site check
    await app.database.raw.query(`UPDATE applications SET state = 'ready_for_notice' WHERE id = $1`, [a.id]);
    const notice = await s.notices.create(await operator(s), { title: '缓存测试公示', applicationIds: [a.id] });
    const after = await get('/api/v1/public/notices');
    expect(after.total).toBe(before.total + 1);
    const shown = after.items.find((n: { id: string }) => n.id === notice.id);
    expect(shown).toMatchObject({ entryCount: 1, entries: [{ enterpriseName: '缓存丙再制造有限公司', seq: 1 }] });
    expect((await get(`/api/v1/public/notices/${notice.id}/entries`)).items).toHaveLength(1);

    await s.enterprises.update(await operator(s), a.enterpriseId, { name: '缓存丙再制造（改名）有限公司' });
    const renamed = (await get('/api/v1/public/notices')).items.find((n: { id: string }) => n.id === notice.id);
    expect(renamed.entries[0].enterpriseName).toBe('缓存丙再制造（改名）有限公司');
  });

  it('a failed load is not cached; concurrent misses share one load', async () => {
    const cache = createPublicCache();
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('database down'));
    };
    await expect(cache.get('statistics', 'k', failing)).rejects.toThrow('database down');
    await expect(cache.get('statistics', 'k', failing)).rejects.toThrow('database down');
    expect(calls).toBe(2);
    const ok = async () => {
      calls++;
      return { n: calls };
    };
    const [x, y] = await Promise.all([cache.get('statistics', 'k', ok), cache.get('statistics', 'k', ok)]);
    expect(x).toBe(y);
    expect(calls).toBe(3);
    cache.invalidate('announcements');
    expect(await cache.get('statistics', 'k', ok)).toBe(x); // another tag: kept
    cache.invalidate('statistics');
    expect(await cache.get('statistics', 'k', ok)).toEqual({ n: 4 });
  });

  it('drop forgets the answers without telling the listeners (a benchmark’s uncached request is no write)', async () => {
    const cache = createPublicCache();
    const told: string[][] = [];
    cache.onInvalidate((tags) => told.push([...tags]));
    let calls = 0;
    const load = async () => ({ n: ++calls });
    expect(await cache.get('listings', 'k', load)).toEqual({ n: 1 });
    cache.drop('listings');
    expect(await cache.get('listings', 'k', load)).toEqual({ n: 2 });
    expect(told).toEqual([]);
    cache.invalidate('listings');
    expect(await cache.get('listings', 'k', load)).toEqual({ n: 3 });
    expect(told).toEqual([['listings']]);
  });

  it('a public route whose load fails answers the error and then the fresh answer', async () => {
    const url = `/api/v1/public/announcements/00000000-0000-4000-8000-000000000000/entries`;
    expect((await app.inject(url)).statusCode).toBe(404);
    const { batch } = await announce('缓存丁再制造有限公司');
    const ok = await get(`/api/v1/public/announcements/${batch.id}/entries`);
    expect(ok).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ enterpriseName: '缓存丁再制造有限公司' }] });
  });
});

describe('public paging', () => {
  it.each(['/api/v1/public/announcements', '/api/v1/public/announced-enterprises', '/api/v1/public/notices'])('%s: pageSize above the maximum is a 400 naming the field', async (path) => {
    const res = await app.inject(`${path}?pageSize=${MAX_PAGE_SIZE + 1}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('pageSize');
  });

  it('batches are paged, entries of a batch are paged by batch', async () => {
    const s = app.services;
    const ents = await Promise.all(['一', '二', '三'].map((n) => buildEnterprise(s, { name: `分页${n}再制造有限公司` })));
    const sites = await Promise.all(ents.map((e) => buildSite(s, e.id)));
    const batch = await s.announcements.importHistoric(await operator(s), { docNumber: '工业和信息化部公告 2025年第99号', announcedOn: '2025-04-01', title: '分页公告', entries: ents.map((e, i) => ({ enterpriseId: e.id, siteId: sites[i]!.id, fields: ['machine_tools'] })) });
    const first = await get('/api/v1/public/announcements?page=1&pageSize=1&entriesPageSize=2');
    expect(first).toMatchObject({ page: 1, pageSize: 1, items: [{ id: batch.id, entryCount: 3 }] });
    expect(first.items).toHaveLength(1);
    expect(first.items[0].entries.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    expect(first.total).toBeGreaterThan(1);
    const rest = await get(`/api/v1/public/announcements/${batch.id}/entries?page=2&pageSize=2`);
    expect(rest).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(rest.items.map((e: { enterpriseName: string }) => e.enterpriseName)).toEqual(['分页三再制造有限公司']);
  });
});

describe('public rate limit', () => {
  it('answers 429 RATE_LIMITED in the error shape beyond PUBLIC_RATE_PER_MINUTE', async () => {
    const limited = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 3 });
    try {
      for (const path of ['/api/v1/public/statistics', '/api/v1/public/announcements', '/api/v1/public/announced-enterprises', '/api/v1/public/notices']) {
        const codes: number[] = [];
        for (let i = 0; i < 4; i++) codes.push((await limited.inject({ url: path, remoteAddress: '203.0.113.9' })).statusCode);
        expect(codes, path).toEqual([200, 200, 200, 429]);
        const res = await limited.inject({ url: path, remoteAddress: '203.0.113.9' });
        expect(res.json()).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.any(String), messageEn: expect.any(String) } });
        // another client is not affected
        expect((await limited.inject({ url: path, remoteAddress: '203.0.113.10' })).statusCode).toBe(200);
      }
    } finally {
      await limited.close();
    }
  }, 240_000); // builds a second app: slow on a loaded machine
});
