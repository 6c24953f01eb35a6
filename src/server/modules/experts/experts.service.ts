import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import { authorize } from '../../platform/authorize.js';
import { expertPolicy } from './experts.policy.js';
import { expertRepo } from './experts.repo.js';
import type { ExpertBody } from './experts.schema.js';
import type { Page } from '../../platform/paging.js';

/** 专家库: the expert pool MIIT draws reviewers from (规范条件 七(一)5). */
export function createExpertService({ db }: { db: Db }) {
  return {
    list: () => expertRepo.list(db),
    page: (page: Page, q?: string, field?: string) => expertRepo.page(db, page, q, field),
    get: (id: string) => expertRepo.get(db, id),
    /**
     * The experts of `expertIds` for a review of an enterprise whose group is `group` (规范条件 七(一)5 and
     * 七(二)3 draw on the same pool under the same rule): an unknown expert is a 400 naming expertIds; an expert
     * working for the enterprise or its group is a 409 EXPERT_CONFLICT naming them. `what` says what they would
     * not be allowed to join. Reference data: read before the caller's transaction.
     */
    async forReview(expertIds: string[], group: Set<string>, what: { zh: string; en: string }) {
      const found = [];
      const conflicted: string[] = [];
      for (const id of new Set(expertIds)) {
        const e = await expertRepo.get(db, id);
        if (!e) throw errors.field('expertIds', '专家不存在', 'Unknown expert');
        if (e.affiliatedEnterpriseId && group.has(e.affiliatedEnterpriseId)) conflicted.push(e.name);
        found.push(e);
      }
      if (conflicted.length) {
        throw new DomainError(409, 'EXPERT_CONFLICT', `专家 ${conflicted.join('、')} 来自该企业或其所属集团，不能${what.zh}`, `Expert(s) ${conflicted.join(', ')} work for the enterprise or its group and cannot ${what.en}`, [
          { field: 'expertIds', message: '利益冲突', messageEn: 'Conflict of interest' },
        ]);
      }
      return found;
    },
    async create(ctx: RequestContext, input: z.infer<typeof ExpertBody>) {
      return db.transaction(async (tx) => {
        authorize(ctx.principal, expertPolicy, 'manage', {});
        const e = await expertRepo.insert(tx, { ...input, id: randomUUID() });
        await recordAudit(tx, ctx, { action: 'expert.created', objectType: 'expert', objectId: e.id, change: input });
        return e;
      });
    },
    async update(ctx: RequestContext, id: string, patch: Partial<z.infer<typeof ExpertBody>>) {
      return db.transaction(async (tx) => {
        authorize(ctx.principal, expertPolicy, 'manage', {});
        // the row count decides: no row, no expert (one statement, nothing read before it)
        const e = await expertRepo.update(tx, id, patch);
        if (!e) throw errors.notFound('专家', 'Expert');
        await recordAudit(tx, ctx, { action: 'expert.updated', objectType: 'expert', objectId: id, change: patch });
        return e;
      });
    },
  };
}
export type ExpertService = ReturnType<typeof createExpertService>;
