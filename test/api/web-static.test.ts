import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { IMMUTABLE } from '../../src/server/platform/web-static.js';
import { freshDatabase } from '../support/db.js';

/**
 * How the built web app is sent (platform/web-static.ts, docs/ux.md "First load"): the precompressed file the
 * browser accepts, hashed assets immutable for a year, index.html (also as the SPA fallback) revalidated.
 * A small dist directory is written here; the real build's .br/.gz files come from vite.config.ts.
 */
describe('web app static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reman-web-'));
  const js = `console.log(${JSON.stringify('再制造'.repeat(400))});\n`;
  const html = `<!doctype html><html><head><script type="module" src="/assets/index-AbC12345.js"></script></head><body><div id="root"></div></body></html>`;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'assets/index-AbC12345.js'), js);
    writeFileSync(join(dir, 'assets/index-AbC12345.js.br'), brotliCompressSync(js));
    writeFileSync(join(dir, 'assets/index-AbC12345.js.gz'), gzipSync(js));
    app = await buildApp({ config: testConfig({ WEB_DIST_DIR: dir }), database: await freshDatabase() });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a hashed asset as brotli (or gzip) when accepted, cached as immutable for a year', async () => {
    const br = await app.inject({ url: '/assets/index-AbC12345.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(js) / 5);

    const gz = await app.inject({ url: '/assets/index-AbC12345.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);

    const plain = await app.inject({ url: '/assets/index-AbC12345.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('answers /public with its first screen inside index.html (item 18): real words and links, compressed, revalidated', async () => {
    for (const url of ['/public', '/public/']) {
      const r = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(r.body, url).toContain('<script type="module" src="/assets/index-AbC12345.js">'); // the app still starts
      expect(r.body).toMatch(/<div id="root"><style>[\s\S]*data-testid="page-title">公开信息<\/h3>/);
      for (const words of ['再制造公共信息服务平台', '公告企业名单', '行业统计', '投诉举报', '依据《机电产品再制造行业规范条件》']) expect(r.body, words).toContain(words);
      for (const href of ['/public/announced', '/public/announcements', '/public/notices', '/public/statistics', '/public/complaints', '/login']) expect(r.body).toContain(`href="${href}"`);
    }
    const br = await app.inject({ url: '/public', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength((await app.inject({ url: '/public' })).body) / 2);
    // the other public pages stay the app's fallback
    expect((await app.inject({ url: '/public/notices' })).body).not.toContain('data-first-screen');
  });

  it('revalidates index.html, at / and as the fallback of a client-side route', async () => {
    for (const url of ['/', '/index.html', '/public/announced', '/applications/123']) {
      const r = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(r.body, url).toContain('<div id="root">');
    }
  });

  it('keeps API answers uncached and unknown assets a 404', async () => {
    expect((await app.inject('/api/v1/public/notices')).headers['cache-control']).toBe('no-store');
    expect((await app.inject('/assets/missing-XyZ98765.js')).statusCode).toBe(404);
  });
});
