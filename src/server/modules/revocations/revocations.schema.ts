import { z } from 'zod';
import { REVOCATION_GROUND_KEYS } from '../../../domain/supervision/index.js';
import { PageQuery } from '../../platform/paging.js';
import { bi, isoDate } from '../../platform/validation.js';
import { FileRef, listOf } from '../supervision/index.js';

export const GroundSchema = z.enum(REVOCATION_GROUND_KEYS, bi(`Must be one of the five grounds of 七(二)4: ${REVOCATION_GROUND_KEYS.join(', ')}`, `须为七(二)4 所列五种情形之一：${REVOCATION_GROUND_KEYS.join('、')}`));

export const OpenCaseBody = z.object({
  enterpriseId: z.uuid(bi('Must be a UUID', '必须是 UUID')),
  grounds: listOf(GroundSchema).pipe(z.array(GroundSchema).min(1, bi('Give at least one ground', '至少选择一项撤销情形')).max(5)),
  facts: z.string().trim().min(5, bi('Describe the facts (at least 5 characters)', '请说明事实（至少 5 个字）')).max(10000),
});
export const NotifyBody = z.object({
  noticeText: z.string().trim().min(5, bi('Write the notice (at least 5 characters)', '请填写告知内容（至少 5 个字）')).max(10000),
  statementDue: isoDate.optional(),
  /** 七(二)4: the statement period in working days from the day the enterprise is notified (default 10) */
  statementWorkingDays: z.number().int(bi('Must be a whole number', '须为整数')).min(3, bi('At least 3 working days', '至少 3 个工作日')).max(60, bi('At most 60 working days', '最多 60 个工作日')).optional(),
});
export const RelayBody = z.object({ relayedOn: isoDate.optional() });
export const StatementBody = z.object({
  statement: z.string().trim().min(5, bi('Write the statement (at least 5 characters)', '请填写陈述和申辩（至少 5 个字）')).max(20000),
});
export const DecideBody = z.object({
  outcome: z.enum(['revoked', 'not_revoked']),
  hearingSummary: z.string().trim().min(2, bi('Summarise the hearing', '请概述陈述申辩听取情况')).max(10000),
  reason: z.string().trim().min(2, bi('Give the reasons', '请说明理由')).max(10000),
});
export const RectificationBody = z.object({
  text: z.string().trim().min(5, bi('Describe the rectification (at least 5 characters)', '请说明整改情况（至少 5 个字）')).max(20000),
});
export const RectificationReviewBody = z.object({ accept: z.boolean(), opinion: z.string().trim().min(2, bi('Give the opinion', '请填写验收意见')).max(5000) });
export const CaseListQuery = PageQuery.extend({ state: listOf(z.enum(['opened', 'notice_sent', 'notified', 'statement_received', 'revoked', 'not_revoked'])).optional() });

export const RevocationCaseSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    authorityId: z.string(),
    origin: z.enum(['provincial_request', 'ministry', 'complaint']),
    complaintId: z.string().nullable(),
    grounds: z.array(z.object({ key: z.string(), clause: z.string(), zh: z.string(), en: z.string() })),
    facts: z.string(),
    evidence: z.array(FileRef),
    state: z.string(),
    noticeText: z.string().nullable(),
    /** 七(二)4: MIIT sent the notice (to the provincial authority) */
    noticeSentOn: z.string().nullable(),
    /** the provincial authority relayed it to the enterprise; = notifiedOn, the statement period runs from it */
    relayedOn: z.string().nullable(),
    statementWorkingDays: z.number().nullable(),
    notifiedOn: z.string().nullable(),
    statementDue: z.string().nullable(),
    statement: z.string().nullable(),
    statementFiles: z.array(FileRef),
    statementOn: z.string().nullable(),
    hearingSummary: z.string().nullable(),
    decisionReason: z.string().nullable(),
    decidedOn: z.string().nullable(),
    rectificationState: z.string().nullable(),
    rectificationText: z.string().nullable(),
    rectificationFiles: z.array(FileRef),
    rectificationOpinion: z.string().nullable(),
    rectificationAcceptedOn: z.string().nullable(),
    reapplyFrom: z.string().nullable(),
    createdAt: z.string(),
    /** What the caller may do now (for the web UI; the service checks again). */
    actions: z.array(z.string()),
  })
  .meta({ id: 'RevocationCase' });
