import { canFileRectification } from '../../../domain/supervision/index.js';
import { recordAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import { revocationRepo } from './revocations.repo.js';
import type { CaseKernel } from './revocations.service.js';

/** After a revocation: the enterprise's rectification and its acceptance, which starts the two-year lock (七(二)4). */
export function rectificationSteps({ deps, onLocked, storeAll, conflictState }: CaseKernel) {
  const { clock, notifications } = deps;
  return {
    /** After revocation: the enterprise files its rectification (整改) with its authority. */
    async fileRectification(ctx: RequestContext, id: string, input: { text: string }, attachments: Buffer[]) {
      return onLocked(ctx, id, 'rectification', async (tx, c) => {
        if (!canFileRectification(c.state, c.rectificationState)) {
          throw errors.conflict('RECTIFICATION_NOT_OPEN', '仅被撤销公告的企业可提交整改（或整改已在审核/已验收）', 'Rectification is open only after a revocation and when none is pending or accepted', { state: c.state, rectificationState: c.rectificationState });
        }
        const shas = await storeAll(tx, attachments);
        const r = await revocationRepo.update(tx, c, ['revoked'], { rectificationState: 'submitted', rectificationText: input.text, rectificationFiles: shas, rectificationOpinion: null });
        if (!r) throw conflictState(c);
        await recordAudit(tx, ctx, { action: 'revocation.rectification_filed', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { files: shas } });
        await notifications.notify(tx, [{ orgId: c.authorityId, kind: 'revocation.rectification', title: '被撤销公告企业提交整改材料，请验收', titleEn: 'A revoked enterprise filed its rectification', link: `/supervision/revocations/${c.id}` }]);
        return r;
      });
    },

    /**
     * The authority accepts (整改合格: the date is stored and starts the two-year lock) or returns the
     * rectification with its opinion.
     */
    async reviewRectification(ctx: RequestContext, id: string, input: { accept: boolean; opinion: string }) {
      const today = clock.today();
      return onLocked(ctx, id, 'review_rectification', async (tx, c) => {
        if (c.state !== 'revoked' || c.rectificationState !== 'submitted') throw errors.conflict('RECTIFICATION_NOT_SUBMITTED', '没有待验收的整改', 'No rectification awaiting review', { rectificationState: c.rectificationState });
        const r = await revocationRepo.update(tx, c, ['revoked'], {
          rectificationState: input.accept ? 'accepted' : 'returned',
          rectificationOpinion: input.opinion,
          rectificationAcceptedOn: input.accept ? today : null,
        });
        if (!r) throw conflictState(c);
        if (input.accept) await revocationRepo.setLockAccepted(tx, c.enterpriseId, c.id, today);
        await recordAudit(tx, ctx, { action: input.accept ? 'revocation.rectification_accepted' : 'revocation.rectification_returned', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: input });
        await notifications.notify(tx, [
          {
            orgId: c.enterpriseId,
            kind: 'revocation.rectification_reviewed',
            title: input.accept ? `整改验收合格（${today}），满 2 年后可重新申请` : '整改未通过验收，请继续整改',
            titleEn: input.accept ? `Rectification accepted (${today}); you may reapply after two years` : 'Rectification returned: continue rectifying',
            link: `/supervision/revocations/${c.id}`,
          },
        ]);
        return r;
      });
    },
  };
}
