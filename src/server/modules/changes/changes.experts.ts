import { conditionChapterTitles } from '../../../domain/announcement/chapters.js';
import type { Db } from '../../db/client.js';
import { canonicalJson, recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { changePolicy } from './changes.policy.js';
import { changeExpertRepo, changeRepo, type ChangeRow } from './changes.repo.js';
import type { ChangeExpertOpinion } from './changes.schema.js';
import type { ChangeDeps } from './changes.service.js';

/**
 * 七(二)3 "由省级工业和信息化主管部门组织相关机构和专家验收核实": the authority may involve experts of the pool (the
 * experts service, the same pool and the same conflict-of-interest rule as the 公告 review: nobody of the
 * enterprise's group) in a change's acceptance check while it is `submitted`; each records an opinion filed under
 * the 规范条件 chapters (二–六, labelled as in the review) with a conclusion. The check waits for every opinion.
 */
export function changeExpertSteps(deps: ChangeDeps) {
  const { db, clock, experts, enterprises, notifications } = deps;
  const notFound = () => errors.notFound('变更申请', 'Change request');
  const lockedFor = async (tx: Db, ctx: RequestContext, id: string) => {
    const c = await changeRepo.lockById(tx, id);
    if (!c) throw notFound();
    const assigned = await changeExpertRepo.of(tx, c.enterpriseId, c.id);
    const subject = { ...c, expertIds: assigned.map((a) => a.expertId) };
    authorize(ctx.principal, changePolicy, 'read', subject);
    return { c, subject, assigned };
  };
  const notSubmitted = (c: ChangeRow) => errors.conflict('INVALID_STATE', `变更申请当前状态（${c.state}）不能安排专家或提交专家意见`, `Experts belong to a change awaiting its check (state ${c.state})`, { state: c.state });

  return {
    async assignExperts(ctx: RequestContext, id: string, expertIds: string[]) {
      const ids = [...new Set(expertIds)];
      // the pool and the group are reference data of other modules: read before the transaction
      const pre = await changeRepo.get(db, id);
      const group = new Set(pre ? await enterprises.groupMembers(pre.enterpriseId) : []);
      await experts.forReview(ids, group, { zh: '参加验收核实', en: 'join the acceptance check' });
      return db.transaction(async (tx) => {
        const { c, subject, assigned } = await lockedFor(tx, ctx, id);
        authorize(ctx.principal, changePolicy, 'assign_experts', subject);
        if (c.state !== 'submitted') throw notSubmitted(c);
        const fresh = ids.filter((x) => !assigned.some((a) => a.expertId === x));
        if (fresh.length === 0) throw errors.conflict('ALREADY_ASSIGNED', '这些专家已参加该变更的验收核实', 'These experts are already involved', { expertIds: ids });
        const now = clock.now();
        await changeExpertRepo.assign(tx, fresh.map((expertId) => ({ enterpriseId: c.enterpriseId, changeId: c.id, expertId, assignedBy: ctx.principal?.kind === 'user' ? ctx.principal.userId : null, assignedAt: now })));
        await recordAudit(tx, ctx, { action: 'change.experts_assigned', objectType: 'change_request', objectId: c.id, enterpriseId: c.enterpriseId, change: { expertIds: fresh } });
        await notifications.notify(tx, fresh.map((x) => ({ orgId: x, kind: 'expert.assigned', title: '您受邀参加一项公告企业变更的验收核实', titleEn: 'You were invited to the acceptance check of a change', link: `/review/changes/${c.id}` })));
        return c;
      });
    },

    async recordOpinion(ctx: RequestContext, id: string, opinion: ChangeExpertOpinion) {
      // the rules decide on the locked row: `read` (404 unless in scope or invited), then `opinion` (invited experts only)
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      return db.transaction(async (tx) => {
        const { c, subject, assigned } = await lockedFor(tx, ctx, id);
        authorize(p, changePolicy, 'opinion', subject);
        if (c.state !== 'submitted') throw notSubmitted(c);
        const mine = assigned.find((a) => a.expertId === p.expertId)!;
        const { chapterTitles: _t, ...before } = (mine.opinion ?? {}) as Record<string, unknown>;
        if (mine.submittedAt && canonicalJson(before) === canonicalJson(opinion)) throw errors.conflict('OPINION_UNCHANGED', '该意见已提交，内容未变化', 'This opinion is already recorded unchanged', { status: 'recorded' });
        // stored with the 规范条件 chapter titles its keys stand for, as the review's opinions are
        await changeExpertRepo.saveOpinion(tx, c, p.expertId!, { ...opinion, chapterTitles: conditionChapterTitles() }, clock.now());
        await recordAudit(tx, ctx, { action: 'change.expert_opinion', objectType: 'change_request', objectId: c.id, enterpriseId: c.enterpriseId, change: opinion });
        await notifications.notify(tx, [{ orgId: c.authorityId, kind: 'change.expert_opinion', title: '变更验收核实：专家已提交意见', titleEn: 'An expert recorded an opinion on a change', link: `/supervision/changes/${c.id}` }]);
        return c;
      });
    },
  };
}
