import { describe, expect, it } from 'vitest';
import { startBanner } from '../../src/server/start-banner.js';

describe('start banner (npm start, plain text)', () => {
  it('names the pages to open on localhost and, with demo data, the demo logins and their password', () => {
    const text = startBanner({ port: 3000, host: '0.0.0.0', demo: true, demoPassword: 'Demo#1' });
    expect(text).toContain('http://localhost:3000/login');
    expect(text).toContain('http://localhost:3000/public');
    expect(text).toContain('Demo#1');
    for (const login of ['ent-gd', 'gd-reviewer', 'miit', 'expert1']) expect(text).toContain(login);
    expect(() => JSON.parse(text)).toThrow(); // plain text, not a JSON log line
  });

  it('keeps a configured host and says nothing of demo logins without demo data', () => {
    const text = startBanner({ port: 8080, host: '10.0.0.5', demo: false, demoPassword: 'Demo#1' });
    expect(text).toContain('http://10.0.0.5:8080/public');
    expect(text).not.toContain('Demo#1');
    expect(text).not.toContain('gd-reviewer');
  });
});
