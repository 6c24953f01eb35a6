import { z } from 'zod';

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  digest: z.string(),
  hash: z.string(),
});

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式为 YYYY-MM-DD / date as YYYY-MM-DD' });
/** Filters of the log and its export (issue 16 item 11): who, what, on which object, when (Asia/Shanghai days). */
export const AuditFilterQuery = z.object({
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().regex(/^[a-z0-9_.]+$/, { message: '操作代码只含小写字母、数字、下划线和点 / action code: a-z, 0-9, _ and .' }).max(100).optional(),
  objectType: z.string().trim().regex(/^[a-z0-9_]+$/, { message: '对象类型只含小写字母、数字和下划线 / object type: a-z, 0-9 and _' }).max(100).optional(),
  objectId: z.string().trim().min(1).max(200).optional(),
  from: DAY.optional(),
  to: DAY.optional(),
});
export const AuditQuery = AuditFilterQuery.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });
export const AuditPage = z.object({ items: z.array(AuditEntrySchema), total: z.number(), page: z.number(), pageSize: z.number() });

export const ChainVerification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBrokenAt: z.number().nullable(),
  /** the per-enterprise EPCIS event chains (src/server/modules/epcis/epcis-chain.ts) */
  eventChains: z.object({ ok: z.boolean(), events: z.number(), streams: z.number(), firstBrokenAt: z.object({ enterpriseId: z.string(), seq: z.number() }).nullable() }),
});
