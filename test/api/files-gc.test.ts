/** Garbage collection of the content-addressed file store (issue 10 §6 leftover): unreferenced blobs older than a day go. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBlobStore } from '../../src/server/modules/files/blob-store.js';
import { createFileService } from '../../src/server/modules/files/files.service.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { TINY_PDF } from '../support/factories.js';

let app: TestApp;
let dir = '';
beforeAll(async () => {
  app = await buildTestApp();
  dir = await mkdtemp(join(tmpdir(), 'reman-gc-'));
});
afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('files:gc', () => {
  it('deletes blobs no row records once they are a day old; a dry run only counts; recorded and fresh blobs stay', async () => {
    const store = fileBlobStore(dir);
    const files = createFileService({ db: app.database.db, maxBytes: 1 << 20, store });
    const kept = (await files.store(TINY_PDF)).sha256; // recorded in `files`
    const orphan = await store.put(Buffer.from('rolled-back upload'));
    const later = new Date(Date.now() + 2 * 86_400_000);

    const fresh = await files.collectGarbage();
    expect(fresh).toMatchObject({ scanned: 2, deleted: [] }); // the orphan is not a day old yet

    const dry = await files.collectGarbage({ dryRun: true, now: later });
    expect(dry.deleted).toEqual([orphan]);
    expect(dry.bytes).toBe('rolled-back upload'.length);
    expect(await store.has(orphan)).toBe(true);

    const run = await files.collectGarbage({ now: later });
    expect(run.deleted).toEqual([orphan]);
    expect(await store.has(orphan)).toBe(false);
    expect(await store.has(kept)).toBe(true);
    expect((await files.get(kept))?.data.equals(TINY_PDF)).toBe(true);
  });

  it('a put of bytes already stored renews their age (an upload reusing them is not collected under it)', async () => {
    const store = fileBlobStore(dir);
    const sha = await store.put(Buffer.from('reused bytes'));
    const first = (await store.storedAt(sha))!;
    await store.put(Buffer.from('reused bytes'));
    expect((await store.storedAt(sha))!.getTime()).toBeGreaterThanOrEqual(first.getTime());
    expect(await store.storedAt('0'.repeat(64))).toBeNull();
  });
});
