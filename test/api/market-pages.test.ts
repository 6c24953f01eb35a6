/**
 * The market's indexable pages (issue 14; docs/public-portal.md "Indexable pages"): /public/market and
 * /public/market/{id} answered as HTML with title, description, canonical URL and the content readable without
 * JavaScript; cached under 'listings' and dropped by listing writes; listing pages in /sitemap.xml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let seller: Session;
let sellerId: string;
const html = async (url: string, status = 200) => {
  const r = await app.inject({ url });
  expect(r.statusCode, url).toBe(status);
  expect(r.headers['content-type']).toMatch(/^text\/html/);
  return r.body;
};
const list = async (body: Record<string, unknown>) => {
  const p = await buildProduct(app.services, sellerId, { name: '再制造液压泵', model: `HP-${Math.random().toString(36).slice(2, 7)}` });
  const r = await app.inject({ method: 'POST', url: '/api/v1/listings', headers: seller.headers, payload: { productCode: p.code, priceCny: 12800, ...body } });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id as string, code: p.code };
};

beforeAll(async () => {
  app = await buildTestApp();
  sellerId = (await buildEnterprise(app.services, { regionCode: '440106', name: '广州页面测试再制造有限公司' })).id;
  seller = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: sellerId })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('the market as HTML', () => {
  it('/public/market lists the listings (title, price CNY, enterprise, announced badge, region) and a new listing shows at once', async () => {
    const first = await list({ title: '再制造液压泵 A10VSO 整机', newReferencePriceCny: 20000, field: 'construction_machinery' });
    let body = await html('/public/market');
    expect(body).toContain('<title>再制造产品市场 — 再制造公共信息服务平台</title>');
    expect(body).toMatch(/<meta name="description" content="每一件在售产品都附有平台核验的追溯记录/);
    expect(body).toMatch(/<link rel="canonical" href="http:\/\/[^"/]+\/public\/market">/);
    for (const words of [`href="/public/market/${first.id}"`, '再制造液压泵 A10VSO 整机', '¥12,800.00', '广州页面测试再制造有限公司', '未列入公告', '广东省', '工程机械', '可售 1 台', '比新品省 36.0%', '<form method="get" action="/public/market">'])
      expect(body, words).toContain(words);
    // a second listing: the cached page is dropped by the write
    const second = await list({ title: '再制造液压泵 第二台', priceCny: 9900 });
    body = await html('/public/market');
    expect(body).toContain(`href="/public/market/${second.id}"`);
    expect(body).toContain('¥9,900.00');
    // the app's URL filters without JavaScript; unknown values are ignored
    expect(await html(`/public/market?q=${encodeURIComponent('A10VSO')}`)).not.toContain('第二台');
    expect(await html('/public/market?minPrice=10000')).not.toContain('第二台');
    expect(await html('/public/market?field=machine_tools')).not.toContain('A10VSO');
    expect(await html('/public/market?field=spaceships&region=abc&page=-2&pageSize=7')).toContain('A10VSO');
    expect(await html('/public/market?announcedOnly=true')).not.toContain('A10VSO'); // the test seller is not announced
    const paged = await html('/public/market?pageSize=12&page=1');
    expect(paged).toContain('第 1 / 1 页，共 2 件商品');
    // region and prices are fields of the form (a reader without JavaScript can change them), holding the URL's values
    const filtered = await html('/public/market?region=440000&minPrice=10000&maxPrice=15000');
    expect(filtered).toContain('<option value="440000" selected>广东省</option>');
    expect(filtered).toContain('<option value="">全国</option>');
    expect(filtered).toContain('name="minPrice" min="0" step="1" aria-label="最低价格（元）" value="10000"');
    expect(filtered).toContain('name="maxPrice" min="0" step="1" aria-label="最高价格（元）" value="15000"');
    expect(filtered).toContain('A10VSO');
    expect(filtered).not.toContain('第二台'); // ¥9,900: under the lowest price
    expect(await html('/public/market?region=320000')).not.toContain('A10VSO'); // the seller is in 广东省
    expect(await html('/public/market?region=440106')).toContain('<option value="440106" selected>广东省</option>'); // a district code: its own option
  });

  it('a listing’s page carries its facts and the unit’s verified record; withdrawn or unknown: a 404 page', async () => {
    const l = await list({ title: '再制造液压泵 详情页', description: '第一行说明\n第二行说明', newReferencePriceCny: 25600, warrantyMonths: 18 });
    const body = await html(`/public/market/${l.id}`);
    expect(body).toContain('<title>再制造液压泵 详情页 — 再制造公共信息服务平台</title>');
    expect(body).toMatch(new RegExp(`<link rel="canonical" href="http://[^"/]+/public/market/${l.id}">`));
    expect(body).toMatch(/<meta name="description" content="再制造液压泵 详情页：¥12,800.00，广州页面测试再制造有限公司/);
    for (const words of ['<h1>再制造液压泵 详情页</h1>', '在售', '¥12,800.00', '新品参考价 ¥25,600.00，本商品 ¥12,800.00，节省 ¥12,800.00（50.0%）', '质保 18 个月', '<p>第一行说明</p><p>第二行说明</p>', '平台核验记录', '正品 · 编码有效', `<code>${l.code}</code>`, '第 1 次再制造', `href="/p/${encodeURIComponent(l.code)}"`])
      expect(body, words).toContain(words);
    // the app's own description meta is replaced, not repeated
    expect(body.match(/<meta name="description"/g)?.length).toBe(1);

    const w = await app.inject({ method: 'POST', url: `/api/v1/listings/${l.id}/withdraw`, headers: seller.headers, payload: {} });
    expect(w.statusCode, w.body).toBe(200);
    const gone = await html(`/public/market/${l.id}`, 404); // the cached page went with the withdrawal
    expect(gone).toContain('商品不存在或已下架');
    expect(gone).not.toContain('第一行说明');
    expect(await html('/public/market/00000000-0000-4000-8000-000000000000', 404)).toContain('商品不存在或已下架');
    expect(await html('/public/market/not-a-uuid', 404)).toContain('<a href="/public/market">返回市场</a>');
  });

  it('escapes what sellers write (title, description) in the list and the listing page', async () => {
    const evil = '<script>alert("x")</script>&<img src=x onerror=alert(1)>';
    const l = await list({ title: `泵 ${evil}`, description: `说明 ${evil}` });
    for (const url of ['/public/market', `/public/market/${l.id}`, `/public/market?q=${encodeURIComponent(evil)}`]) {
      const body = await html(url);
      expect(body, url).not.toContain('<script>alert');
      expect(body, url).not.toContain('<img src=x');
    }
    const page = await html(`/public/market/${l.id}`);
    expect(page).toContain('泵 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<title>泵 &lt;script&gt;');
    expect(await html(`/public/market?q=${encodeURIComponent('"><b>')}`)).toContain('value="&quot;&gt;&lt;b&gt;"');
  });

  it('/sitemap.xml lists the active listings’ pages, and a new listing at once', async () => {
    const sitemap = async () => (await app.inject({ url: '/sitemap.xml' })).body;
    const before = await sitemap();
    expect(before).toMatch(/<loc>http:\/\/[^<]+\/public\/market<\/loc>/);
    const l = await list({ title: '再制造液压泵 站点地图' });
    const after = await sitemap();
    expect(after).toMatch(new RegExp(`<loc>http://[^<]+/public/market/${l.id}</loc><lastmod>`));
    expect(after.match(/<urlset/g)?.length).toBe(1);
    const w = await app.inject({ method: 'POST', url: `/api/v1/listings/${l.id}/withdraw`, headers: seller.headers, payload: {} });
    expect(w.statusCode).toBe(200);
    expect(await sitemap()).not.toContain(`/public/market/${l.id}<`);
  });
});
