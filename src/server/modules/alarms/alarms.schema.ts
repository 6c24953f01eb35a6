import { z } from 'zod';
import { AlarmRuleSchema, OPS, SEVERITIES } from '../../../domain/monitoring/alarm-rules.js';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { bi, uuid } from '../../platform/validation.js';

export const IdParam = z.object({ id: uuid() });

const scopeRefine = (r: { deviceId?: string; model?: string }, ctx: z.RefinementCtx) => {
  if ((r.deviceId === undefined) === (r.model === undefined)) {
    ctx.addIssue({ code: 'custom', path: [r.deviceId === undefined ? 'model' : 'deviceId'], ...bi('Give exactly one of deviceId and model', 'deviceId 与 model 须且只须给出一个') });
  }
};
const Scope = {
  /** the rule watches one device … */
  deviceId: uuid().optional(),
  /** … or every device of a product model of the caller's enterprise */
  model: z.string().trim().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(100).optional(),
};

/**
 * A rule as POST /alarm-rules takes it: the evaluator's rule (src/domain/monitoring/alarm-rules.ts, validated by
 * its AlarmRuleSchema with its bilingual messages) with its scope, a device or a product model; the id is the
 * platform's.
 */
const { id: _id, ...ruleShape } = AlarmRuleSchema.shape;
/** The evaluator's own cross-field checks (ordering operators need numbers, hysteresis only for them). */
const domainChecks = (r: object, ctx: z.RefinementCtx) => {
  const res = AlarmRuleSchema.safeParse({ ...r, id: 'x' });
  if (!res.success) for (const i of res.error.issues) ctx.addIssue({ code: 'custom', path: i.path.filter((k) => typeof k !== 'symbol'), message: i.message });
};
export const RuleBody = z
  .object({ ...ruleShape, ...Scope })
  .superRefine((r, ctx) => {
    scopeRefine(r, ctx);
    domainChecks(r, ctx);
  });
export type RuleInput = z.infer<typeof RuleBody>;

/** One entry of an import file: like the body, with an optional id (an existing rule's id: replaced). */
export const ImportRule = z.object({ id: z.string().trim().min(1).max(100).optional(), ...ruleShape, ...Scope }).superRefine((r, ctx) => {
  scopeRefine(r, ctx);
  domainChecks(r, ctx);
});
export type ImportRuleInput = z.infer<typeof ImportRule>;
/** The import body: the JSON array GET /alarm-rules/export answers (validated entry by entry, all or nothing). */
export const ImportBody = z.array(z.unknown()).max(1000, bi('At most 1000 rules per import', '每次导入至多 1000 条规则'));

export const RuleListQuery = PageQuery.extend({ model: z.string().trim().min(1).max(100).optional(), deviceId: uuid().optional(), key: z.string().max(64).optional() });
export const ExportQuery = z.object({ model: z.string().trim().min(1).max(100).optional(), deviceId: uuid().optional() });

const Value = z.union([z.number(), z.boolean(), z.string()]);
export const RuleSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    deviceId: z.string().nullable(),
    model: z.string().nullable(),
    name: z.string().nullable(),
    key: z.string(),
    condition: z.object({ op: z.enum(OPS), value: Value }),
    durationSec: z.number().optional(),
    repeat: z.object({ count: z.number(), withinSec: z.number() }).optional(),
    noDataSec: z.number().optional(),
    severity: z.enum(SEVERITIES),
    clearHysteresis: z.number().optional(),
    escalateAfterSec: z.number().optional(),
    renotifyEverySec: z.number().optional(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'AlarmRule' });
export const RulePage = pageOf(RuleSchema);
/** Export: the rules as import takes them (id, scope and the rule). */
export const ExportSchema = z.array(RuleSchema.omit({ enterpriseId: true, version: true, createdAt: true, updatedAt: true, actions: true }));
export const ImportResultSchema = z.object({ created: z.number(), updated: z.number(), rules: z.array(RuleSchema) });

// ---- alarms

export const ALARM_STATUSES = ['active', 'cleared'] as const;
export const AlarmListQuery = PageQuery.extend({
  deviceId: uuid().optional(),
  status: z.enum(['active', 'cleared', 'ACTIVE_UNACK', 'ACTIVE_ACK', 'CLEARED_UNACK', 'CLEARED_ACK'], bi('status: active, cleared, ACTIVE_UNACK, ACTIVE_ACK, CLEARED_UNACK or CLEARED_ACK', 'status 须为 active、cleared、ACTIVE_UNACK、ACTIVE_ACK、CLEARED_UNACK 或 CLEARED_ACK')).optional(),
  severity: z.enum(SEVERITIES).optional(),
  ruleId: uuid().optional(),
});

export const AlarmEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.enum(['raised', 'escalated', 'renotified', 'acknowledged', 'assigned', 'commented', 'cleared']),
  actorId: z.string().nullable(),
  text: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const AlarmSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    ruleId: z.string(),
    deviceId: z.string(),
    key: z.string(),
    cause: z.enum(['condition', 'noData']),
    severity: z.enum(SEVERITIES),
    initialSeverity: z.enum(SEVERITIES),
    status: z.enum(ALARM_STATUSES),
    combinedStatus: z.enum(['ACTIVE_UNACK', 'ACTIVE_ACK', 'CLEARED_UNACK', 'CLEARED_ACK']),
    acknowledged: z.boolean(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    assigneeId: z.string().nullable(),
    /** data time of the point that raised it (no data: when the data became overdue) */
    raisedTs: z.string(),
    raisedAt: z.string(),
    raiseValue: Value.nullable(),
    clearedTs: z.string().nullable(),
    clearedAt: z.string().nullable(),
    clearedBy: z.string().nullable(),
    clearValue: Value.nullable(),
    escalations: z.number(),
    notifications: z.number(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'Alarm' });
export const AlarmPage = pageOf(AlarmSchema);
export const AlarmDetailSchema = AlarmSchema.extend({ events: z.array(AlarmEventSchema) });

export const AssignBody = z.object({ userId: uuid().nullable() });
export const CommentBody = z.object({ text: z.string().trim().min(1, bi('Must not be empty', '不能为空')).max(2000, bi('At most 2000 characters', '不超过 2000 字')) });

// ---- webhooks

export const WEBHOOK_EVENTS = ['alarm.raised', 'alarm.cleared', 'alarm.escalated', 'alarm.renotified', 'alarm.acknowledged', '*'] as const;
export type WebhookEvent = Exclude<(typeof WEBHOOK_EVENTS)[number], '*'>;
export const WebhookBody = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => {
      try {
        const x = new URL(u);
        return (x.protocol === 'http:' || x.protocol === 'https:') && !x.username && !x.password;
      } catch {
        return false;
      }
    }, bi('Must be an http(s) URL without credentials', '须为不含用户名密码的 http(s) 地址')),
  events: z.array(z.enum(WEBHOOK_EVENTS, bi(`Events: ${WEBHOOK_EVENTS.join(', ')}`, `事件须为 ${WEBHOOK_EVENTS.join('、')}`))).min(1, bi('At least one event', '至少一个事件')).max(10),
  secret: z.string().min(16, bi('At least 16 characters', '至少 16 个字符')).max(200).optional(),
});
export const WebhookSchema = z
  .object({ id: z.string(), enterpriseId: z.string(), url: z.string(), events: z.array(z.string()), active: z.boolean(), createdAt: z.string() })
  .meta({ id: 'Webhook' });
export const WebhookCreatedSchema = WebhookSchema.extend({ secret: z.string() });
export const WebhookPage = pageOf(WebhookSchema);
export const DeliverySchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number(),
    lastStatusCode: z.number().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    lastAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'WebhookDelivery' });
export const DeliveryPage = pageOf(DeliverySchema);
