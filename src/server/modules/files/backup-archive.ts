import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';

/**
 * The backup archive (`npm run reman -- backup:export`): a gzipped tar (tar-stream) holding the embedded
 * database's dump as `database.tar.gz` and every stored file as `files/<sha256>`. Written and read as streams:
 * one stored file is in memory at a time, whatever the size of the store. (The database dump itself is one
 * buffer: PGlite hands its data directory over as one Blob.)
 */
export const BACKUP_DATABASE_ENTRY = 'database.tar.gz';

export interface StoredFile {
  sha: string;
  data: Buffer;
}

/** Writes the archive to `file`; returns the number of stored files written. */
export async function writeBackupArchive(file: string, dump: Buffer, files: AsyncIterable<StoredFile>): Promise<number> {
  const pack = tar.pack();
  const written = pipeline(pack, createGzip(), createWriteStream(file));
  const entry = (name: string, data: Buffer) =>
    new Promise<void>((resolve, reject) => {
      pack.entry({ name, size: data.length, mode: 0o644 }, data, (err) => (err ? reject(err) : resolve()));
    });
  let count = 0;
  try {
    await entry(BACKUP_DATABASE_ENTRY, dump);
    for await (const f of files) {
      await entry(`files/${f.sha}`, f.data);
      count++;
    }
    pack.finalize();
  } catch (err) {
    pack.destroy(err as Error);
    throw err;
  } finally {
    await written;
  }
  return count;
}

/**
 * Reads an archive written by writeBackupArchive as a stream: `onDump` gets the database dump (the first entry)
 * and is awaited before any stored file is read; then `onFile` gets each stored file, one at a time. A backup made
 * before the file store is the database dump alone (PGlite's own .tar.gz): then `onDump` gets the whole file.
 * Returns the number of stored files read.
 */
export async function readBackupArchive(file: string, onDump: (dump: Buffer) => Promise<void>, onFile: (sha: string, data: Buffer) => Promise<void>): Promise<number> {
  const extract = tar.extract();
  const reading = pipeline(createReadStream(file), createGunzip(), extract);
  let files = 0;
  let first = true;
  let legacy = false;
  for await (const entry of extract) {
    const name = entry.header.name;
    if (first) legacy = name !== BACKUP_DATABASE_ENTRY;
    first = false;
    if (legacy) {
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const c of entry) chunks.push(c as Buffer);
    const data = Buffer.concat(chunks);
    if (name === BACKUP_DATABASE_ENTRY) await onDump(data);
    else if (name.startsWith('files/')) {
      await onFile(name.slice('files/'.length), data);
      files++;
    }
  }
  await reading;
  if (legacy || first) await onDump(await readFile(file));
  return files;
}
