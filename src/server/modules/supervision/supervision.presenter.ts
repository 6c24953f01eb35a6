import type { FastifyReply } from 'fastify';
import { EXTENSION, type AcceptedMime, type FileService } from '../files/index.js';
import type { FileRef } from './supervision.schema.js';

/** Look up the metadata of every file referenced by a page of objects at once: `const ref = await fileRefs(files, shas); ref(sha)`. */
export async function fileRefs(files: FileService, shas: readonly string[]): Promise<(sha: string) => FileRef> {
  const unique = [...new Set(shas)];
  const meta = new Map((unique.length ? await files.meta(unique) : []).map((m) => [m.sha256, m]));
  return (s) => ({ sha256: s, mime: meta.get(s)?.mime ?? 'application/octet-stream', size: Number(meta.get(s)?.size ?? 0) });
}

/** Send a stored file as a download named `<base>.<ext>` (the caller has authorized the read). */
export function sendStoredFile(reply: FastifyReply, f: { mime: string; data: Buffer }, base: string) {
  const ext = EXTENSION[f.mime as AcceptedMime] ?? 'bin';
  return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename="${base}.${ext}"`).send(f.data);
}
