/**
 * Issue 10 §6: under pressure the server sheds load with a 503 in the error shape and Retry-After, before
 * the process drowns; /healthz keeps answering. Pressure is provoked by a heap threshold below what any
 * process uses.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ PRESSURE_MAX_HEAP_MB: 1 });
});
afterAll(async () => app?.close());

it('answers 503 OVERLOADED with Retry-After once the heap threshold is passed; /healthz still answers', async () => {
  // memory is sampled once a second: wait for the first sample
  const r = await vi.waitFor(
    async () => {
      const res = await app.inject({ url: '/api/v1/public/announced-enterprises' });
      if (res.statusCode !== 503) throw new Error(`still ${res.statusCode}`);
      return res;
    },
    { timeout: 20_000, interval: 200 },
  );
  expect(r.headers['retry-after']).toBe('10');
  expect(r.json()).toEqual({ error: { code: 'OVERLOADED', message: expect.any(String), messageEn: expect.stringContaining('overloaded'), details: null } });
  const health = await app.inject({ url: '/healthz' });
  expect(health.statusCode).toBe(200);
});

it('under pressure the web app’s files still load, and a browser asking for a page gets a page in both languages, not the JSON error', async () => {
  await vi.waitFor(async () => {
    if ((await app.inject({ url: '/api/v1/public/announced-enterprises' })).statusCode !== 503) throw new Error('no pressure yet');
  }, { timeout: 20_000, interval: 200 });
  const asset = await app.inject({ url: '/assets/index-missing.js' });
  expect(asset.statusCode).not.toBe(503); // let through to the file server (404 here: the test app serves no build)
  const page = await app.inject({ url: '/password', headers: { accept: 'text/html,application/xhtml+xml' } });
  expect(page.statusCode).toBe(503);
  expect(page.headers['content-type']).toContain('text/html');
  expect(page.headers['retry-after']).toBe('10');
  expect(page.body).toContain('服务器繁忙');
  expect(page.body).toContain('The server is busy');
  const api = await app.inject({ url: '/api/v1/public/announced-enterprises', headers: { accept: 'text/html' } });
  expect(api.json().error.code).toBe('OVERLOADED');
});
