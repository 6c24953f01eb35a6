import type { FastifyInstance, FastifyReply } from 'fastify';
import { labelOf, REMAN_FIELD_VALUES, REMAN_FIELDS, type RemanField } from '../../../domain/enterprise.js';
import { escHtml as esc, HTML_PAGE_ROUTE, htmlPages } from '../../platform/html-pages.js';
import type { PublicCache, PublicTag } from '../../platform/public-cache.js';
import type { PortalService } from './portal.service.js';

/**
 * Indexable public pages (issue 14 "readable without JavaScript"; docs/public-portal.md "Indexable pages"): the
 * list and detail pages of the standards library, policies, demonstration units and testing organisations are
 * answered by the server as HTML (platform/html-pages.ts, shared with the market's pages). Plus /sitemap.xml. Cached
 * under the 'portal' tag.
 */
const STATUS: Record<string, string> = { current: '现行', upcoming: '即将实施', abolished: '废止', replaced: '被代替' };
const TYPE: Record<string, string> = { national: '国家标准', industry: '行业标准', group: '团体标准' };
const KIND: Record<string, string> = { enterprise: '示范企业', park: '产业集聚区', base: '示范基地', centre: '研发/服务中心' };

/** Pages of another module listed in the sitemap (app.ts: the market's listings), cached under that module's tag. */
export interface SitemapSource {
  tag: PublicTag;
  /** the part's name in the index: /sitemap-<key>-<n>.xml */
  key: string;
  count(): Promise<number>;
  /** the URLs from `offset`, at most `limit`, in a stable order */
  urls(offset: number, limit: number): Promise<{ path: string; lastmod: Date | string | null }[]>;
}

export async function portalPageRoutes(app: FastifyInstance, deps: { portal: PortalService; publicCache: PublicCache; webDir: string; sitemapSources?: readonly SitemapSource[]; sitemapUrlsPerFile?: number }) {
  const { content } = deps.portal;
  const { origin, page } = htmlPages(deps.webDir);
  const send = (reply: FastifyReply, html: string) => reply.type('text/html; charset=utf-8').send(html);
  const cached = (key: string, make: () => Promise<string>) => deps.publicCache.get('portal', `html:${key}`, make);
  const hide = HTML_PAGE_ROUTE;

  app.get('/public/standards', hide, async (req, reply) => {
    const html = await cached(`standards:${origin(req)}`, async () => {
      const rows = await content.standards.allPublished();
      const items = rows.map((s) => `<tr><td><a href="/public/standards/${encodeURIComponent(s.code)}">${esc(s.code)}</a></td><td>${esc(s.title)}</td><td>${TYPE[s.type]}</td><td>${STATUS[s.status]}</td><td>${s.issuedOn ?? ''}</td></tr>`).join('');
      return page(req, '/public/standards', '再制造标准库', `再制造相关国家、行业、团体标准 ${rows.length} 项，含状态、日期与代替关系`, `<h1>再制造标准库</h1><table><thead><tr><th>标准编号</th><th>标准名称</th><th>类型</th><th>状态</th><th>发布日期</th></tr></thead><tbody>${items}</tbody></table>`);
    });
    return send(reply, html);
  });
  app.get<{ Params: { code: string } }>('/public/standards/:code', hide, async (req, reply) => {
    const code = req.params.code;
    // under 'declarations' (it lists who declares the standard), which a 'portal' invalidation drops as well
    const html = await deps.publicCache.get('declarations', `html:standard:${code.toUpperCase()}:${origin(req)}`, async () => {
      const { rows } = await content.standards.publicList({ q: code }, { page: 1, pageSize: 50 });
      const s = rows.find((r) => r.code.toUpperCase() === code.toUpperCase());
      if (!s) return '';
      const replaced = s.replacedBy ? `<a href="/public/standards/${encodeURIComponent(s.replacedBy)}">${esc(s.replacedBy)}</a>` : '—';
      const dl = [
        ['类型', TYPE[s.type]!],
        ['状态', STATUS[s.status]!],
        ['发布日期', s.issuedOn ?? '—'],
        ['实施日期', s.effectiveOn ?? '—'],
        ['起草单位', s.drafters.join('、') || '—'],
        ['摘要', s.summary || '—'],
      ]
        .map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`)
        .join('');
      const note = s.verified ? '' : '<p>本条信息尚未与标准文本核对，以标准正式文本为准。</p>';
      // who declares it (issue 14 item 1): the first 50 rows, the same as the app's first page
      const d = await deps.portal.declarations.of(s.id, { page: 1, pageSize: 50 });
      const KINDS: Record<string, string> = { catalogue: '产品目录', product: '追溯产品标签', enterprise: '企业申请书' };
      const declRows = d.items
        .map((x) => `<tr><td>${KINDS[x.kind]}</td><td>${esc(x.enterprise.name)}</td><td>${esc([x.productName, x.model].filter(Boolean).join(' · ') || '—')}</td><td>${x.units ?? '—'}</td><td>${esc(x.listedNo ?? '—')}</td><td>${x.url ? `<a href="${esc(x.url)}">查看</a>` : ''}</td></tr>`)
        .join('');
      const declared = `<h2>执行该标准的产品与企业</h2><p>${d.enterprises} 家企业：目录型号 ${d.counts.catalogue} 个，追溯产品 ${d.counts.product} 种，申请书声明 ${d.counts.enterprise} 家</p>${declRows ? `<table><thead><tr><th>来源</th><th>企业</th><th>产品 · 型号</th><th>追溯台数</th><th>目录编号</th><th></th></tr></thead><tbody>${declRows}</tbody></table>` : ''}`;
      return page(req, `/public/standards/${encodeURIComponent(s.code)}`, `${s.code} ${s.title}`, `${s.code} ${s.title}：${TYPE[s.type]}，${STATUS[s.status]}`, `<h1>${esc(s.code)} ${esc(s.title)}</h1>${note}<dl>${dl}<dt>被代替为</dt><dd>${replaced}</dd></dl>${declared}<p><a href="/public/standards">返回标准库</a></p>`);
    });
    if (!html) return reply.status(404).type('text/html; charset=utf-8').send(page(req, `/public/standards/${encodeURIComponent(code)}`, '未找到该标准', '未找到该标准', '<h1>未找到该标准</h1><p><a href="/public/standards">返回标准库</a></p>'));
    return send(reply, html);
  });
  /**
   * 再制造产品目录 (issue 14 item 3): the first screen of /public/catalogue as HTML — the listed models (or, with
   * `?tab=notice`, the models in 公示) of the page asked for, 50 a page, with the words and field filters of the
   * app's URL, a plain search form and page links, so a crawler or a reader without JavaScript reaches every model.
   * Cached under 'catalogue' (a listing or a 公示 drops it).
   */
  app.get<{ Querystring: Record<string, string | undefined> }>('/public/catalogue', hide, async (req, reply) => {
    const q = (req.query.q ?? '').slice(0, 100).trim() || undefined;
    const field = REMAN_FIELD_VALUES.includes(req.query.field as RemanField) ? req.query.field : undefined;
    const inNotice = req.query.tab === 'notice';
    const pageNo = Math.min(Math.max(1, Number.parseInt(req.query.page ?? '1', 10) || 1), 10_000);
    const html = await deps.publicCache.get('catalogue', `html:catalogue:${inNotice}:${q ?? ''}:${field ?? ''}:${pageNo}:${origin(req)}`, async () => {
      const catalogue = deps.portal.catalogue;
      const { rows, total } = await catalogue.publicPage({ q, field, inNotice }, { page: pageNo, pageSize: 50 });
      const names = await catalogue.enterpriseNames([...new Set(rows.map((r) => r.a.enterpriseId))]);
      const rate = (v: string | null) => (v === null ? '—' : `${Number(v)}%`);
      const std = (code: string) => `<a href="/public/standards/${encodeURIComponent(code)}">${esc(code)}</a>`;
      const fieldOf = (f: string) => esc(labelOf(REMAN_FIELDS, f as RemanField));
      const items = rows
        .map((r) =>
          inNotice
            ? `<tr><td>${esc(names.get(r.a.enterpriseId) ?? '')}</td><td>${esc(r.a.productName)}</td><td>${esc(r.a.model)}</td><td>${fieldOf(r.a.field)}</td><td>${std(r.a.standardCode)}</td><td>${r.a.noticeStartOn ?? ''} 至 ${r.a.noticeEndOn ?? ''}</td></tr>`
            : `<tr><td>${esc(r.a.listedNo ?? '')}</td><td>第${r.batchNo ?? ''}批 ${r.publishedOn ?? ''}</td><td>${esc(names.get(r.a.enterpriseId) ?? '')}</td><td>${esc(r.a.productName)}</td><td>${esc(r.a.model)}</td><td>${fieldOf(r.a.field)}</td><td>${std(r.a.standardCode)}</td><td>${rate(r.a.massRate)}</td><td>${rate(r.a.valueRate)}</td></tr>`,
        )
        .join('');
      const head = inNotice
        ? '<tr><th>企业</th><th>产品名称</th><th>型号</th><th>领域</th><th>执行标准</th><th>公示期</th></tr>'
        : '<tr><th>目录编号</th><th>批次</th><th>企业</th><th>产品名称</th><th>型号</th><th>领域</th><th>执行标准</th><th>再制造率（质量）</th><th>再制造率（价值）</th></tr>';
      const link = (over: Record<string, string | number | undefined>) => {
        const u = new URLSearchParams();
        for (const [k, v] of Object.entries({ tab: inNotice ? 'notice' : undefined, q, field, page: undefined as number | undefined, ...over })) if (v !== undefined && v !== '') u.set(k, String(v));
        const s = u.toString();
        return `/public/catalogue${s ? `?${s}` : ''}`;
      };
      const pages = Math.max(1, Math.ceil(total / 50));
      const nav = [pageNo > 1 ? `<a href="${esc(link({ page: pageNo - 1 }))}" rel="prev">上一页</a>` : '', `第 ${pageNo} / ${pages} 页，共 ${total} 个型号`, pageNo < pages ? `<a href="${esc(link({ page: pageNo + 1 }))}" rel="next">下一页</a>` : ''].filter(Boolean).join(' · ');
      const tabs = `<p><a href="/public/catalogue">已列入目录</a> · <a href="/public/catalogue?tab=notice">公示中</a></p>`;
      const options = REMAN_FIELDS.map((f) => `<option value="${f.value}"${f.value === field ? ' selected' : ''}>${esc(f.zh)}</option>`).join('');
      const form = `<form method="get" action="/public/catalogue">${inNotice ? '<input type="hidden" name="tab" value="notice">' : ''}<label>关键词 <input name="q" value="${esc(q ?? '')}"></label> <label>领域 <select name="field"><option value="">全部</option>${options}</select></label> <button type="submit">查询</button></form>`;
      const title = inNotice ? '再制造产品目录 · 公示中' : '再制造产品目录';
      const path = inNotice ? '/public/catalogue?tab=notice' : '/public/catalogue';
      const description = inNotice ? `正在公示的再制造产品目录申请 ${total} 个型号` : `已列入再制造产品目录的型号 ${total} 个：目录编号、批次、企业、执行标准与再制造率`;
      return page(req, path, title, description, `<h1>${title}</h1>${tabs}${form}<table><thead>${head}</thead><tbody>${items}</tbody></table><p>${nav}</p>`);
    });
    return send(reply, html);
  });
  app.get('/public/policies', hide, async (req, reply) => {
    const html = await cached(`policies:${origin(req)}`, async () => {
      const rows = await content.policies.allPublished();
      const items = rows.map((p) => `<li><a href="/public/policies/${p.id}">${esc(p.title)}</a> ${esc([p.docNumber, p.issuer, p.issuedOn].filter(Boolean).join(' · '))}</li>`).join('');
      return page(req, '/public/policies', '政策文件与通知', '再制造相关政策文件、通知、解读与新闻', `<h1>政策文件与通知</h1><ul>${items}</ul>`);
    });
    return send(reply, html);
  });
  app.get<{ Params: { id: string } }>('/public/policies/:id', hide, async (req, reply) => {
    const id = req.params.id;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return reply.status(404).type('text/html; charset=utf-8').send(page(req, '/public/policies', '未找到该文件', '未找到该文件', '<h1>未找到该文件</h1>'));
    const html = await cached(`policy:${id}:${origin(req)}`, async () => {
      const p = await content.policies.get(null, id).catch(() => null);
      if (!p) return '';
      const paras = p.body.split(/\n+/).filter(Boolean).map((x) => `<p>${esc(x)}</p>`).join('');
      const atts = p.attachments.map((a, n) => `<li><a href="/api/v1/public/policies/${p.id}/attachments/${n}">${esc(a.name)}</a></li>`).join('');
      return page(req, `/public/policies/${p.id}`, p.title, [p.docNumber, p.issuer, p.issuedOn].filter(Boolean).join(' · '), `<h1>${esc(p.title)}</h1><p>${esc([p.docNumber, p.issuer, p.issuedOn].filter(Boolean).join(' · '))}</p>${paras}${atts ? `<h2>附件</h2><ul>${atts}</ul>` : ''}`);
    });
    if (!html) return reply.status(404).type('text/html; charset=utf-8').send(page(req, '/public/policies', '未找到该文件', '未找到该文件', '<h1>未找到该文件</h1>'));
    return send(reply, html);
  });
  app.get('/public/demonstration-units', hide, async (req, reply) => {
    const html = await cached(`units:${origin(req)}`, async () => {
      const rows = await content.demoUnits.allPublished();
      const items = rows.map((u) => `<tr><td>${esc(u.name)}</td><td>${KIND[u.kind]}</td><td>${esc(u.city)}</td><td>${esc(u.field)}</td><td>${u.year}</td></tr>`).join('');
      return page(req, '/public/demonstration-units', '高端智能再制造示范单位', `示范企业、产业集聚区、示范基地和研发/服务中心 ${rows.length} 家`, `<h1>高端智能再制造示范单位</h1><table><thead><tr><th>名称</th><th>类型</th><th>城市</th><th>领域</th><th>认定年份</th></tr></thead><tbody>${items}</tbody></table>`);
    });
    return send(reply, html);
  });
  app.get('/public/testing-organizations', hide, async (req, reply) => {
    const html = await cached(`orgs:${origin(req)}`, async () => {
      const rows = await content.testingOrgs.allPublished();
      const items = rows.map((o) => `<tr><td>${esc(o.name)}</td><td>${esc(o.accreditationNo)}</td><td>${esc(o.scope)}</td></tr>`).join('');
      return page(req, '/public/testing-organizations', '第三方检测评价机构', '再制造产品检测评价机构名录，含认可编号与检测范围', `<h1>第三方检测评价机构</h1><table><thead><tr><th>机构名称</th><th>认可/资质编号</th><th>检测范围</th></tr></thead><tbody>${items}</tbody></table>`);
    });
    return send(reply, html);
  });
  // ---- sitemap: one file while everything fits (SITEMAP_URLS_PER_FILE, the protocol allows 50,000), else an index of
  // the portal's own file and each source's numbered files; every part cached under its own module's tag
  const perFile = deps.sitemapUrlsPerFile ?? 45_000;
  const sources = deps.sitemapSources ?? [];
  const url = (u: { loc: string; lastmod: Date | string | null }) => `<url><loc>${esc(u.loc)}</loc>${u.lastmod ? `<lastmod>${new Date(u.lastmod).toISOString()}</lastmod>` : ''}</url>`;
  const xml = (reply: FastifyReply, body: string) => reply.type('application/xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`);
  const urlset = (lines: string[]) => `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.filter(Boolean).join('\n')}\n</urlset>`;
  /** The portal's own pages (bounded by what MIIT publishes by hand), one <url> per line. */
  const own = (o: string) =>
    cached(`sitemap:${o}`, async () => {
      const [stds, pols] = await Promise.all([content.standards.allPublished(), content.policies.allPublished()]);
      const fixed = ['/public', '/public/search', '/public/announced', '/public/announcements', '/public/notices', '/public/statistics', '/public/standards', '/public/policies', '/public/demonstration-units', '/public/testing-organizations', '/public/targets', '/public/datasets', '/public/catalogue', '/public/market'];
      const urls = [
        ...fixed.map((p) => ({ loc: `${o}${p}`, lastmod: null as Date | null })),
        ...stds.map((s) => ({ loc: `${o}/public/standards/${encodeURIComponent(s.code)}`, lastmod: s.updatedAt })),
        ...pols.map((p) => ({ loc: `${o}/public/policies/${p.id}`, lastmod: p.updatedAt })),
      ];
      return urls.map(url).join('\n');
    });
  const countOf = (src: SitemapSource) => deps.publicCache.get(src.tag, `sitemap-count:${src.key}`, () => src.count());
  /** File n (from 1) of a source. */
  const part = (src: SitemapSource, n: number, o: string) =>
    deps.publicCache.get(src.tag, `sitemap:${src.key}:${n}:${perFile}:${o}`, async () => (await src.urls((n - 1) * perFile, perFile)).map((u) => url({ loc: `${o}${u.path}`, lastmod: u.lastmod })).join('\n'));

  app.get('/sitemap.xml', hide, async (req, reply) => {
    const o = origin(req);
    const [mine, counts] = await Promise.all([own(o), Promise.all(sources.map(countOf))]);
    const ownCount = mine ? mine.split('\n').length : 0;
    if (ownCount + counts.reduce((a, b) => a + b, 0) <= perFile) {
      return xml(reply, urlset([mine, ...(await Promise.all(sources.map((src) => part(src, 1, o))))]));
    }
    const files = [`${o}/sitemap-portal.xml`, ...sources.flatMap((src, i) => Array.from({ length: Math.ceil(counts[i]! / perFile) }, (_, k) => `${o}/sitemap-${src.key}-${k + 1}.xml`))];
    return xml(reply, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.map((f) => `<sitemap><loc>${esc(f)}</loc></sitemap>`).join('\n')}\n</sitemapindex>`);
  });
  // the index's files: /sitemap-portal.xml, /sitemap-<source>-<n>.xml (404 past the last)
  app.get<{ Params: { part: string } }>('/sitemap-:part', hide, async (req, reply) => {
    const o = origin(req);
    if (req.params.part === 'portal.xml') return xml(reply, urlset([await own(o)]));
    const m = /^([a-z]+)-([1-9]\d{0,6})\.xml$/.exec(req.params.part);
    const src = m ? sources.find((x) => x.key === m[1]) : undefined;
    const n = Number(m?.[2]);
    if (!src || (n - 1) * perFile >= (await countOf(src))) return reply.status(404).type('text/plain; charset=utf-8').send('Not Found');
    return xml(reply, urlset([await part(src, n, o)]));
  });
}
