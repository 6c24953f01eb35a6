import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('loadConfig', () => {
  it('gives defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.REMAN_DEMO).toBe(true);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.COOKIE_SECURE).toBe('auto');
    expect(c.LOGIN_MAX_FAILURES).toBe(10);
    expect(c.LOGIN_ADDRESS_FAILURES).toBe(5);
    expect(c.PASSWORD_SCRYPT_N).toBe(16384);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('coerces numbers and booleans', () => {
    const c = loadConfig({ PORT: '8080', REMAN_DEMO: '0', TRUST_PROXY: 'yes', PASSWORD_SCRYPT_N: '2048' });
    expect(c.PORT).toBe(8080);
    expect(c.REMAN_DEMO).toBe(false);
    expect(c.TRUST_PROXY).toBe(1);
    expect(c.PASSWORD_SCRYPT_N).toBe(2048);
    expect(loadConfig({ REMAN_DEMO: 'false' }).REMAN_DEMO).toBe(false);
    expect(loadConfig({ REMAN_DEMO: '1' }).REMAN_DEMO).toBe(true);
  });

  it('demo data: on by default for a newcomer, off by default in production, explicit REMAN_DEMO wins', () => {
    expect(loadConfig({}).REMAN_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).REMAN_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).REMAN_DEMO).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', REMAN_DEMO: '' }).REMAN_DEMO).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', REMAN_DEMO: '1' }).REMAN_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', REMAN_DEMO: '0' }).REMAN_DEMO).toBe(false);
  });

  it('TRUST_PROXY: nobody by default; 1/true = exactly one hop; N hops; or a list of addresses/CIDRs — never everyone', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).TRUST_PROXY).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1,10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.300' })).toThrow(/TRUST_PROXY/);
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).DATABASE_URL).toBe('postgresql://u@h/db');
  });

  it('throws a ConfigError naming every bad variable', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', PASSWORD_SCRYPT_N: '1000' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => p.startsWith('PORT='))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL='))).toBe(true);
    expect(problems.some((p) => p.startsWith('PASSWORD_SCRYPT_N='))).toBe(true);
    expect((caught as ConfigError).message).toMatch(/PORT/);
    expect((caught as ConfigError).message).toMatch(/PASSWORD_SCRYPT_N/);
  });

  it('rejects a scrypt cost that is not a power of two, and unknown enum values', () => {
    expect(() => loadConfig({ PASSWORD_SCRYPT_N: '3000' })).toThrow(ConfigError);
    expect(() => loadConfig({ REMAN_DEMO: 'maybe' })).toThrow(/REMAN_DEMO/);
    expect(() => loadConfig({ COOKIE_SECURE: 'sometimes' })).toThrow(/COOKIE_SECURE/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
