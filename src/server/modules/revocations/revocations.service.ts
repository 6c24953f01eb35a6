import type { WorkdayOverride } from '../../../domain/working-days.js';
import type { Db } from '../../db/client.js';
import { authorize, can } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/index.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { supervisionScope } from '../supervision/index.js';
import { hearingSteps } from './revocations.hearing.js';
import { openingSteps } from './revocations.open.js';
import { revocationPolicy, type RevocationAction } from './revocations.policy.js';
import { rectificationSteps } from './revocations.rectification.js';
import { revocationRepo, type RevocationCaseRow } from './revocations.repo.js';
import { revocationTodos } from './revocations.todos.js';

/** What the revocations module needs of the annual-reports module: 七(二)4(2) evidence (overdue reports). */
export interface OverdueReportSource {
  overdueReports(year: number): Promise<{ enterpriseId: string; siteName: string; year: number; dueOn: string }[]>;
}

/** What the revocations module needs of the applications module (七(二)4: a revocation ends open applications). */
export interface OpenApplicationCloser {
  closeForRevocation(tx: Db, ctx: RequestContext, enterpriseId: string, reason: { zh: string; en: string; caseId: string }): Promise<{ id: string }[]>;
}

export interface RevocationDeps {
  db: Db;
  clock: Clock;
  files: FileService;
  enterprises: EnterpriseService;
  notifications: NotificationService;
  announcements: AnnouncementService;
  /** the working-day calendar's overrides (notices module): the default statement period */
  workdayOverrides: () => Promise<WorkdayOverride[]>;
  annualReports: OverdueReportSource;
  applications: OpenApplicationCloser;
}

/** What every use case of a case shares: the locked load, file storing and the state conflict. */
export interface CaseKernel {
  deps: RevocationDeps;
  /** One step of a case: the transaction locks it (FOR UPDATE), authorizes `action` on it, then `step` decides and writes. */
  onLocked<T>(ctx: RequestContext, id: string, action: RevocationAction, step: (tx: Db, c: RevocationCaseRow) => Promise<T>): Promise<T>;
  storeAll(tx: Db, bufs: Buffer[]): Promise<string[]>;
  conflictState(c: RevocationCaseRow): Error;
}

/**
 * 撤销公告 (规范条件 七(二)4): a provincial authority requests it for an enterprise in its jurisdiction, or MIIT
 * opens a case itself (also from a complaint); MIIT notifies the enterprise through its authority and hears its
 * statement and defence (陈述和申辩) before deciding; a revocation takes the enterprise off the announced list
 * and starts the reapply lock, which runs two years from the accepted rectification. The use cases live in
 * revocations.open.ts, revocations.hearing.ts and revocations.rectification.ts; this file holds the reads.
 */
export function createRevocationService(deps: RevocationDeps) {
  const { db, clock, files } = deps;
  const notFound = () => errors.notFound('撤销案件', 'Revocation case');

  async function load(p: Principal | null, id: string): Promise<RevocationCaseRow> {
    const c = await revocationRepo.get(db, id);
    if (!c) throw notFound();
    authorize(p, revocationPolicy, 'read', c);
    return c;
  }
  const kernel: CaseKernel = {
    deps,
    onLocked: (ctx, id, action, step) =>
      db.transaction(async (tx) => {
        const c = await revocationRepo.lockById(tx, id);
        if (!c) throw notFound();
        authorize(ctx.principal, revocationPolicy, 'read', c);
        authorize(ctx.principal, revocationPolicy, action, c);
        return step(tx, c);
      }),
    async storeAll(tx, bufs) {
      const shas: string[] = [];
      for (const b of bufs) shas.push((await files.store(b, tx)).sha256);
      return shas;
    },
    conflictState: (c) => errors.conflict('INVALID_STATE', `案件当前状态（${c.state}）不允许此操作`, `Not allowed while the case is ${c.state}`, { state: c.state }),
  };

  return {
    load,
    list: (p: Principal | null, f: { states?: string[]; enterpriseId?: string }) => revocationRepo.list(db, supervisionScope(p), f),
    page: (p: Principal | null, f: { states?: string[] }, page: Page) => revocationRepo.page(db, supervisionScope(p), f, page),
    today: () => clock.today(),
    ...openingSteps(kernel),
    ...hearingSteps(kernel),
    ...rectificationSteps(kernel),
    todos: revocationTodos(deps),

    /**
     * A file of the case: evidence for MIIT and the authority; the statement and rectification files for
     * them and the enterprise (the evidence may identify a complainant, so the enterprise does not get it).
     */
    async file(p: Principal | null, id: string, sha: string) {
      const c = await load(p, id);
      const evidence = can(p, revocationPolicy, 'read_evidence', c) ? c.evidence : [];
      const allowed = [...evidence, ...c.statementFiles, ...c.rectificationFiles];
      if (!allowed.includes(sha)) throw errors.notFound('文件', 'File');
      const f = await files.get(sha);
      if (!f) throw errors.notFound('文件', 'File');
      return f;
    },
  };
}
export type RevocationService = ReturnType<typeof createRevocationService>;
