import { z } from 'zod';
import { PageQuery } from '../../platform/paging.js';
import { bi } from '../../platform/validation.js';
import { GroundSchema } from '../revocations/index.js';
import { COMPLAINT_EVENTS } from './complaints.policy.js';

const STATES = ['received', 'accepted', 'investigating', 'substantiated', 'unsubstantiated', 'dismissed'] as const;

export const ComplaintBody = z.object({
  subject: z.string().trim().min(2, bi('Give a subject', '请填写投诉举报事项')).max(200),
  enterpriseName: z.string().trim().min(2, bi('Name the enterprise', '请填写被投诉企业名称')).max(200),
  facts: z.string().trim().min(10, bi('Describe the facts (at least 10 characters)', '请描述事实（至少 10 个字）')).max(20000),
  contact: z.string().trim().max(200).nullable().optional(),
});
export type ComplaintInput = z.infer<typeof ComplaintBody>;
export const ComplaintListQuery = PageQuery.extend({ state: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(z.enum(STATES))).optional() });
export const HandleBody = z.object({ action: z.enum(COMPLAINT_EVENTS), note: z.string().trim().max(10000).nullable().optional() });
export const AssignBody = z.object({ enterpriseId: z.uuid() });
export const OpenRevocationBody = z.object({ grounds: z.array(GroundSchema).min(1).max(5), facts: z.string().trim().min(5).max(10000) });
export const EvidenceParam = z.object({ id: z.uuid(), n: z.coerce.number().int().min(0).max(20) });
export const TrackingParam = z.object({ trackingCode: z.string().max(40) });

export const FiledSchema = z.object({ trackingCode: z.string(), anonymous: z.boolean(), message: z.string(), messageEn: z.string() });
export const PublicSchema = z
  .object({
    trackingCode: z.string(),
    subject: z.string(),
    enterpriseName: z.string(),
    state: z.string(),
    stateZh: z.string(),
    stateEn: z.string(),
    anonymous: z.boolean(),
    filedAt: z.string(),
    concludedOn: z.string().nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'ComplaintPublic' });
export const HandlerSchema = PublicSchema.extend({
  id: z.string(),
  enterpriseId: z.string().nullable(),
  authorityId: z.string().nullable(),
  facts: z.string(),
  contact: z.string().nullable(),
  evidenceCount: z.number(),
  filedByUser: z.boolean(),
  revocationCaseId: z.string().nullable(),
  actions: z.array(z.string()),
}).meta({ id: 'Complaint' });
