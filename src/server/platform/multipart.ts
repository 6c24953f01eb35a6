import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { DomainError, errors } from './errors.js';
import { checkInput } from './input-guard.js';

/**
 * A write that takes either JSON or multipart/form-data (the same fields as text parts plus up to `maxFiles`
 * files). Repeated text fields become arrays; a field whose value looks like a JSON array/object is parsed.
 * Files are returned as buffers; their type and size are checked by the files service when stored.
 */
export async function readBodyAndFiles(req: FastifyRequest, maxBytes: number, maxFiles = 5, totalMaxBytes?: number): Promise<{ body: Record<string, unknown>; files: Buffer[] }> {
  if (!req.isMultipart()) return { body: (req.body ?? {}) as Record<string, unknown>, files: [] };
  const body: Record<string, unknown> = {};
  const files: Buffer[] = [];
  const budget = uploadBudget(totalMaxBytes);
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: maxFiles } })) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (part.file.truncated) throw errors.field('files', '文件过大', 'A file is too large');
      budget.add(buf.length);
      if (buf.length > 0) files.push(buf);
    } else {
      let v: unknown = String(part.value);
      if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
        try {
          v = JSON.parse(v);
        } catch {
          /* keep the text */
        }
      }
      const prev = body[part.fieldname];
      body[part.fieldname] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
  }
  checkInput(body);
  return { body, files };
}

/**
 * The total size budget of one filing by a caller who is not logged in (ANON_UPLOAD_MAX_MB): checked file by
 * file while the upload is read, so a filing over budget is refused before the next file is buffered.
 */
export function uploadBudget(totalMaxBytes: number | undefined) {
  let used = 0;
  return {
    add(bytes: number) {
      used += bytes;
      if (totalMaxBytes !== undefined && used > totalMaxBytes) {
        const mb = Math.round(totalMaxBytes / 1024 / 1024);
        throw new DomainError(413, 'EVIDENCE_TOO_LARGE', `未登录提交的证据文件合计不得超过 ${mb} MB`, `Evidence files of a filing without login may total at most ${mb} MB`, [
          { field: 'evidence', message: `合计超过 ${mb} MB`, messageEn: `Over ${mb} MB in total` },
        ]);
      }
    },
  };
}

/** A multipart upload of one file plus text fields (checked like any input); 400 naming `file` when it is missing or too large. */
export async function readOneFile(req: FastifyRequest, maxBytes: number): Promise<{ file: { filename: string; data: Buffer }; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw errors.field('file', '请以 multipart/form-data 上传文件', 'Upload as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: { filename: string; data: Buffer } | null = null;
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) throw errors.field('file', '文件过大', 'The file is too large');
      file = { filename: part.filename, data };
    } else fields[part.fieldname] = String(part.value);
  }
  checkInput(fields);
  if (!file) throw errors.field('file', '缺少文件', 'No file in the upload');
  return { file, fields };
}

/** A stored file as a download, its name in UTF-8 (RFC 6266). */
export const sendAttachment = (reply: FastifyReply, f: { mime: string; name: string; data: Buffer }) =>
  reply.header('content-type', f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.data);
