/** The backup archive is written and read as streams (tar-stream): dump first, then each stored file. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import tar from 'tar-stream';
import { readBackupArchive, writeBackupArchive } from '../../src/server/modules/files/backup-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'reman-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('backup archive', () => {
  it('round-trips the dump and every stored file, the dump handed over before any file', async () => {
    const dump = randomBytes(70_000);
    const files = [randomBytes(5 * 1024 * 1024), Buffer.from('%PDF-1.4 小文件'), Buffer.alloc(0)].map((data) => ({ sha: sha(data), data }));
    const file = join(dir, 'a.tar.gz');
    expect(await writeBackupArchive(file, dump, (async function* () { yield* files; })())).toBe(3);
    const seen: string[] = [];
    const got = new Map<string, Buffer>();
    const n = await readBackupArchive(
      file,
      async (d) => {
        seen.push('dump');
        expect(d.equals(dump)).toBe(true);
      },
      async (s, data) => {
        seen.push(s);
        got.set(s, data);
      },
    );
    expect(n).toBe(3);
    expect(seen).toEqual(['dump', ...files.map((f) => f.sha)]);
    for (const f of files) expect(got.get(f.sha)!.equals(f.data)).toBe(true);
  });

  it('reads a backup made before the file store (the database dump alone) as the dump', async () => {
    // PGlite's dumpDataDir('gzip') is itself a gzipped tar of the data directory
    const pack = tar.pack();
    pack.entry({ name: 'base/1/1259' }, Buffer.from('pg data'));
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const c of pack) chunks.push(c as Buffer);
    const file = join(dir, 'legacy.tar.gz');
    writeFileSync(file, gzipSync(Buffer.concat(chunks)));
    let dump: Buffer | null = null;
    const n = await readBackupArchive(file, async (d) => void (dump = d), async () => {
      throw new Error('no stored files in a legacy backup');
    });
    expect(n).toBe(0);
    expect(dump!.equals(readFileSync(file))).toBe(true);
  });
});
