import { z } from 'zod';
import { DEFAULT_NOTICE_WORKING_DAYS } from '../../../domain/announcement/workflow.js';
import { PageQuery } from '../../platform/paging.js';
import { bi, isoDate } from '../../platform/validation.js';

export { DEFAULT_NOTICE_WORKING_DAYS };

export const IdParam = z.object({ id: z.uuid() });

export const EntrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  status: z.string(),
  applicationId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  siteName: z.string(),
  fields: z.array(z.string()),
});
export const NoticeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    workingDays: z.number().nullable(),
    status: z.string(),
    entries: z.array(EntrySchema),
  })
  .meta({ id: 'Notice' });
export const ObjectionSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  name: z.string(),
  contact: z.string(),
  reason: z.string(),
  evidenceCount: z.number(),
  filedAt: z.string(),
  status: z.string(),
  resolution: z.string().nullable(),
  trackingCode: z.string(),
});
/** What anyone holding the code sees (issue 16 item 13): no name, contact or reason of the objector. */
export const ObjectionTrackSchema = z
  .object({
    trackingCode: z.string(),
    notice: z.object({ id: z.string(), title: z.string(), startDate: z.string(), endDate: z.string(), status: z.string() }),
    enterpriseName: z.string(),
    siteName: z.string(),
    filedAt: z.string(),
    status: z.enum(['pending', 'upheld', 'dismissed']),
    resolution: z.string().nullable(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: 'ObjectionTrack' });

export const ObjectionBody = z.object({
  name: z.string().trim().min(1).max(100),
  contact: z.string().trim().min(3).max(200),
  entryId: z.uuid(bi('Must be a UUID', '必须是 UUID')),
  reason: z.string().trim().min(5, bi('Describe the objection (at least 5 characters)', '请说明异议理由（至少 5 个字）')).max(5000),
});
export const ObjectionFiled = z.object({ id: z.string(), filedAt: z.string(), trackingCode: z.string().describe('查询码：凭此查询异议处理结果 the code to follow the objection by') });

export const NoticePageQuery = PageQuery.extend({ entriesPageSize: PageQuery.shape.pageSize });
export const NoticeListItem = NoticeSchema.extend({ entryCount: z.number() });
export const MinistryNoticeListItem = NoticeListItem.extend({ pendingObjections: z.number() });
export const NoticeDetail = NoticeSchema.extend({
  objections: z.array(ObjectionSchema),
  closeBlocked: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable().describe('why 期满办结 cannot be done yet (window open, objections pending); null: it can, or the notice is closed'),
});

export const NoticeBody = z.object({
  title: z.string().trim().min(2).max(200),
  applicationIds: z.array(z.uuid()).min(1).max(500),
  startDate: isoDate.optional(),
  workingDays: z.number().int().min(1).max(60).optional(),
  endDate: isoDate.optional(),
});
export const ResolveObjectionBody = z.object({ decision: z.enum(['upheld', 'dismissed']), resolution: z.string().trim().min(2).max(5000) });
export const EvidenceParam = z.object({ id: z.uuid(), n: z.coerce.number().int().min(0).max(20) });
export const TrackingParam = z.object({ trackingCode: z.string().max(40) });

export const WorkdayOverride = z.object({ date: z.string(), workday: z.boolean() });
export const OverrideParam = z.object({ date: isoDate });
export const OverrideBody = z.object({ workday: z.boolean(), note: z.string().max(200).nullable().optional() });
