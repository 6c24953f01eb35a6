/** Public verification is rate-limited per client address (heavy scanning must not slow the platform). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ VERIFY_RATE_PER_MINUTE: 5 });
});
afterAll(async () => app?.close());

describe('public verification', () => {
  it('answers unknown codes with a bilingual 404, and limits each client address', async () => {
    const get = (ip: string) => app.inject({ method: 'GET', url: '/api/v1/public/products/RM0000000000000000', remoteAddress: ip });
    for (let i = 0; i < 5; i++) {
      const r = await get('203.0.113.7');
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('PRODUCT_NOT_FOUND');
    }
    expect((await get('203.0.113.7')).statusCode).toBe(429);
    expect((await get('203.0.113.8')).statusCode).toBe(404); // another client is not affected
    // garbage is a 404 too, never a 500
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/products/${encodeURIComponent('%%% not a code')}`, remoteAddress: '203.0.113.9' })).statusCode).toBe(404);
  });
});
