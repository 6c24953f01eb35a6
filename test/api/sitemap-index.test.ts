/**
 * The sitemap beyond one file (docs/public-portal.md "Indexable pages"): with more URLs than SITEMAP_URLS_PER_FILE
 * (3 here; 45,000 by default, the protocol allows 50,000), /sitemap.xml is a sitemap index of /sitemap-portal.xml
 * and numbered files of the market's listing pages, each file within the limit; a listing write changes the files
 * at once; a file past the last is a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let seller: Session;
let sellerId: string;
const get = async (url: string, status = 200) => {
  const r = await app.inject({ url });
  expect(r.statusCode, url).toBe(status);
  if (status === 200) expect(r.headers['content-type']).toMatch(/^application\/xml/);
  return r.body;
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/^http:\/\/[^/]+/, ''));
const list = async () => {
  const p = await buildProduct(app.services, sellerId, { name: '再制造液压泵', model: `SM-${Math.random().toString(36).slice(2, 7)}` });
  const r = await app.inject({ method: 'POST', url: '/api/v1/listings', headers: seller.headers, payload: { productCode: p.code, priceCny: 8800, title: '站点地图测试泵' } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

beforeAll(async () => {
  app = await buildTestApp({ SITEMAP_URLS_PER_FILE: 3 });
  sellerId = (await buildEnterprise(app.services, { regionCode: '440106', name: '广州站点地图测试再制造有限公司' })).id;
  seller = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('sitemap index', () => {
  it('indexes the portal file and the market files of at most SITEMAP_URLS_PER_FILE listings each', async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await list());
    const index = await get('/sitemap.xml');
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).not.toContain('<urlset');
    expect(locs(index)).toEqual(['/sitemap-portal.xml', '/sitemap-market-1.xml', '/sitemap-market-2.xml']);

    const portal = locs(await get('/sitemap-portal.xml'));
    expect(portal).toContain('/public/market');
    expect(portal).toContain('/public/standards');
    const market = [...locs(await get('/sitemap-market-1.xml')), ...locs(await get('/sitemap-market-2.xml'))];
    expect(locs(await get('/sitemap-market-1.xml'))).toHaveLength(3);
    expect(market.sort()).toEqual(ids.map((id) => `/public/market/${id}`).sort());
    await get('/sitemap-market-3.xml', 404);
    await get('/sitemap-other-1.xml', 404);
    await get('/sitemap-market-0.xml', 404);

    // a withdrawn listing leaves at once: three listings fit one file, the second is gone
    const w = await app.inject({ method: 'POST', url: `/api/v1/listings/${ids[0]}/withdraw`, headers: seller.headers, payload: {} });
    expect(w.statusCode).toBe(200);
    expect(locs(await get('/sitemap.xml'))).toEqual(['/sitemap-portal.xml', '/sitemap-market-1.xml']);
    expect(locs(await get('/sitemap-market-1.xml')).sort()).toEqual(ids.slice(1).map((id) => `/public/market/${id}`).sort());
    await get('/sitemap-market-2.xml', 404);
  });
});
