import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Where the bytes of stored files live, addressed by their SHA-256; the `files` table keeps the metadata.
 * The filesystem store is the default (FILE_STORE_DIR, `${DATA_DIR}-files` beside the database); an S3-compatible store can be
 * added behind the same interface. With several processes (DATABASE_URL) the directory must be shared.
 */
export interface BlobStore {
  /** Store the bytes (idempotent) and return their SHA-256 (hex). */
  put(data: Buffer): Promise<string>;
  /** The bytes, verified against their address; null when absent. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** Every stored address (backup). */
  list(): AsyncIterable<string>;
  /** When the bytes were last put (a put of bytes already stored renews it); null when absent. Garbage collection. */
  storedAt(sha256: string): Promise<Date | null>;
}

const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const SHA = /^[0-9a-f]{64}$/;

export class BlobCorruptError extends Error {
  constructor(public readonly sha256: string) {
    super(`stored file ${sha256} does not match its hash`);
  }
}

/** Files under dir/ab/cd/<sha256>: written to a temporary name and renamed, so a reader never sees half a file. */
export function fileBlobStore(dir: string): BlobStore {
  const pathOf = (sha: string) => {
    if (!SHA.test(sha)) throw new Error(`not a SHA-256: ${sha}`);
    return join(dir, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  const exists = async (p: string) => stat(p).then(() => true, () => false);
  return {
    async put(data) {
      const sha = sha256Of(data);
      const target = pathOf(sha);
      if (await exists(target)) {
        const now = new Date();
        await utimes(target, now, now).catch(() => undefined); // renewed: the GC spares bytes a pending upload reuses
        return sha;
      }
      await mkdir(join(target, '..'), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, data, { flag: 'wx' });
      await rename(tmp, target);
      return sha;
    },
    async get(sha) {
      let data: Buffer;
      try {
        data = await readFile(pathOf(sha));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      if (sha256Of(data) !== sha) throw new BlobCorruptError(sha);
      return data;
    },
    has: (sha) => exists(pathOf(sha)),
    storedAt: (sha) => stat(pathOf(sha)).then((s) => s.mtime, () => null),
    async delete(sha) {
      await rm(pathOf(sha), { force: true });
    },
    async *list() {
      const names = async (p: string) => readdir(p).catch(() => [] as string[]);
      for (const a of (await names(dir)).sort()) for (const b of (await names(join(dir, a))).sort()) for (const f of (await names(join(dir, a, b))).sort()) if (SHA.test(f)) yield f;
    },
  };
}

/** In memory (tests on an in-memory database: FILE_STORE_DIR=memory://). */
export function memoryBlobStore(): BlobStore {
  const blobs = new Map<string, Buffer>();
  const at = new Map<string, Date>();
  return {
    async put(data) {
      const sha = sha256Of(data);
      if (!blobs.has(sha)) blobs.set(sha, Buffer.from(data));
      at.set(sha, new Date());
      return sha;
    },
    storedAt: async (sha) => (blobs.has(sha) ? (at.get(sha) ?? null) : null),
    get: async (sha) => blobs.get(sha) ?? null,
    has: async (sha) => blobs.has(sha),
    async delete(sha) {
      blobs.delete(sha);
    },
    async *list() {
      yield* [...blobs.keys()].sort();
    },
  };
}

export function blobStoreFor(dir: string): BlobStore {
  return dir.startsWith('memory://') ? memoryBlobStore() : fileBlobStore(dir);
}

/**
 * The configured store: FILE_STORE_DIR, by default `${DATA_DIR}-files` beside the data directory — never inside it,
 * because DATA_DIR is the embedded database's own PGDATA (initdb wants it to itself, and a PGlite dump would carry
 * every file a second time).
 */
export function defaultFileStoreDir(dataDir: string): string {
  return `${resolve(dataDir)}-files`;
}

export function fileStore(config: { FILE_STORE_DIR?: string; DATA_DIR: string }): BlobStore {
  return blobStoreFor(config.FILE_STORE_DIR ?? defaultFileStoreDir(config.DATA_DIR));
}
