/**
 * Issue 10 §6: uploads live in a content-addressed file store (FILE_STORE_DIR), the `files` table keeps the
 * metadata; bytes stored in the table before are moved out by an idempotent start-up step; anonymous filings
 * have a total size budget.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileService } from '../../src/server/modules/files/files.service.js';
import { BlobCorruptError, fileBlobStore } from '../../src/server/modules/files/blob-store.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { TINY_PDF } from '../support/factories.js';
import { uploader } from './revocations.helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'reman-files-'));
let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ ANON_UPLOAD_MAX_MB: 1, UPLOAD_MAX_MB: 1 });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** a PDF by content, `kb` kilobytes long, distinct per `tag` */
const pdf = (kb: number, tag: string) => Buffer.concat([Buffer.from(`%PDF-1.4 ${tag}\n`), Buffer.alloc(kb * 1024, 0x20)]);

describe('filesystem store', () => {
  it('stores under ab/cd/<sha256> without leaving temporary files, reads back verified, refuses a tampered file', async () => {
    const store = fileBlobStore(join(dir, 'fs'));
    const data = pdf(3, 'fs');
    const h = await store.put(data);
    expect(h).toBe(sha(data));
    expect(await store.put(data)).toBe(h);
    const path = join(dir, 'fs', h.slice(0, 2), h.slice(2, 4), h);
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(join(dir, 'fs', h.slice(0, 2), h.slice(2, 4)))).toEqual([h]);
    expect((await store.get(h))!.equals(data)).toBe(true);
    expect(await store.has(h)).toBe(true);
    const listed: string[] = [];
    for await (const s of store.list()) listed.push(s);
    expect(listed).toEqual([h]);
    writeFileSync(path, Buffer.from('%PDF-1.4 tampered'));
    await expect(store.get(h)).rejects.toBeInstanceOf(BlobCorruptError);
    await store.delete(h);
    expect(await store.get(h)).toBeNull();
  });
});

describe('moving bytes out of the table', () => {
  it('rows stored with their bytes are written to the store and cleared, once; reads are unchanged', async () => {
    const legacy = [pdf(2, 'legacy-1'), pdf(2, 'legacy-2')];
    for (const b of legacy) {
      await app.database.raw.query(`INSERT INTO files (sha256, size, mime, data) VALUES ($1, $2, 'application/pdf', $3)`, [sha(b), b.length, b]);
    }
    const files = createFileService({ db: app.database.db, maxBytes: 1024 * 1024, store: fileBlobStore(join(dir, 'moved')) });
    expect((await files.get(sha(legacy[0]!)))!.data.equals(legacy[0]!)).toBe(true);
    expect(await files.moveBlobsToStore()).toBe(2);
    expect(await files.moveBlobsToStore()).toBe(0);
    const { rows } = await app.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM files WHERE data IS NOT NULL`);
    expect(Number(rows[0]!.n)).toBe(0);
    for (const b of legacy) {
      expect(await files.blobs.has(sha(b))).toBe(true);
      expect((await files.get(sha(b)))!.data.equals(b)).toBe(true);
    }
  });

  it('a new upload leaves only metadata in the table', async () => {
    const upload = uploader(app);
    const res = await upload(null, '/api/v1/public/complaints', { subject: '再制造产品未标注', enterpriseName: '某再制造企业', facts: '购买的再制造发动机没有任何再制造标识。' }, [{ name: 'a.pdf', data: TINY_PDF }], '10.2.0.1');
    expect(res.statusCode, res.body).toBe(201);
    const { rows } = await app.database.raw.query<{ size: number; data: unknown }>(`SELECT size, data FROM files WHERE sha256 = $1`, [sha(TINY_PDF)]);
    expect(rows).toEqual([{ size: TINY_PDF.length, data: null }]);
    expect(await app.services.files.blobs.has(sha(TINY_PDF))).toBe(true);
  });
});

describe('anonymous size budget', () => {
  it('a filing without login whose evidence totals over ANON_UPLOAD_MAX_MB is refused with 413 naming evidence; nothing stored', async () => {
    const upload = uploader(app);
    const files = [0, 1, 2].map((i) => ({ name: `e${i}.pdf`, data: pdf(600, `budget-${i}`) }));
    const res = await upload(null, '/api/v1/public/complaints', { subject: '证据过多', enterpriseName: '某再制造企业', facts: '三份证据文件，每份约六百千字节。' }, files, '10.2.0.2');
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', details: [{ field: 'evidence' }] });
    for (const f of files) expect(await app.services.files.blobs.has(sha(f.data))).toBe(false);
    const one = await upload(null, '/api/v1/public/complaints', { subject: '证据一份', enterpriseName: '某再制造企业', facts: '一份证据文件，约六百千字节。' }, files.slice(0, 1), '10.2.0.3');
    expect(one.statusCode, one.body).toBe(201);
  });
});
