import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PublicCache } from '../../platform/public-cache.js';
import type { PortalService } from './portal.service.js';

/**
 * Indexable public pages (issue 14 "readable without JavaScript"; docs/public-portal.md "Indexable pages"): the
 * list and detail pages of the standards library, policies, demonstration units and testing organisations are
 * answered by the server as HTML — the web app's index.html with the page's <title>, description and canonical
 * URL set and the content already inside <div id="root"> (React replaces it once the app starts; without
 * JavaScript, or for a crawler, the content is there). Plus /sitemap.xml. Cached under the 'portal' tag.
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const STATUS: Record<string, string> = { current: '现行', upcoming: '即将实施', abolished: '废止', replaced: '被代替' };
const TYPE: Record<string, string> = { national: '国家标准', industry: '行业标准', group: '团体标准' };
const KIND: Record<string, string> = { enterprise: '示范企业', park: '产业集聚区', base: '示范基地', centre: '研发/服务中心' };
const SITE = '再制造公共信息服务平台';

export async function portalPageRoutes(app: FastifyInstance, deps: { portal: PortalService; publicCache: PublicCache; webDir: string }) {
  const { content } = deps.portal;
  const indexPath = resolve(deps.webDir, 'index.html');
  let shell: string | null | undefined;
  const template = () => (shell === undefined ? (shell = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null) : shell);
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

  function page(req: FastifyRequest, path: string, title: string, description: string, body: string) {
    const canonical = `${origin(req)}${path}`;
    const head = `<title>${esc(title)} — ${SITE}</title><meta name="description" content="${esc(description)}"><link rel="canonical" href="${esc(canonical)}">`;
    const main = `<main class="ssr" style="max-width:1200px;margin:0 auto;padding:24px;font-family:sans-serif"><p><a href="/public">${SITE}</a></p>${body}</main>`;
    const t = template();
    if (!t) return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}</head><body>${main}</body></html>`;
    return t.replace(/<title>[\s\S]*?<\/title>/, head).replace('<div id="root"></div>', `<div id="root">${main}</div>`);
  }
  const send = (reply: FastifyReply, html: string) => reply.type('text/html; charset=utf-8').send(html);
  const cached = (key: string, make: () => Promise<string>) => deps.publicCache.get('portal', `html:${key}`, make);
  const hide = { schema: { hide: true }, config: { policy: { public: true as const } } };

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
    const html = await cached(`standard:${code.toUpperCase()}:${origin(req)}`, async () => {
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
      return page(req, `/public/standards/${encodeURIComponent(s.code)}`, `${s.code} ${s.title}`, `${s.code} ${s.title}：${TYPE[s.type]}，${STATUS[s.status]}`, `<h1>${esc(s.code)} ${esc(s.title)}</h1>${note}<dl>${dl}<dt>被代替为</dt><dd>${replaced}</dd></dl><p><a href="/public/standards">返回标准库</a></p>`);
    });
    if (!html) return reply.status(404).type('text/html; charset=utf-8').send(page(req, `/public/standards/${encodeURIComponent(code)}`, '未找到该标准', '未找到该标准', '<h1>未找到该标准</h1><p><a href="/public/standards">返回标准库</a></p>'));
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
  app.get('/sitemap.xml', hide, async (req, reply) => {
    const xml = await cached(`sitemap:${origin(req)}`, async () => {
      const o = origin(req);
      const [stds, pols] = await Promise.all([content.standards.allPublished(), content.policies.allPublished()]);
      const fixed = ['/public', '/public/search', '/public/announced', '/public/announcements', '/public/notices', '/public/statistics', '/public/standards', '/public/policies', '/public/demonstration-units', '/public/testing-organizations', '/public/targets', '/public/datasets'];
      const urls = [
        ...fixed.map((p) => ({ loc: `${o}${p}`, lastmod: null as Date | null })),
        ...stds.map((s) => ({ loc: `${o}/public/standards/${encodeURIComponent(s.code)}`, lastmod: s.updatedAt })),
        ...pols.map((p) => ({ loc: `${o}/public/policies/${p.id}`, lastmod: p.updatedAt })),
      ];
      return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<url><loc>${esc(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`).join('\n')}\n</urlset>\n`;
    });
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
}
