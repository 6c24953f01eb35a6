import { spawnSync } from 'node:child_process';
import { describe, it, type TestContext } from 'vitest';
import { testEnvironment } from '../../src/server/config.js';
import { findCjkFont } from '../../src/server/modules/trace/labels.js';

/**
 * Checks that need something outside node_modules (Chromium, LibreOffice, a CJK font, pdftotext, a PostgreSQL
 * server). Outside CI a missing tool skips the check with the reason printed; with CI=true it is a failure
 * naming what is missing — .ci/run installs all of them, so a CI run never passes without running them.
 */

/** Why a check cannot run here (null: it can). */
export type Unavailable = string | null;

export function sofficeUnavailable(): Unavailable {
  const r = spawnSync('soffice', ['--version'], { timeout: 30_000, encoding: 'utf8' });
  return !r.error && r.status === 0 ? null : 'LibreOffice (soffice) not installed (Debian: libreoffice-writer-nogui)';
}

export function pdftotextUnavailable(): Unavailable {
  const r = spawnSync('pdftotext', ['-v'], { timeout: 10_000, encoding: 'utf8' });
  return r.error ? 'pdftotext not installed (Debian: poppler-utils)' : null;
}

export function cjkFontUnavailable(): Unavailable {
  return findCjkFont() ? null : 'no CJK font found (Debian: fonts-wqy-zenhei)';
}

export function postgresUnavailable(): Unavailable {
  return testEnvironment().databaseUrl ? null : 'TEST_DATABASE_URL not set: PostgreSQL-only test (the CI PostgreSQL rerun sets it)';
}

/** The first reason among several, or null when every one is available. */
export function firstUnavailable(...reasons: Unavailable[]): Unavailable {
  return reasons.find((r) => r !== null) ?? null;
}

/** In CI: throw naming what is missing. Outside CI: print the reason and return true (the caller skips). */
export function skipWithout(unavailable: Unavailable): boolean {
  if (unavailable === null) return false;
  if (testEnvironment().ci) throw new Error(`CI=true but this check cannot run: ${unavailable}. .ci/run must install it.`);
  console.warn(`[skipped] ${unavailable}`);
  return true;
}

/** Inside a test: skip it (outside CI, reason printed) or fail it (CI) when something it needs is missing. */
export function requireTool(ctx: TestContext, unavailable: Unavailable): void {
  if (skipWithout(unavailable)) ctx.skip(unavailable!);
}

/**
 * describe() for a block that needs a tool: skipped with the reason printed outside CI; in CI a missing tool
 * becomes one failing test naming it (never a silent skip).
 */
export function describeWith(unavailable: Unavailable, name: string, fn: () => void): void {
  if (unavailable === null) {
    describe(name, fn);
    return;
  }
  if (testEnvironment().ci) {
    describe(name, () => {
      it(`needs: ${unavailable}`, () => {
        throw new Error(`CI=true but this check cannot run: ${unavailable}. .ci/run must install it.`);
      });
    });
    return;
  }
  console.warn(`[skipped] ${name}: ${unavailable}`);
  describe.skip(name, fn);
}

/**
 * describe() for PostgreSQL-only tests (real concurrency, row locks): the PGlite run — CI's too — skips them with
 * the reason printed; CI's PostgreSQL rerun sets TEST_DATABASE_URL and runs them.
 */
export function describeOnPostgres(name: string, fn: () => void): void {
  const unavailable = postgresUnavailable();
  if (unavailable === null) {
    describe(name, fn);
    return;
  }
  console.warn(`[skipped on PGlite] ${name}: ${unavailable}`);
  describe.skip(name, fn);
}
