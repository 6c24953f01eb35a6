import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { errors } from '../../platform/errors.js';
import { checkInput } from '../../platform/input-guard.js';

/**
 * A write that takes either JSON or multipart/form-data (the same fields as text parts plus up to `maxFiles`
 * files). Repeated text fields become arrays; a field whose value looks like a JSON array/object is parsed.
 * Files are returned as buffers; their type and size are checked by the files service when stored.
 */
export async function readBodyAndFiles(req: FastifyRequest, maxBytes: number, maxFiles = 5): Promise<{ body: Record<string, unknown>; files: Buffer[] }> {
  if (!req.isMultipart()) return { body: (req.body ?? {}) as Record<string, unknown>, files: [] };
  const body: Record<string, unknown> = {};
  const files: Buffer[] = [];
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: maxFiles } })) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (part.file.truncated) throw errors.field('files', '文件过大', 'A file is too large');
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
