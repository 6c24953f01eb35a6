import { z } from 'zod';
import { CASE_STATES, CLAIM_STATUSES, OUTCOMES } from '../../../domain/monitoring/cases.js';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { bi, uuid } from '../../platform/validation.js';

export const IdParam = z.object({ id: uuid() });
const text = (max: number) => z.string().trim().min(1, bi('Must not be empty', '不能为空')).max(max, bi(`At most ${max} characters`, `不超过 ${max} 字`));
const isoDateTime = z.iso.datetime({ offset: true, ...bi('Must be an ISO 8601 date-time', '须为 ISO 8601 日期时间') });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('Must be a date YYYY-MM-DD', '须为日期 YYYY-MM-DD'));
const money = z.number().finite().min(0, bi('Must not be negative', '不得为负数')).max(1e9, bi('Too large', '数额过大'));

/** POST /cases: from an alarm, or by the owner (or the maker) for a device with a title and a telemetry window. */
export const OpenBody = z
  .object({
    alarmId: uuid().optional(),
    deviceId: uuid().optional(),
    title: text(200).optional(),
    description: text(4000).optional(),
    /** the telemetry window attached (default: the alarm's time ± hours, or the last 24 h) */
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.alarmId === undefined) === (b.deviceId === undefined)) ctx.addIssue({ code: 'custom', path: [b.alarmId === undefined ? 'deviceId' : 'alarmId'], ...bi('Give exactly one of alarmId and deviceId', 'alarmId 与 deviceId 须且只须给出一个') });
    if (b.deviceId !== undefined && b.title === undefined) ctx.addIssue({ code: 'custom', path: ['title'], ...bi('A title is required for a case opened on a device', '按设备开立工单须填写标题') });
    if (b.from && b.to && Date.parse(b.from) >= Date.parse(b.to)) ctx.addIssue({ code: 'custom', path: ['from'], ...bi('Must be before to', '须早于 to') });
  });
export type OpenInput = z.infer<typeof OpenBody>;

export const DiagnoseBody = z.object({ faultCode: z.string().trim().min(1).max(40), diagnosis: text(4000) });
export const VisitBody = z.object({ date: day, technician: text(100), findings: text(4000) });
export const PartsBody = z.object({
  parts: z
    .array(
      z.object({
        name: text(200),
        partNo: text(100).optional(),
        quantity: z.number().int(bi('Must be an integer', '须为整数')).min(1, bi('At least 1', '至少为 1')).max(1000),
        removedSerial: text(200).optional(),
        newSerial: text(200).optional(),
        costCny: money.optional(),
      }),
    )
    .min(1, bi('At least one part', '至少一个零部件'))
    .max(50, bi('At most 50 parts at once', '每次至多 50 个零部件')),
});
export const ClaimBody = z.object({ decision: z.enum(['accepted', 'rejected'], bi('decision: accepted or rejected', 'decision 须为 accepted 或 rejected')), reason: text(2000), costCny: money.optional() });
export const ConcludeBody = z.object({ conclusion: text(4000), outcome: z.enum(OUTCOMES, bi(`outcome: ${OUTCOMES.join(', ')}`, `outcome 须为 ${OUTCOMES.join('、')} 之一`)) });
export const RateBody = z.object({ rating: z.number().int(bi('Must be an integer', '须为整数')).min(1, bi('1 to 5', '须为 1–5')).max(5, bi('1 to 5', '须为 1–5')), comment: text(2000).optional() });

export const CaseListQuery = PageQuery.extend({
  state: z.enum(CASE_STATES).optional(),
  deviceId: uuid().optional(),
  claim: z.enum(['pending', 'accepted', 'rejected', 'any']).optional(),
});
export const StatisticsQuery = z.object({ from: day.optional(), to: day.optional() });

const Part = z.object({
  name: z.string(), partNo: z.string().nullable(), quantity: z.number(), removedSerial: z.string().nullable(), newSerial: z.string().nullable(), costCny: z.number().nullable(), at: z.string(),
  /** the part taken out, as identified in the product's genealogy (its EPC), or null */
  removedEpc: z.string().nullable(),
  /** the EPC the trace gave the part fitted, or null when the repair could not be recorded in the trace */
  newEpc: z.string().nullable(),
});
export const CaseSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    enterpriseId: z.string(),
    deviceId: z.string(),
    deviceName: z.string(),
    productCode: z.string(),
    productModel: z.string().nullable(),
    alarmId: z.string().nullable(),
    origin: z.enum(['alarm', 'owner', 'enterprise']),
    title: z.string(),
    /** the title in English: built from the alarm (metric name, severity) for a case opened from one, else the title as typed */
    titleEn: z.string(),
    description: z.string().nullable(),
    state: z.enum(CASE_STATES),
    telemetryWindow: z.object({ from: z.string(), to: z.string(), keys: z.array(z.string()) }).nullable(),
    soldOn: z.string().nullable(),
    warrantyUntil: z.string().nullable(),
    warrantyClaim: z.boolean(),
    claimStatus: z.enum(CLAIM_STATUSES).nullable(),
    claimReason: z.string().nullable(),
    claimCostCny: z.number().nullable(),
    faultCode: z.string().nullable(),
    diagnosis: z.string().nullable(),
    visit: z.object({ date: z.string(), technician: z.string(), findings: z.string() }).nullable(),
    parts: z.array(Part),
    conclusion: z.string().nullable(),
    outcome: z.enum(OUTCOMES).nullable(),
    rating: z.number().nullable(),
    ratingComment: z.string().nullable(),
    openedAt: z.string(),
    concludedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'ServiceCase' });
export const CasePage = pageOf(CaseSchema);
const Fault = z.object({ code: z.string(), zh: z.string(), en: z.string() });
/** 远程诊断: a command sent from the case and its reply (or timeout); the same shape as the devices' DeviceCommand. */
export const CaseCommandSchema = z.object({
  id: z.string(), deviceId: z.string(), caseId: z.string().nullable(), method: z.string(), params: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  state: z.enum(['sent', 'replied', 'failed', 'timeout']), sentAt: z.string(), timeoutAt: z.string(), settledAt: z.string().nullable(), reply: z.unknown(), error: z.string().nullable(),
});
export const CaseCommandBody = z.object({
  method: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, bi('a method name (letters and digits, ≤ 64)', '须为命令名（字母与数字，≤64 字符）')),
  params: z.record(z.string().max(64), z.union([z.number(), z.boolean(), z.string().max(256), z.null()])).optional(),
  timeoutSec: z.number().int(bi('an integer', '须为整数')).min(1, bi('at least 1 s', '至少 1 秒')).max(300, bi('at most 300 s', '至多 300 秒')).optional(),
});

export const CaseDetailSchema = CaseSchema.extend({
  /** remote commands sent from this case, newest first */
  commands: z.array(CaseCommandSchema),
  events: z.array(z.object({ id: z.number(), at: z.string(), kind: z.string(), actorId: z.string().nullable(), detail: z.record(z.string(), z.unknown()).nullable() })),
  taxonomy: z.array(Fault),
  /** every part line is recorded in the product's trace as an in-service repair step (docs/monitoring-cases.md) */
  partsInTrace: z.boolean(),
}).meta({ id: 'ServiceCaseDetail' });

export const StatisticsSchema = z
  .object({
    items: z.array(
      z.object({
        enterpriseId: z.string(),
        enterpriseName: z.string(),
        cases: z.number(),
        resolved: z.number(),
        claims: z.number(),
        claimsAccepted: z.number(),
        claimsRejected: z.number(),
        claimsPending: z.number(),
        claimCostCny: z.number(),
        meanHoursToResolve: z.number().nullable(),
        medianHoursToResolve: z.number().nullable(),
        repeatFailures: z.number(),
        meanRating: z.number().nullable(),
        remanufactureRecommended: z.number(),
        byFault: z.record(z.string(), z.number()),
        partsReplaced: z.array(z.object({ model: z.string(), part: z.string(), quantity: z.number() })),
      }),
    ),
  })
  .meta({ id: 'CaseStatistics' });
