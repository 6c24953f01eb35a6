import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { DomainError } from '../../platform/errors.js';
import { memoryBlobStore, type BlobStore } from './blob-store.js';
import { sniffMime } from './files.content.js';
import { fileRepo } from './files.repo.js';

/**
 * Stored files (attachments, evidence, photos): content-checked, size-limited, stored once by SHA-256. The
 * bytes go to the blob store, the metadata (sha256, size, mime, created_at) to the `files` table.
 * Who may read a file is decided by the module that references it; this service never answers a download
 * on its own.
 */
export function createFileService({ db, maxBytes, store = memoryBlobStore() }: { db: Db; maxBytes: number; store?: BlobStore }) {
  return {
    maxBytes,
    blobs: store,
    /**
     * Validate and store; returns the content address. The bytes are written first (outside the caller's
     * transaction; a rolled-back filing leaves an unreferenced blob, never a row without its bytes), then the
     * metadata row inside the caller's transaction when given one.
     */
    async store(buf: Buffer, tx: Db = db) {
      if (buf.length === 0) throw new DomainError(400, 'FILE_EMPTY', '文件为空', 'The file is empty', [{ field: 'file', message: '文件为空', messageEn: 'Empty file' }]);
      if (buf.length > maxBytes) {
        const mb = Math.round(maxBytes / 1024 / 1024);
        throw new DomainError(413, 'FILE_TOO_LARGE', `文件超过 ${mb} MB 上限`, `The file exceeds the ${mb} MB limit`, [{ field: 'file', message: `超过 ${mb} MB`, messageEn: `Over ${mb} MB` }]);
      }
      const mime = sniffMime(buf);
      if (!mime) {
        throw new DomainError(415, 'FILE_TYPE_REFUSED', '只接受 PDF、JPEG、PNG 或 OFD 文件（按内容识别）', 'Only PDF, JPEG, PNG or OFD files are accepted (recognised by content)', [
          { field: 'file', message: '文件类型不被接受', messageEn: 'File type not accepted' },
        ]);
      }
      const sha256 = createHash('sha256').update(buf).digest('hex');
      await store.put(buf);
      await fileRepo.put(tx, { sha256, size: buf.length, mime });
      return { sha256, mime, size: buf.length };
    },
    /** Metadata and bytes (from the store; from the row while it still holds them). */
    async get(sha256: string) {
      const row = await fileRepo.get(db, sha256);
      if (!row) return undefined;
      const data = row.data ?? (await store.get(sha256));
      if (!data) throw new Error(`file ${sha256} is recorded but missing from the file store`);
      return { ...row, data };
    },
    meta: (shas: string[]) => fileRepo.meta(db, shas),
    /**
     * One-time, idempotent start-up step: bytes still in the table are written to the store (hash checked)
     * and then cleared from the row. Returns how many rows moved.
     */
    /**
     * Garbage collection of the file store: blobs no `files` row records (a rolled-back filing writes its bytes
     * before its row) and last put more than `minAgeMs` ago (default one day: an upload in flight has put its bytes
     * but not yet committed its row). `dryRun` only counts. Returns what was (or would be) deleted.
     */
    async collectGarbage(opts: { dryRun?: boolean; minAgeMs?: number; now?: Date } = {}): Promise<{ scanned: number; deleted: string[]; bytes: number }> {
      const cutoff = (opts.now ?? new Date()).getTime() - (opts.minAgeMs ?? 86_400_000);
      const deleted: string[] = [];
      let scanned = 0;
      let bytes = 0;
      let batch: string[] = [];
      const sweep = async () => {
        const known = await fileRepo.recorded(db, batch);
        for (const sha of batch) {
          if (known.has(sha)) continue;
          const at = await store.storedAt(sha);
          if (!at || at.getTime() > cutoff) continue;
          bytes += (await store.get(sha).catch(() => null))?.length ?? 0;
          if (!opts.dryRun) await store.delete(sha);
          deleted.push(sha);
        }
        batch = [];
      };
      for await (const sha of store.list()) {
        scanned++;
        batch.push(sha);
        if (batch.length >= 500) await sweep();
      }
      await sweep();
      return { scanned, deleted, bytes };
    },

    async moveBlobsToStore(): Promise<number> {
      let moved = 0;
      for (;;) {
        const rows = await fileRepo.withBytes(db, 50);
        if (!rows.length) return moved;
        for (const r of rows) {
          const sha = await store.put(r.data!);
          if (sha !== r.sha256.trim()) throw new Error(`file ${r.sha256}: stored bytes hash to ${sha}`);
          await fileRepo.dropBytes(db, r.sha256);
          moved++;
        }
      }
    },
  };
}
export type FileService = ReturnType<typeof createFileService>;
