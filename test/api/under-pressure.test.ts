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
