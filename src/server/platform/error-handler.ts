import type { FastifyError, FastifyInstance } from 'fastify';
import type {} from '@fastify/multipart';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, errors, type FieldIssue } from './errors.js';
import { BI_SEPARATOR } from './validation.js';

const zhLocale = z.locales.zhCN();

/** Field path as the client sent it: body.name → "name", query.page → "page", sites.0.name → "sites[0].name". */
function fieldName(path: readonly PropertyKey[], instancePath?: string): string {
  const parts = path.length ? path.map(String) : (instancePath ?? '').split('/').filter(Boolean);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || '(body)';
}

interface ZodIssueLike {
  code: string;
  path?: PropertyKey[];
  message: string;
  params?: { zh?: string };
}

/** Bilingual message for a Zod issue: custom refinements carry params.zh; built-ins use Zod's zh-CN locale. */
export function issueToField(issue: ZodIssueLike, instancePath?: string): FieldIssue {
  const [en, zhFromMessage] = issue.message.split(BI_SEPARATOR);
  if (zhFromMessage !== undefined) return { field: fieldName(issue.path ?? [], instancePath), message: zhFromMessage, messageEn: en! };
  let zh = issue.params?.zh;
  if (!zh) {
    const localised = zhLocale.localeError(issue as never);
    zh = typeof localised === 'string' ? localised : (localised?.message ?? issue.message);
    // the received value is stripped from issues before they reach us: drop the misleading "received undefined"
    zh = zh.replace(/，实际接收 undefined$/, '');
  }
  return { field: fieldName(issue.path ?? [], instancePath), message: zh, messageEn: issue.message };
}

interface DriverError {
  code: string;
  constraint?: string;
  detail?: string;
}
const SQLSTATE = /^\d{2}[0-9A-Z]{3}$/;

/**
 * The driver's error, wherever it sits: Drizzle wraps it (DrizzleQueryError) and keeps the PostgreSQL error as
 * `cause`, sometimes nested; node-postgres and PGlite put the SQLSTATE on `code`.
 */
export function driverError(err: unknown): DriverError | null {
  let cur: unknown = err;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 8; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) return cur as DriverError;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

/** Map a PostgreSQL error the client caused to a 4xx; anything else is a real 500. */
export function fromDatabase(err: DriverError): DomainError | null {
  const bad = (code: string, zh: string, en: string) => new DomainError(400, code, zh, en);
  switch (err.code) {
    case '23505':
      return errors.conflict('CONFLICT', `已存在相同的记录（${err.constraint ?? ''}）`, `It already exists (${err.constraint ?? ''})`);
    case '23503':
      return errors.conflict('REFERENCE_VIOLATION', `引用的对象不存在或仍被引用（${err.constraint ?? ''}）`, `Referenced object missing or still in use (${err.constraint ?? ''})`);
    case '23514':
    case '23502':
    case '22P02':
    case '22003':
      return bad('VALIDATION_FAILED', `数据不符合约束（${err.constraint ?? err.code}）`, `Data violates a constraint (${err.constraint ?? err.code})`);
    case '22001':
      return bad('VALUE_TOO_LONG', '输入的文字超过允许的长度', 'A value is longer than allowed');
    case '22P05':
    case '22021':
      return bad('INVALID_TEXT', '输入含有无法保存的字符（如空字符 U+0000）', 'The input contains characters that cannot be stored (such as U+0000)');
    case '22007':
    case '22008':
      return bad('INVALID_DATETIME', '日期或时间超出有效范围', 'A date or time is out of range');
    case '54001':
      return bad('NESTED_TOO_DEEP', '数据嵌套层级过深', 'The data is nested too deeply');
    default:
      return null;
  }
}

/** A multipart body the parser could not read (busboy's errors carry no code): the client's fault. */
const MULTIPART_BROKEN = /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form|Part terminated early)/;

/**
 * The one error handler: every failure leaves as {"error":{"code","message","messageEn","details"}}.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw, req, reply) => {
    const err = raw as FastifyError & { cause?: unknown };
    let out: DomainError | null = null;
    if (err instanceof DomainError) out = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      out = errors.validation(
        err.validation.map((v) =>
          issueToField({ ...(v.params as object), code: v.keyword, message: v.message ?? '', path: [] }, v.instancePath),
        ),
      );
    } else if (err instanceof z.ZodError) {
      out = errors.validation(err.issues.map((i) => issueToField(i as ZodIssueLike)));
    } else if (isResponseSerializationError(err)) {
      out = null;
    } else if (driverError(err)) {
      out = fromDatabase(driverError(err)!);
    } else if (MULTIPART_BROKEN.test(err.message ?? '') && req.isMultipart?.()) {
      out = errors.field('file', '上传内容（multipart/form-data）格式错误或不完整', 'the multipart/form-data body is malformed or incomplete', 'MULTIPART_INVALID');
    } else if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT') {
      const tooLarge = err.code === 'FST_REQ_FILE_TOO_LARGE';
      out = new DomainError(413, tooLarge ? 'FILE_TOO_LARGE' : 'TOO_MANY_FILES', tooLarge ? '文件超过大小上限' : '上传的文件或字段过多', tooLarge ? 'The file exceeds the size limit' : 'Too many files or fields in the upload', [
        { field: 'file', message: tooLarge ? '文件过大' : '文件过多', messageEn: tooLarge ? 'Too large' : 'Too many' },
      ]);
    } else if (err.statusCode === 429) {
      out = new DomainError(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试', 'Too many requests; try again later');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code = err.code ?? 'BAD_REQUEST';
      const zh =
        code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? '请求体过大' :
        code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? '不支持的内容类型' :
        code.startsWith('FST_ERR_CTP') ? '请求体格式错误' : '请求无效';
      out = new DomainError(err.statusCode, code, zh, err.message);
    }
    if (!out) {
      req.log.error({ err }, 'unhandled error');
      out = new DomainError(500, 'INTERNAL', '服务器内部错误，请稍后再试', 'Internal server error');
    } else if (out.status >= 500) req.log.error({ err }, 'server error');
    void reply
      .status(out.status)
      .send({ error: { code: out.code, message: out.messageZh, messageEn: out.messageEn, details: out.details ?? null } });
  });

}

/** 404 in the error shape (the SPA fallback in app.ts uses it for /api paths). */
export function notFoundBody(method: string, url: string) {
  const path = url.split('?')[0];
  return { error: { code: 'NOT_FOUND', message: `接口不存在：${method} ${path}`, messageEn: `No route ${method} ${path}`, details: null } };
}
