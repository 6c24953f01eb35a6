import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';

/**
 * Security headers on every answer (helmet) and whose X-Forwarded-* the app believes (TRUST_PROXY).
 * `direct`: no proxy trusted (the default). `proxied`: only the proxy at 10.9.9.9 is trusted.
 */
let direct: TestApp, proxied: TestApp;
beforeAll(async () => {
  direct = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 3 });
  proxied = await buildTestApp({ TRUST_PROXY: ['10.9.9.9'], LOGIN_RATE_PER_MINUTE: 10_000 });
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
});

const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('security headers', () => {
  // documents (the web app, its pages, files opened in a tab): the web app's CSP and helmet's document headers
  const expectDocument = (res: Awaited<ReturnType<TestApp['inject']>>) => {
    const csp = String(res.headers['content-security-policy']);
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'default-src')).toBe("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    // plain HTTP: no HSTS (it would pin a host that has no TLS)
    expect(res.headers['strict-transport-security']).toBeUndefined();
  };

  it('/healthz (not under /api) carries the document headers: CSP, nosniff, referrer policy, no framing', async () => {
    expectDocument(await direct.inject('/healthz'));
  });

  it.each(['/api/v1/public/products/RM-NO-SUCH-CODE', '/api/v1/no-such-route', '/api/v1/auth/me', '/api/v1/public/datasets'])(
    '%s (JSON) carries the API set: CSP default-src none, no framing, nosniff, referrer policy, no-store — no document-only headers',
    async (url) => {
      const res = await direct.inject(url);
      expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
      const csp = String(res.headers['content-security-policy']);
      expect(directive(csp, 'default-src')).toBe("default-src 'none'");
      expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      for (const h of ['cross-origin-opener-policy', 'x-xss-protection', 'x-download-options', 'x-dns-prefetch-control', 'origin-agent-cluster', 'x-permitted-cross-domain-policies']) expect(res.headers[h]).toBeUndefined();
    },
  );

  it('a file under /api (a dataset as CSV) gets the document headers (a PDF or image opened in a tab), still no-store', async () => {
    const res = await direct.inject('/api/v1/public/datasets/catalogue/data.csv');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
    expectDocument(res);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('HSTS only when the request is HTTPS; a forged X-Forwarded-Proto from an untrusted client does not count', async () => {
    const forged = await direct.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await proxied.inject({ url: '/healthz', remoteAddress: '10.9.9.9', headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    const notTheProxy = await proxied.inject({ url: '/healthz', remoteAddress: '10.9.9.8', headers: { 'x-forwarded-proto': 'https' } });
    expect(notTheProxy.headers['strict-transport-security']).toBeUndefined();
  });

  it('Swagger UI at /docs gets its own CSP (the swagger-ui plugin’s), still no inline script and not frameable', async () => {
    const res = await direct.inject('/docs');
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(directive(csp, 'img-src')).toContain('validator.swagger.io');
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});

describe('TRUST_PROXY', () => {
  const login = (a: TestApp, username: string, password: string, headers: Record<string, string>, remoteAddress?: string) =>
    a.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers, ...(remoteAddress ? { remoteAddress } : {}) });
  const lastLoginIp = async (a: TestApp, userId: string) =>
    (await a.database.raw.query<{ ip: string }>(`SELECT ip FROM audit_log WHERE action = 'auth.login' AND object_id = $1 ORDER BY id DESC LIMIT 1`, [userId])).rows[0]?.ip;

  it('untrusted (TRUST_PROXY=0): a forged X-Forwarded-For changes neither the audit address nor the login rate limit', async () => {
    const u = await buildUser(direct.services, 'enterprise_staff');
    expect((await login(direct, u.username, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(200);
    expect(await lastLoginIp(direct, u.id)).toBe('127.0.0.1');
    // the limit is 3 a minute per address: new forged addresses each time do not help
    expect((await login(direct, u.username, 'Wrong-pass-2026', { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(401);
    expect((await login(direct, u.username, 'Wrong-pass-2026', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(401);
    const limited = await login(direct, u.username, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.10' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });

  it('a configured proxy address is believed; anyone else forging the header is not', async () => {
    const u = await buildUser(proxied.services, 'enterprise_staff');
    expect((await login(proxied, u.username, TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.4' }, '10.9.9.9')).statusCode).toBe(200);
    expect(await lastLoginIp(proxied, u.id)).toBe('198.51.100.4');
    expect((await login(proxied, u.username, TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.5' }, '192.0.2.1')).statusCode).toBe(200);
    expect(await lastLoginIp(proxied, u.id)).toBe('192.0.2.1');
  });
});
