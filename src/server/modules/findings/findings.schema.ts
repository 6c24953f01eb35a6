import { z } from 'zod';
import { PageQuery } from '../../platform/paging.js';
import { bi } from '../../platform/validation.js';

export const FindingListQuery = PageQuery.extend({
  state: z.enum(['open', 'dismissed']).optional(),
  enterpriseId: z.uuid().optional(),
});
export const DismissBody = z.object({ reason: z.string().trim().min(2, bi('Give the reason', '请填写不予报请撤销的理由')).max(5000) });

export const FindingSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    authorityId: z.string(),
    kind: z.string(),
    clause: z.string(),
    ground: z.string(),
    groundClause: z.string(),
    groundZh: z.string(),
    summary: z.string(),
    summaryEn: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    state: z.enum(['open', 'dismissed']),
    raisedAt: z.string(),
    dismissedReason: z.string().nullable(),
    dismissedAt: z.string().nullable(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'SupervisionFinding' });
