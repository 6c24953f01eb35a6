import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { DomainError } from '../../platform/errors.js';
import { sniffMime } from './files.content.js';
import { fileRepo } from './files.repo.js';

/**
 * Stored files (attachments, evidence, photos): content-checked, size-limited, stored once by SHA-256.
 * Who may read a file is decided by the module that references it; this service never answers a download
 * on its own.
 */
export function createFileService({ db, maxBytes }: { db: Db; maxBytes: number }) {
  return {
    maxBytes,
    /** Validate and store; returns the content address. Runs inside the caller's transaction when given one. */
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
      await fileRepo.put(tx, { sha256, size: buf.length, mime, data: buf });
      return { sha256, mime, size: buf.length };
    },
    get: (sha256: string) => fileRepo.get(db, sha256),
    meta: (shas: string[]) => fileRepo.meta(db, shas),
  };
}
export type FileService = ReturnType<typeof createFileService>;
