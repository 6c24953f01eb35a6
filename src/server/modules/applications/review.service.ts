import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { conditionChapterTitles } from '../../../domain/announcement/chapters.js';
import { MIN_EXPERTS_PER_APPLICATION } from '../../../domain/announcement/workflow.js';
import type { Db } from '../../db/client.js';
import { canonicalJson, recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { ExpertService } from '../experts/experts.service.js';
import { authorize } from '../../platform/authorize.js';
import { applicationPolicy } from './applications.policy.js';
import { attachmentRepo, reviewRepo, type ApplicationRow } from './applications.repo.js';
import type { ExpertOpinionBody, OnsiteBody, ProvincialOpinionBody } from './applications.schema.js';
import type { ApplicationService } from './applications.service.js';
import { expertReviewBlock } from './blocked.js';


/**
 * The reviewing steps after submission (规范条件 七(一)4–5): the provincial authority verifies and returns,
 * rejects or forwards with its 表1-3 opinion; MIIT assigns experts, who record opinions; MIIT records the
 * on-site check and may reject. Every step is one transition of the state machine in src/domain.
 */
export function createReviewService(deps: { db: Db; clock: Clock; applications: ApplicationService; experts: ExpertService; enterprises: EnterpriseService }) {
  const { db, clock, applications, experts, enterprises } = deps;
  /**
   * One reviewing step: the transaction locks the application (FOR UPDATE) and checks the caller may see it,
   * `authorize` checks the role on that row, then `step` decides through the state machine and writes.
   */
  const onLocked = <T>(ctx: RequestContext, id: string, authorize: (a: ApplicationRow) => void, step: (tx: Db, a: ApplicationRow) => Promise<T>) =>
    db.transaction(async (tx) => {
      const a = await applications.lockVisible(tx, ctx.principal, id);
      authorize(a);
      return step(tx, a);
    });
  const asAuthority = (ctx: RequestContext) => (a: ApplicationRow) => authorize(ctx.principal, applicationPolicy, 'authority_review', a);
  const asMinistry = (ctx: RequestContext) => (a: ApplicationRow) => authorize(ctx.principal, applicationPolicy, 'ministry_review', a);
  const enterpriseNote = (enterpriseId: string, kind: string, title: string, titleEn: string, id: string) => ({ orgId: enterpriseId, kind, title, titleEn, link: `/applications/${id}` });

  return {
    /** An expert's own opinion on each of these cases: pending or submitted (other viewers: an empty map). */
    async myOpinions(p: Principal | null, applicationIds: string[]): Promise<Map<string, 'pending' | 'submitted'>> {
      if (p?.kind !== 'user' || !p.expertId) return new Map();
      const rows = await reviewRepo.expertAssignmentsOf(db, p.expertId, applicationIds);
      return new Map(rows.map((r) => [r.applicationId, r.submittedAt ? 'submitted' : 'pending']));
    },

    /** 补正: back to the enterprise with reasons; the next submission is a new version (the old one is kept). */
    async returnForSupplement(ctx: RequestContext, id: string, reason: string) {
      return onLocked(ctx, id, asAuthority(ctx), (tx, a) =>
        applications.transition(tx, ctx, a, 'return_for_supplement', {
          patch: { version: a.version + 1, outcomeReason: reason },
          note: { reason },
          notify: [enterpriseNote(a.enterpriseId, 'application.returned', '申请被退回补正', 'Application returned for supplement', a.id)],
        }),
      );
    },

    async provincialReject(ctx: RequestContext, id: string, reason: string) {
      return onLocked(ctx, id, asAuthority(ctx), (tx, a) =>
        applications.transition(tx, ctx, a, 'provincial_reject', {
          patch: { outcomeReason: reason, decidedAt: clock.now() },
          note: { reason },
          notify: [enterpriseNote(a.enterpriseId, 'application.rejected', '申请未通过省级审核', 'Application rejected by the provincial authority', a.id)],
        }),
      );
    },

    /** Forward to MIIT with the 表1-3 opinion (经办人, 负责人, date). */
    async forward(ctx: RequestContext, id: string, opinion: z.infer<typeof ProvincialOpinionBody>) {
      return onLocked(ctx, id, asAuthority(ctx), (tx, a) =>
        applications.transition(tx, ctx, a, 'forward', {
          patch: { provincialOpinion: opinion, outcomeReason: null },
          note: { handler: opinion.handler, head: opinion.head, date: opinion.date },
          notify: [
            { orgId: 'miit', kind: 'application.forwarded', title: '省级主管部门报送了规范公告申请', titleEn: 'An application was forwarded by a provincial authority', link: `/applications/${a.id}` },
            enterpriseNote(a.enterpriseId, 'application.forwarded', '申请已报送工业和信息化部', 'Application forwarded to MIIT', a.id),
          ],
        }),
      );
    },

    /**
     * Assign at least three experts from the pool; an expert working for the applicant or its group
     * (parent/subsidiaries) cannot be assigned.
     */
    async assignExperts(ctx: RequestContext, id: string, expertIds: string[]) {
      const a = await applications.load(ctx.principal, id);
      const ids = [...new Set(expertIds)];
      // the expert pool and the applicant's group are reference data of other modules: read before the transaction
      const group = new Set(await enterprises.groupMembers(a.enterpriseId));
      await experts.forReview(ids, group, { zh: '被指派', en: 'be assigned' });
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      return onLocked(ctx, id, asMinistry(ctx), async (tx, a) => {
        const existing = await reviewRepo.assignments(tx, a.enterpriseId, a.id);
        const all = new Set([...existing.map((x) => x.expertId), ...ids]);
        if (all.size < MIN_EXPERTS_PER_APPLICATION) {
          throw errors.field('expertIds', `至少须指派 ${MIN_EXPERTS_PER_APPLICATION} 名专家`, `Assign at least ${MIN_EXPERTS_PER_APPLICATION} experts`, 'TOO_FEW_EXPERTS');
        }
        const fresh = ids.filter((x) => !existing.some((e) => e.expertId === x));
        const updated = await applications.transition(tx, ctx, a, 'assign_experts', {
          note: { expertIds: [...all] },
          notify: fresh.map((x) => ({ orgId: x, kind: 'expert.assigned', title: '您被指派复审一份规范公告申请', titleEn: 'You were assigned an application to review', link: `/applications/${a.id}` })),
        });
        if (fresh.length) await reviewRepo.assign(tx, fresh.map((expertId) => ({ enterpriseId: a.enterpriseId, applicationId: a.id, expertId, assignedBy: p.userId, assignedAt: clock.now() })));
        return updated;
      });
    },

    /** An assigned expert records (or revises) an opinion per chapter and a recommendation. */
    async recordOpinion(ctx: RequestContext, id: string, opinion: z.infer<typeof ExpertOpinionBody>) {
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      // 404 unless assigned (the read rule of lockVisible), then the opinion rule on the locked row
      return onLocked(ctx, id, (a) => authorize(p, applicationPolicy, 'expert_opinion', a), async (tx, a) => {
        // a revision is a new opinion; the same opinion again (a double submission) changes nothing: 409
        const mine = (await reviewRepo.assignments(tx, a.enterpriseId, a.id)).find((x) => x.expertId === p.expertId);
        // stored with the 规范条件 chapter titles its keys stand for (二、基本要求 …), so the record reads right alone
        const stored = { ...opinion, chapterTitles: conditionChapterTitles() };
        const { chapterTitles: _t, ...before } = (mine?.opinion ?? {}) as Record<string, unknown>;
        if (mine?.submittedAt && canonicalJson(before) === canonicalJson(opinion)) {
          throw errors.conflict('OPINION_UNCHANGED', '该意见已提交，内容未变化', 'This opinion is already recorded unchanged', { status: 'recorded' });
        }
        const updated = await applications.transition(tx, ctx, a, 'record_opinion', { note: { recommendation: opinion.recommendation } });
        await reviewRepo.saveOpinion(tx, a.enterpriseId, a.id, p.expertId!, stored, clock.now());
        return updated;
      });
    },

    async completeExpertReview(ctx: RequestContext, id: string) {
      return onLocked(ctx, id, asMinistry(ctx), async (tx, a) => {
        const assignments = await reviewRepo.assignments(tx, a.enterpriseId, a.id);
        const pending = assignments.filter((x) => !x.submittedAt).length;
        // the same rule the detail sends beforehand as `blocked` (./blocked.ts)
        if (expertReviewBlock(assignments)) {
          throw errors.conflict('OPINIONS_PENDING', `还有 ${pending} 位专家未提交意见`, `${pending} expert opinion(s) still pending`, { pending, assigned: assignments.length });
        }
        const recommendations = assignments.map((x) => (x.opinion as { recommendation: string }).recommendation);
        return applications.transition(tx, ctx, a, 'complete_expert_review', { note: { recommendations } });
      });
    },

    /** 现场核查: team, date, findings per chapter, photos, conclusion. A failed check rejects the case. */
    async recordOnsite(ctx: RequestContext, id: string, body: z.infer<typeof OnsiteBody>) {
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      return onLocked(ctx, id, asMinistry(ctx), async (tx, a) => {
        if (a.state !== 'onsite_check') {
          throw errors.conflict('ILLEGAL_TRANSITION', '当前状态下不能记录现场核查', 'No on-site check can be recorded in the current state', { state: a.state });
        }
        const photos: string[] = [];
        for (const pid of body.photoIds) {
          const att = await attachmentRepo.get(tx, a.enterpriseId, pid);
          if (!att || att.applicationId !== a.id || att.slot !== 'onsite_photo') throw errors.field('photoIds', '照片不存在', 'Unknown photo');
          photos.push(att.fileSha256);
        }
        if (body.conclusion === 'fail' && !body.reason) throw errors.field('reason', '核查不通过须说明理由', 'A failed check needs a reason');
        await reviewRepo.insertOnsite(tx, {
          enterpriseId: a.enterpriseId,
          applicationId: a.id,
          id: randomUUID(),
          team: body.team,
          checkDate: body.date,
          findings: body.findings,
          photos,
          conclusion: body.conclusion,
          recordedBy: p.userId,
          recordedAt: clock.now(),
        });
        await recordAudit(tx, ctx, { action: 'application.onsite_recorded', objectType: 'application', objectId: a.id, enterpriseId: a.enterpriseId, change: { ...body, chapterTitles: conditionChapterTitles() } });
        return body.conclusion === 'pass'
          ? applications.transition(tx, ctx, a, 'record_onsite_pass', { note: { date: body.date } })
          : applications.transition(tx, ctx, a, 'reject', {
              patch: { outcomeReason: body.reason!, decidedAt: clock.now() },
              note: { reason: body.reason, onsite: true },
              notify: [enterpriseNote(a.enterpriseId, 'application.rejected', '申请未通过现场核查', 'Application rejected after the on-site check', a.id)],
            });
      });
    },

    async reject(ctx: RequestContext, id: string, reason: string) {
      return onLocked(ctx, id, asMinistry(ctx), (tx, a) =>
        applications.transition(tx, ctx, a, 'reject', {
          patch: { outcomeReason: reason, decidedAt: clock.now() },
          note: { reason },
          notify: [
            enterpriseNote(a.enterpriseId, 'application.rejected', '申请未通过审核', 'Application rejected', a.id),
            { orgId: a.authorityId, kind: 'application.rejected', title: '工信部未通过一份申请', titleEn: 'MIIT rejected an application', link: `/applications/${a.id}` },
          ],
        }),
      );
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
