import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { areas } from '../../web/locales/index.js';
import type { Entry } from '../../web/locales/types.js';

/**
 * The public home's first screen as HTML (issue 16 item 18, docs/ux.md "First load"): GET /public answers the web
 * app's index.html with the page's first screen already inside <div id="root"> — the header band with the site's
 * name and the public menu, the page title, the introduction, the service counter's entries and the three lists'
 * cards, in Chinese, the words of the app's own locale tree (src/web/locales). A visitor sees the page as soon as
 * the HTML arrives instead of after ~1 MB of JavaScript has started; the app, once its code for the route is loaded
 * (main.tsx waits for it), replaces it in one commit (the counts and the product-code box come with the app).
 * Without JavaScript the links work. Built once per process from the built index.html (its hashed script names),
 * sent precompressed, revalidated on each load like index.html.
 */

/** The Chinese text of a key of the web app's locale tree (the server-rendered pages use the app's own words). */
export const zh = (key: string): string => {
  for (const dict of Object.values(areas)) {
    const e = (dict as Record<string, Entry>)[key];
    if (e) return e[0];
  }
  throw new Error(`no text for ${key}`);
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// the public layout's menu (src/web/pages/public/PublicLayout.tsx NAV)
const NAV: [string, string][] = [
  ['/public', 'pub.home'],
  ['/public/announced', 'pub.announced'],
  ['/public/announcements', 'pub.announcements'],
  ['/public/notices', 'pub.notices'],
  ['/public/statistics', 'pub.statistics'],
  ['/public/market', 'market.nav'],
  ['/public/complaints', 'pub.complaints'],
  ['/public/search', 'portal.nav.search'],
  ['/public/standards', 'portal.nav.standards'],
  ['/public/catalogue', 'portal.nav.catalogue'],
  ['/public/policies', 'portal.nav.policies'],
  ['/public/demonstration-units', 'portal.nav.units'],
  ['/public/testing-organizations', 'portal.nav.orgs'],
  ['/public/targets', 'portal.nav.targets'],
  ['/public/datasets', 'portal.nav.datasets'],
];
const CARDS: [string, string, string][] = [
  ['/public/announced', 'pub.announced', 'pub.card.announced'],
  ['/public/announcements', 'pub.announcements', 'pub.card.announcements'],
  ['/public/notices', 'pub.notices', 'pub.card.notices'],
];

// the look of the app's first screen (antd's tokens and the theme's brand colours), so that the swap does not jump
const STYLE = `<style>
.fs{min-height:100vh;display:flex;flex-direction:column;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans',sans-serif;font-size:14px;line-height:1.5715;color:rgba(0,0,0,.88);background:#f5f5f5}
.fs a{text-decoration:none}
.fs-band{background:linear-gradient(90deg,#12355e 0%,#1d4e89 100%)}
.fs-top{max-width:1200px;margin:0 auto;padding:18px 24px 10px;display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:12px}
.fs-brand{display:flex;align-items:center;gap:12px;color:#fff}
.fs-brand h1{color:#fff;margin:0;font-size:22px;font-weight:600;line-height:1.27;letter-spacing:2px}
.fs-brand span{display:block;color:rgba(255,255,255,.75);font-size:13px}
.fs-login{color:rgba(0,0,0,.88);background:#fff;border-radius:4px;padding:0 7px;line-height:22px;font-size:14px}
.fs-nav{max-width:1200px;margin:0 auto;padding:0 12px;display:flex;overflow:hidden;white-space:nowrap}
.fs-nav a{color:rgba(255,255,255,.85);padding:0 20px;line-height:46px}
.fs-nav a[aria-current]{color:#fff;background:#1d4e89}
.fs-main{width:100%;max-width:1200px;margin:0 auto;padding:24px;box-sizing:border-box;flex:1}
.fs-title{margin:0 0 16px;font-size:24px;font-weight:600;line-height:1.35}
.fs-card{background:#fff;border:1px solid #f0f0f0;border-radius:8px;padding:24px;margin-bottom:24px}
.fs-card p{margin:0;font-size:15px}
.fs-links{display:flex;gap:16px;flex-wrap:wrap}
.fs-links a{border:1px solid #d9d9d9;border-radius:6px;padding:4px 15px;color:rgba(0,0,0,.88);background:#fff}
.fs-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:24px}
.fs-cards .fs-card{margin:0;padding:0}
.fs-cards h2{margin:0;padding:16px 24px;font-size:16px;font-weight:600;border-bottom:1px solid #f0f0f0}
.fs-cards div{padding:24px}
.fs-cards b{display:block;font-size:24px;font-weight:400}
.fs-cards p{color:#595959;font-size:14px;margin-top:8px;min-height:44px}
.fs-cards a.fs-open{display:block;border-top:1px solid #f0f0f0;text-align:center;padding:12px;color:#1d4e89}
.fs-foot{text-align:center;color:#595959;padding:12px 24px 20px}
</style>`;

const LOGO = `<svg width="40" height="40" viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="6" fill="#fff" fill-opacity=".15"/><path d="M9 16a7 7 0 0 1 12-5l2-2v6h-6l2-2a4.5 4.5 0 1 0 1 5h3A7 7 0 0 1 9 16z" fill="#fff"/></svg>`;

export function publicHomeFirstScreen(): string {
  const nav = NAV.map(([path, key]) => `<a href="${path}"${path === '/public' ? ' aria-current="page"' : ''}>${esc(zh(key))}</a>`).join('');
  const cards = CARDS.map(
    ([path, title, desc]) =>
      `<section class="fs-card"><h2>${esc(zh(title))}</h2><div><b>—</b><p>${esc(zh(desc))}</p></div><a class="fs-open" href="${path}">${esc(zh('pub.enter'))} ›</a></section>`,
  ).join('');
  return (
    `${STYLE}<div class="fs" data-first-screen="server">` +
    `<header class="fs-band"><div class="fs-top"><a class="fs-brand" href="/public">${LOGO}<div><h1>${esc(zh('app.title'))}</h1><span>${esc(zh('pub.portal'))}</span></div></a>` +
    `<a class="fs-login" href="/login">${esc(zh('pub.login'))}</a></div><nav class="fs-nav" aria-label="${esc(zh('pub.portal'))}">${nav}</nav></header>` +
    `<main class="fs-main"><h3 class="fs-title" data-testid="page-title">${esc(zh('pub.portal'))}</h3>` +
    `<section class="fs-card"><p>${esc(zh('pub.intro'))}</p></section>` +
    `<section class="fs-card"><div class="fs-links"><a href="/public/statistics">${esc(zh('ux.pub.statistics'))}</a><a href="/public/complaints">${esc(zh('ux.pub.complaints'))}</a></div></section>` +
    `<div class="fs-cards">${cards}</div></main>` +
    `<footer class="fs-foot">${esc(zh('app.footer'))}</footer></div>`
  );
}

/** GET /public with the first screen inside the app's index.html (only when the built app is served). */
export async function publicHomeRoutes(app: FastifyInstance, deps: { webDir: string }): Promise<void> {
  const indexPath = resolve(deps.webDir, 'index.html');
  let bodies: { html: Buffer; br: Buffer; gzip: Buffer } | undefined;
  const build = () => {
    const template = readFileSync(indexPath, 'utf8');
    const html = Buffer.from(template.replace('<div id="root"></div>', `<div id="root">${publicHomeFirstScreen()}</div>`));
    return { html, br: brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }), gzip: gzipSync(html, { level: 9 }) };
  };
  const handler = async (req: { headers: Record<string, string | string[] | undefined> }, reply: import('fastify').FastifyReply) => {
    if (!existsSync(indexPath)) return reply.callNotFound();
    bodies ??= build();
    const accept = String(req.headers['accept-encoding'] ?? '');
    reply.type('text/html; charset=utf-8').header('vary', 'accept-encoding');
    if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(bodies.br);
    if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(bodies.gzip);
    return reply.send(bodies.html);
  };
  // revalidated like index.html, not the API's no-store (this plugin's onSend runs after the app's)
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'no-cache');
    return payload;
  });
  const opts = { schema: { hide: true }, config: { policy: { public: true as const } } };
  app.get('/public', opts, handler); // and /public/ (ignoreTrailingSlash)
}
