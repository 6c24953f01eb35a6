import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { supervisionScope, type SupervisionTodo } from '../supervision/index.js';
import { findingActions, findingPolicy } from './findings.policy.js';
import { findingRepo, type FindingRow } from './findings.repo.js';

export interface FindingsDeps {
  db: Db;
  clock: Clock;
  enterprises: EnterpriseService;
  notifications: NotificationService;
}

/** A possible ground 七(二)4(1) the platform found; `dedupeKey` names the fact (raised once, ever). */
export interface FindingInput {
  enterpriseId: string;
  authorityId: string;
  kind: string;
  clause: string;
  dedupeKey: string;
  subjectType?: string | null;
  subjectId?: string | null;
  summary: string;
  summaryEn: string;
  details?: Record<string, unknown>;
}

/**
 * 七(二)4(1) "不能保持符合本规范条件要求的": findings the platform raises about announced enterprises — a change
 * not completed within its year or not confirmed (七(二)3), a condition that no longer holds on the data (the
 * conditions watch) — put on the authority's to-do list as a possible ground. The authority decides: it opens a
 * revocation request itself (revocations module) or dismisses the finding with a reason (audited). Nothing is
 * automatic, and a finding is raised once per fact (the dedupe key), also after a dismissal.
 */
export function createFindingsService(deps: FindingsDeps) {
  const { db, clock, enterprises, notifications } = deps;
  const notFound = () => errors.notFound('核查提示', 'Finding');

  /** Inside the caller's transaction: insert the new findings (idempotent), notify the authorities, audit. */
  async function raise(tx: Db, ctx: RequestContext | null, inputs: FindingInput[]): Promise<FindingRow[]> {
    const rows = await findingRepo.insertNew(
      tx,
      inputs.map((f) => ({ ...f, id: randomUUID(), ground: 'conditions_not_maintained', details: f.details ?? {}, state: 'open', raisedAt: clock.now() })),
    );
    for (const r of rows) {
      await recordAudit(tx, ctx, { action: 'finding.raised', objectType: 'supervision_finding', objectId: r.id, enterpriseId: r.enterpriseId, change: { kind: r.kind, clause: r.clause, dedupeKey: r.dedupeKey, summary: r.summary } });
      await notifications.notify(tx, [
        { orgId: r.authorityId, kind: 'finding.raised', title: `请研究是否报请撤销公告（七(二)4(1)）：${r.summary}`, titleEn: `Consider a revocation request (七(二)4(1)): ${r.summaryEn}`, link: '/supervision?tab=findings' },
      ]);
    }
    return rows;
  }

  async function load(p: Principal | null, id: string) {
    const f = await findingRepo.get(db, id);
    if (!f) throw notFound();
    authorize(p, findingPolicy, 'read', f);
    return f;
  }

  return {
    raise,
    load,
    page: (p: Principal | null, f: { states?: string[]; enterpriseId?: string }, page: Page) => findingRepo.page(db, supervisionScope(p), f, page),

    /** The authority (or MIIT) dismisses a finding with a reason: audited; a second dismissal is 409. */
    async dismiss(ctx: RequestContext, id: string, reason: string) {
      return db.transaction(async (tx) => {
        const f = await findingRepo.lockById(tx, id);
        if (!f) throw notFound();
        authorize(ctx.principal, findingPolicy, 'read', f);
        authorize(ctx.principal, findingPolicy, 'dismiss', f);
        const r = await findingRepo.dismiss(tx, f, { dismissedReason: reason, dismissedBy: ctx.principal?.kind === 'user' ? ctx.principal.userId : null, dismissedAt: clock.now() });
        if (!r) throw errors.conflict('INVALID_STATE', '该提示已处理', 'The finding was handled already', { state: f.state });
        await recordAudit(tx, ctx, { action: 'finding.dismissed', objectType: 'supervision_finding', objectId: f.id, enterpriseId: f.enterpriseId, change: { reason } });
        return r;
      });
    },

    /** 待办: open findings of the caller's jurisdiction (authority) or all (MIIT), one line each. */
    async todos(p: Principal | null): Promise<SupervisionTodo[]> {
      const scope = supervisionScope(p);
      if (scope.kind !== 'ministry' && scope.kind !== 'authority') return [];
      const rows = (await findingRepo.list(db, scope, { states: ['open'] })).filter((f) => findingActions(p, f).length > 0);
      const names = await enterprises.names([...new Set(rows.map((f) => f.enterpriseId))]);
      return rows.map((f) => ({
        kind: 'supervision' as const,
        id: f.id,
        state: 'finding_open',
        title: `可能的撤销理由 七(二)4(1)：${names.get(f.enterpriseId) ?? ''} — ${f.summary}`,
        titleEn: `Possible ground 七(二)4(1): ${names.get(f.enterpriseId) ?? ''} — ${f.summaryEn}`,
        link: '/supervision?tab=findings',
        since: f.raisedAt.toISOString(),
      }));
    },
  };
}
export type FindingsService = ReturnType<typeof createFindingsService>;
