import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import { expertRepo } from './experts.repo.js';
import type { ExpertBody } from './experts.schema.js';
import type { Page } from '../../platform/paging.js';

/** 专家库: the expert pool MIIT draws reviewers from (规范条件 七(一)5). */
export function createExpertService({ db }: { db: Db }) {
  return {
    list: () => expertRepo.list(db),
    page: (page: Page, q?: string) => expertRepo.page(db, page, q),
    get: (id: string) => expertRepo.get(db, id),
    async create(ctx: RequestContext, input: z.infer<typeof ExpertBody>) {
      return db.transaction(async (tx) => {
        const e = await expertRepo.insert(tx, { ...input, id: randomUUID() });
        await recordAudit(tx, ctx, { action: 'expert.created', objectType: 'expert', objectId: e.id, change: input });
        return e;
      });
    },
    async update(ctx: RequestContext, id: string, patch: Partial<z.infer<typeof ExpertBody>>) {
      return db.transaction(async (tx) => {
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
