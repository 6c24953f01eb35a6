import { z } from 'zod';
import { ApplicationFormSchema, ATTACHMENT_SLOT_KEYS } from '../../../domain/announcement/form.js';
import { CONDITION_CHAPTER_KEYS } from '../../../domain/announcement/chapters.js';
import { APPLICATION_STATE_KEYS, APPLICATION_EVENT_KEYS, type ActorKind } from '../../../domain/announcement/workflow.js';
import { bi, isoDate } from '../../platform/validation.js';


export const AppIdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const CreateApplicationBody = z.object({ siteId: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const SaveFormBody = z.object({ form: ApplicationFormSchema });
export const SubmitBody = z.object({
  /** One application per site, submitted together (规范条件 七(一)3). */
  applicationIds: z.array(z.uuid()).min(1).max(50),
  /** 七(一)3: other sites' drafts the enterprise confirms it does not apply for now (recorded and audited). */
  notApplyingNow: z.array(z.uuid()).max(50).optional(),
});
export const ReasonBody = z.object({ reason: z.string().trim().min(2, bi('Give a reason', '请填写理由')).max(5000) });

/** 表1-3 省级工业和信息化主管部门审核意见表 */
export const ProvincialOpinionBody = z.object({
  opinion: z.string().trim().min(2, bi('Give the opinion', '请填写审核意见')).max(10_000),
  handler: z.string().trim().min(1).max(50), // 经办人
  head: z.string().trim().min(1).max(50), // 负责人
  date: isoDate,
  filler: z.string().trim().max(50).optional(), // 填表人
  phone: z.string().trim().max(30).optional(),
  email: z.string().trim().max(100).optional(),
});

/** 规范条件 chapters 二–六 (二、基本要求 … 六、售后服务和职业教育), see domain/announcement/chapters.ts. */
export const CHAPTERS = CONDITION_CHAPTER_KEYS;
export const AssignExpertsBody = z.object({ expertIds: z.array(z.uuid()).min(1).max(20) });
export const ExpertOpinionBody = z.object({
  chapters: z.object(Object.fromEntries(CHAPTERS.map((c) => [c, z.string().trim().min(1).max(5000)])) as Record<(typeof CHAPTERS)[number], z.ZodString>),
  recommendation: z.enum(['approve', 'revise', 'reject']),
  comment: z.string().trim().max(5000).optional(),
});
export const OnsiteBody = z.object({
  team: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  date: isoDate,
  findings: z.object(Object.fromEntries(CHAPTERS.map((c) => [c, z.string().trim().min(1).max(5000)])) as Record<(typeof CHAPTERS)[number], z.ZodString>),
  /** ids of photos uploaded to the application's 'onsite_photo' slot */
  photoIds: z.array(z.uuid()).max(50).default([]),
  conclusion: z.enum(['pass', 'fail']),
  reason: z.string().trim().max(5000).optional(),
});

export const ListApplicationsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  state: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(APPLICATION_STATE_KEYS)).optional()),
  /** reviewing authority (a province, 计划单列市 or 兵团; issue 16 item 11) */
  authority: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, bi('An authority id', '主管部门编号')).optional(),
  /** part of the enterprise's name, or the start of its credit code */
  enterprise: z.string().trim().min(1).max(100).optional(),
  /** submitted on or after / on or before these calendar days (Asia/Shanghai) */
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const AttachmentSlotParam = z.enum([...ATTACHMENT_SLOT_KEYS, 'onsite_photo']);

const ConditionResultSchema = z.object({
  ruleId: z.string(),
  clause: z.string(),
  outcome: z.enum(['pass', 'fail', 'review']),
  evidence: z.record(z.string(), z.unknown()),
  messageZh: z.string(),
  messageEn: z.string(),
});
export const CheckSchema = z.object({
  results: z.array(ConditionResultSchema),
  /** Data cross-checks for the experts, e.g. 表1-2 rows 12–13 stated vs computed (absent in checks stored before rules-v2). */
  flags: z.array(z.object({ id: z.string(), ref: z.string(), messageZh: z.string(), messageEn: z.string(), evidence: z.record(z.string(), z.unknown()) })).optional(),
  summary: z.object({ pass: z.number(), fail: z.number(), review: z.number() }),
  rulesVersion: z.string(),
  asOf: z.string(),
});
export const MissingSchema = z.array(z.object({ path: z.string(), zh: z.string(), en: z.string() }));

export const AttachmentSchema = z.object({
  id: z.string(),
  slot: z.string(),
  filename: z.string(),
  sha256: z.string(),
  mime: z.string(),
  size: z.number(),
  revision: z.number(),
  replacesId: z.string().nullable(),
  formVersion: z.number(),
  uploadedAt: z.string(),
  supersededAt: z.string().nullable(),
});

export const ApplicationSummarySchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    authority: z.object({ id: z.string(), name: z.string() }),
    state: z.enum(APPLICATION_STATE_KEYS),
    version: z.number(),
    fields: z.array(z.string()),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
    /** who acts next (enterprise, authority, ministry or expert); null in a final state */
    awaiting: z.enum(['enterprise', 'authority', 'ministry', 'expert'] satisfies ActorKind[]).nullable(),
    /** items still missing before submission (drafts and returned cases); null once submitted */
    missingCount: z.number().nullable(),
    /** an expert's list: this expert's opinion on the case — 待我处理 (pending) or 已提交意见 (submitted); absent for others */
    myOpinion: z.enum(['pending', 'submitted']).nullable().optional(),
  })
  .meta({ id: 'ApplicationSummary' });

export const ApplicationDetailSchema = ApplicationSummarySchema.extend({
  form: z.record(z.string(), z.unknown()),
  derived: z.record(z.string(), z.unknown()),
  check: CheckSchema,
  missing: MissingSchema,
  attachments: z.array(AttachmentSchema),
  /** 表1-3 as recorded (ProvincialOpinionBody) */
  provincialOpinion: z.looseObject(Object.fromEntries(Object.keys(ProvincialOpinionBody.shape).map((k) => [k, z.string().optional()])) as Record<keyof typeof ProvincialOpinionBody.shape, z.ZodOptional<z.ZodString>>).nullable(),
  outcomeReason: z.string().nullable(),
  events: z.array(
    z.object({ event: z.string(), fromState: z.string(), toState: z.string(), actorRole: z.string().nullable(), note: z.unknown(), at: z.string() }),
  ),
  versions: z.array(z.object({ version: z.number(), submittedAt: z.string() })),
  experts: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      organization: z.string(),
      submitted: z.boolean(),
      /** ExpertOpinionBody as recorded; null until submitted */
      opinion: z
        .looseObject({ chapters: z.record(z.string(), z.string()).optional(), chapterTitles: z.record(z.string(), z.string()).optional(), recommendation: ExpertOpinionBody.shape.recommendation.optional(), comment: z.string().optional() })
        .nullable(),
    }),
  ),
  onsiteChecks: z.array(
    z.object({ id: z.string(), team: z.array(z.string()), date: z.string(), findings: z.record(z.string(), z.string()), photoIds: z.array(z.string()), conclusion: z.string(), recordedAt: z.string() }),
  ),
  actions: z.array(z.enum([...APPLICATION_EVENT_KEYS, 'edit'])),
  blocked: z
    .array(z.object({ action: z.string(), code: z.string(), message: z.string(), messageEn: z.string(), done: z.number().nullable(), of: z.number().nullable() }))
    .describe('offered actions that cannot be taken yet, with the reason (the button is disabled and says why)'),
}).meta({ id: 'ApplicationDetail' });
