import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The backup archive (`npm run reman -- backup:export`): a gzipped POSIX tar holding the embedded database's
 * dump as `database.tar.gz` and every stored file as `files/<sha256>`. Plain ustar, written and read here
 * (names are short ASCII; no tar package is a dependency of the project).
 */
export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

const BLOCK = 512;
export const BACKUP_DATABASE_ENTRY = 'database.tar.gz';

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 8, 'ascii'); // mode
  h.write('0000000\0', 108, 8, 'ascii'); // uid
  h.write('0000000\0', 116, 8, 'ascii'); // gid
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
  h.write(`${Math.floor(Date.now() / 1000).toString(8).padStart(11, '0')}\0`, 136, 12, 'ascii');
  h.write('        ', 148, 8, 'ascii'); // checksum placeholder
  h.write('0', 156, 1, 'ascii'); // regular file
  h.write('ustar\u000000', 257, 8, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

export function packArchive(entries: Iterable<ArchiveEntry>): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e.name, e.data.length), e.data);
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(2 * BLOCK, 0));
  return gzipSync(Buffer.concat(parts));
}

/** Entries of an archive written by packArchive; null when the data is not such an archive. */
export function unpackArchive(gz: Buffer): ArchiveEntry[] | null {
  let tar: Buffer;
  try {
    tar = gunzipSync(gz);
  } catch {
    return null;
  }
  const out: ArchiveEntry[] = [];
  for (let off = 0; off + BLOCK <= tar.length; ) {
    const h = tar.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    if (h.toString('ascii', 257, 262) !== 'ustar') return null;
    const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
    if (!Number.isFinite(size) || off + BLOCK + size > tar.length) return null;
    out.push({ name, data: tar.subarray(off + BLOCK, off + BLOCK + size) });
    off += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
