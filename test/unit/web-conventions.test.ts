import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const semver = require('semver') as { satisfies: (v: string, range: string) => boolean; minVersion: (range: string) => { version: string } | null };

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

/** Issue 16 item 14 (part): dates and times are entered with antd's DatePicker (DateField / DateTimeField), never a native input. */
describe('no native date inputs in the web app', () => {
  it('has no <input type="date"> / datetime-local / month / time in src/web', () => {
    const native = files('src/web', /\.(tsx|ts|html)$/)
      .filter((f) => /type=["'{]+\s*['"]?(date|datetime-local|month|time|week)['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => f.replace(/\\/g, '/'));
    expect(native).toEqual([]);
  });
});

/** Issue 16 item 17 (docs/decisions.md 2026-12-06): the README's Node ≥ 20.19 holds for every locked package — no EBADENGINE on `npm ci`. */
describe('Node 20.19 is enough for every installed package', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };

  it('package.json and the README name the same floor', () => {
    expect(semver.minVersion(pkg.engines.node)?.version).toBe('20.19.0');
    expect(readFileSync('README.md', 'utf8')).toMatch(/Node\.js ≥ 20\.19/);
  });

  it('no package in package-lock.json asks for a newer Node than the floor', () => {
    const floor = semver.minVersion(pkg.engines.node)!.version;
    const tooNew = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(floor, p.engines.node))
      .map(([path, p]) => `${path} (${(p.engines as { node: string }).node})`);
    expect(tooNew).toEqual([]);
  });
});
