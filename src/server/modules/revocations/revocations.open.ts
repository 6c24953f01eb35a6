import { randomUUID } from 'node:crypto';
import { MINISTRY_AUTHORITY_ID } from '../../../domain/authorities.js';
import type { RevocationGround, RevocationOrigin } from '../../../domain/supervision/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import { isMinistry, type Principal, type RequestContext } from '../../platform/principal.js';
import { revocationOpeningPolicy } from './revocations.policy.js';
import { revocationRepo } from './revocations.repo.js';
import type { CaseKernel } from './revocations.service.js';

export interface OpenCaseInput {
  enterpriseId: string;
  grounds: RevocationGround[];
  facts: string;
}

const caseOpen = (caseId: string) => errors.conflict('CASE_OPEN', '该企业已有进行中的撤销案件', 'A revocation case is already open for this enterprise', { caseId });

/** Opening a case: a provincial request or MIIT's own (七(二)4), also from a complaint (complaints module). */
export function openingSteps({ deps, storeAll }: CaseKernel) {
  const { db, clock, enterprises, announcements, notifications } = deps;

  /** Checks before opening (reads only: call before the transaction). */
  async function prepareOpen(p: Principal | null, input: OpenCaseInput) {
    const e = await enterprises.getInternal(input.enterpriseId);
    if (!e) throw errors.notFound('企业', 'Enterprise');
    authorize(p, revocationOpeningPolicy, 'open', e);
    if ((await announcements.activeEntriesOf(e.id)).length === 0) {
      throw errors.conflict('NOT_ANNOUNCED', '该企业不在公告名单中，无需撤销', 'The enterprise is not on the announced list');
    }
    const open = await revocationRepo.openFor(db, e.id);
    if (open) throw caseOpen(open.id);
    return e;
  }

  /** Insert the case inside the caller's transaction (the complaints module opens cases from complaints). */
  async function insertCase(tx: Db, ctx: RequestContext, e: { id: string; authorityId: string }, input: OpenCaseInput & { origin: RevocationOrigin; complaintId?: string | null; evidence?: string[] }) {
    // decided again under the per-enterprise lock: of two requests opening a case at once, one wins
    await revocationRepo.lockOpening(tx, e.id);
    const open = await revocationRepo.openFor(tx, e.id);
    if (open) throw caseOpen(open.id);
    const p = ctx.principal;
    const c = await revocationRepo.insert(tx, {
      enterpriseId: e.id,
      id: randomUUID(),
      authorityId: e.authorityId,
      origin: input.origin,
      complaintId: input.complaintId ?? null,
      grounds: [...new Set(input.grounds)],
      facts: input.facts,
      evidence: input.evidence ?? [],
      state: 'opened',
      openedBy: p?.kind === 'user' ? p.userId : null,
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, { action: 'revocation.opened', objectType: 'revocation_case', objectId: c.id, enterpriseId: e.id, change: { origin: input.origin, grounds: c.grounds, complaintId: c.complaintId, evidence: c.evidence } });
    await notifications.notify(
      tx,
      input.origin === 'provincial_request'
        ? [{ orgId: MINISTRY_AUTHORITY_ID, kind: 'revocation.requested', title: '省级主管部门报请撤销公告', titleEn: 'A provincial authority requests a revocation', link: `/supervision/revocations/${c.id}` }]
        : [{ orgId: e.authorityId, kind: 'revocation.opened', title: '工信部对辖区内企业立案撤销公告', titleEn: 'MIIT opened a revocation case in your jurisdiction', link: `/supervision/revocations/${c.id}` }],
    );
    return c;
  }

  /** Overdue annual reports of the last two report years whose 31 March has passed (七(二)1, 七(二)4(2)). */
  async function overdueReportsOf(enterpriseId: string) {
    const today = clock.today();
    const y = Number(today.slice(0, 4));
    const lastDueYear = today > `${y}-03-31` ? y - 1 : y - 2;
    const rows = [...(await deps.annualReports.overdueReports(lastDueYear)), ...(await deps.annualReports.overdueReports(lastDueYear - 1))];
    return rows.filter((r) => r.enterpriseId === enterpriseId);
  }

  return {
    prepareOpen,
    insertCase,

    /**
     * Provincial request (七(二)4 省级…应报请) or MIIT's own case, with evidence files. For 七(二)4(2) the
     * platform's own record (annual reports overdue) is the evidence; without it, files must be attached.
     */
    async open(ctx: RequestContext, input: OpenCaseInput, evidence: Buffer[]) {
      const p = ctx.principal;
      const e = await prepareOpen(p, input);
      let facts = input.facts;
      if (input.grounds.includes('annual_report_missing')) {
        const overdue = await overdueReportsOf(e.id);
        if (overdue.length) facts += `\n【平台记录】${overdue.map((o) => `${o.siteName} ${o.year} 年度报告逾期未报送（截止 ${o.dueOn}）`).join('；')}`;
        else if (evidence.length === 0) {
          throw errors.field('grounds', '平台未记录该企业年度报告逾期未报送，请附证据文件', 'The platform has no overdue annual report of this enterprise: attach evidence');
        }
      }
      return db.transaction(async (tx) => {
        const shas = await storeAll(tx, evidence);
        return insertCase(tx, ctx, e, { ...input, facts, origin: isMinistry(p) ? 'ministry' : 'provincial_request', evidence: shas });
      });
    },
  };
}
