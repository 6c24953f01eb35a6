import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, type Services } from '../../src/server/app.js';
import { testConfig, testEnvironment, type AppConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { seedDemoData } from '../../src/server/demo.js';
import { systemClock } from '../../src/server/platform/clock.js';

/**
 * The demo world of the browser suite, seeded once per run (vitest globalSetup of vitest.browser.config.ts) instead of
 * once per file: migrations and seedDemoData on an in-memory PGlite, then its data directory as a tarball
 * (`dumpDataDir('none')`) and the blobs of the in-memory file store (FILE_STORE_DIR=memory://) as files. Each file opens
 * its own fresh copy (startWebServer): its own PGlite loaded from the tarball, its own file store filled from the blobs.
 *
 * A file gets its own seed instead (the old way) when the snapshot would not be the world it would have seeded:
 * - on PostgreSQL (TEST_DATABASE_URL): no snapshot is taken;
 * - its `server` overrides touch a setting outside SEED_NEUTRAL (settings the seed's outcome does not depend on);
 * - the day in Asia/Shanghai changed since the snapshot (the seed places its 公示, 公告 and histories relative to today;
 *   readings and sales "N days ago" are relative to the seed's clock either way);
 * - REMAN_BROWSER_SNAPSHOT=0.
 */
export interface DemoSnapshot {
  dir: string;
  /** Asia/Shanghai day the seed ran on. */
  day: string;
  /** The seed's wall time in ms. */
  seedMs: number;
  /** Blobs of the file store in the snapshot. */
  blobs: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserDemoSnapshot: DemoSnapshot | null;
  }
}

/**
 * Overrides a browser file may pass that do not change the world the seed leaves: the login rate (not used by the
 * seed), and the inline projection ceiling (when a capture is projected, not what is projected: the snapshot is taken
 * after `projection.drain()`, the state the background follower reaches in the file's own seed).
 */
export const SEED_NEUTRAL: readonly (keyof AppConfig)[] = ['LOGIN_RATE_PER_MINUTE', 'TRACE_INLINE_PROJECTION_MAX'];

/** The config every snapshot-using file seeds with (startWebServer's base). */
export const seedConfig = (overrides: Partial<AppConfig> = {}) => testConfig({ LOGIN_RATE_PER_MINUTE: 1000, ...overrides });

export async function writeDemoSnapshot(dir: string): Promise<DemoSnapshot> {
  const started = performance.now();
  const config = seedConfig();
  const day = systemClock.today();
  const database = await openDatabase({ dataDir: 'memory://' });
  let blobCount = 0;
  const app = await buildApp({ config, database, serveWeb: false });
  try {
    await seedDemoData(app.services, database, config);
    // settle the background work the seed started, as the file's own app would within seconds
    await app.services.search.idle();
    await app.services.trace.projection.drain();
    await app.services.jobs.stop();
    await app.services.trace.projection.stop();
    const dump = await database.pglite!.dumpDataDir('none');
    writeFileSync(join(dir, 'pgdata.tar'), Buffer.from(await dump.arrayBuffer()));
    mkdirSync(join(dir, 'blobs'));
    const blobs = app.services.files.blobs;
    for await (const sha of blobs.list()) {
      writeFileSync(join(dir, 'blobs', sha), (await blobs.get(sha))!);
      blobCount++;
    }
  } finally {
    await app.close();
  }
  return { dir, day, seedMs: Math.round(performance.now() - started), blobs: blobCount };
}

/** The file store of a fresh app filled with the snapshot's blobs. */
export async function restoreBlobs(services: Services, snapshot: DemoSnapshot): Promise<void> {
  const dir = join(snapshot.dir, 'blobs');
  for (const sha of readdirSync(dir)) await services.files.blobs.put(readFileSync(join(dir, sha)));
}

/** The snapshot a file with these overrides may start from, or why not. */
export function usableSnapshot(snapshot: DemoSnapshot | null | undefined, overrides: Partial<AppConfig>): { snapshot: DemoSnapshot } | { reason: string } {
  if (!snapshot) return { reason: 'no snapshot (PostgreSQL, REMAN_BROWSER_SNAPSHOT=0 or another config)' };
  const other = Object.keys(overrides).filter((k) => !SEED_NEUTRAL.includes(k as keyof AppConfig));
  if (other.length) return { reason: `server overrides ${other.join(', ')} may change the seed` };
  if (systemClock.today() !== snapshot.day) return { reason: `the day changed since the snapshot (${snapshot.day})` };
  return { snapshot };
}

/** vitest globalSetup (vitest.browser.config.ts): seed once, provide the snapshot, remove it after the run. */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (testEnvironment().databaseUrl || process.env.REMAN_BROWSER_SNAPSHOT === '0') {
    project.provide('browserDemoSnapshot', null);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'reman-browser-world-'));
  const snapshot = await writeDemoSnapshot(dir);
  console.log(`[browser tests] demo world seeded once in ${(snapshot.seedMs / 1000).toFixed(1)} s (${snapshot.blobs} stored files; snapshot ${dir})`);
  project.provide('browserDemoSnapshot', snapshot);
  return () => rmSync(dir, { recursive: true, force: true });
}
