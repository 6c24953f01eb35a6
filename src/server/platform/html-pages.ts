import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The machinery of the indexable public pages (issue 14 "readable without JavaScript"; docs/public-portal.md
 * "Indexable pages"), shared by the portal's pages (modules/portal/pages.routes.ts) and the market's
 * (modules/listings/pages.routes.ts): the web app's index.html with the page's <title>, description and canonical URL
 * set and the content already inside <div id="root"> (React replaces it once the app starts; without JavaScript, or
 * for a crawler, the content is there). Without a built app (API tests) a bare HTML document carries the same head
 * and content.
 */
export const escHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
export const SITE_NAME = '再制造公共信息服务平台';
/** Route options of a server-rendered page: public, not in the OpenAPI document. */
export const HTML_PAGE_ROUTE = { schema: { hide: true }, config: { policy: { public: true as const } } };

export interface HtmlPages {
  /** scheme://host of the request: canonical links and cache keys (one answer per host) */
  origin(req: FastifyRequest): string;
  /** The whole page: `body` is HTML already escaped by the caller. */
  page(req: FastifyRequest, path: string, title: string, description: string, body: string): string;
  send(reply: FastifyReply, html: string, status?: number): FastifyReply;
}

export function htmlPages(webDir: string): HtmlPages {
  const indexPath = resolve(webDir, 'index.html');
  let shell: string | null | undefined;
  const template = () => (shell === undefined ? (shell = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null) : shell);
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
  return {
    origin,
    page(req, path, title, description, body) {
      const canonical = `${origin(req)}${path}`;
      const head = `<title>${escHtml(title)} — ${SITE_NAME}</title><meta name="description" content="${escHtml(description)}"><link rel="canonical" href="${escHtml(canonical)}">`;
      const main = `<main class="ssr" style="max-width:1200px;margin:0 auto;padding:24px;font-family:sans-serif"><p><a href="/public">${SITE_NAME}</a></p>${body}</main>`;
      const t = template();
      if (!t) return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}</head><body>${main}</body></html>`;
      // the page's own description, not the app's general one beside it
      return t.replace(/\s*<meta name="description"[^>]*>/, '').replace(/<title>[\s\S]*?<\/title>/, head).replace('<div id="root"></div>', `<div id="root">${main}</div>`);
    },
    send: (reply, html, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(html),
  };
}
