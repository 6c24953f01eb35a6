import type { FastifyError, FastifyInstance } from 'fastify';
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

/** Map a Postgres constraint violation to a client error; anything else is a real 500. */
function fromDatabase(err: { code?: string; constraint?: string; detail?: string }): DomainError | null {
  switch (err.code) {
    case '23505':
      return errors.conflict('DUPLICATE', `数据重复（${err.constraint ?? ''}）`, `Duplicate value (${err.constraint ?? ''})`);
    case '23503':
      return errors.conflict('REFERENCE_VIOLATION', `引用的对象不存在或仍被引用（${err.constraint ?? ''}）`, `Referenced object missing or still in use (${err.constraint ?? ''})`);
    case '23514':
    case '22001':
    case '22P02':
      return new DomainError(400, 'VALIDATION_FAILED', `数据不符合约束（${err.constraint ?? err.code}）`, `Data violates a constraint (${err.constraint ?? err.code})`);
    default:
      return null;
  }
}

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
    } else if ((err as { code?: string }).code && /^\d{2}[0-9A-Z]{3}$/.test(String((err as { code?: string }).code))) {
      out = fromDatabase(err as never);
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
