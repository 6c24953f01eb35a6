import { groundLabel, reapplyFromAfterAcceptance } from '../../../domain/supervision/index.js';
import { can } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/index.js';
import { fileRefs } from '../supervision/index.js';
import { caseActions, revocationPolicy } from './revocations.policy.js';
import type { RevocationCaseRow } from './revocations.repo.js';

export interface RevocationPresenterDeps {
  enterprises: EnterpriseService;
  files: FileService;
}

/** Revocation cases out: the enterprise never sees the evidence list (it may identify a complainant). */
export async function presentCases(deps: RevocationPresenterDeps, p: Principal | null, rows: RevocationCaseRow[], today: string) {
  const names = await deps.enterprises.names([...new Set(rows.map((r) => r.enterpriseId))]);
  const ref = await fileRefs(deps.files, rows.flatMap((r) => [...r.evidence, ...r.statementFiles, ...r.rectificationFiles]));
  return rows.map((c) => {
    const evidenceVisible = can(p, revocationPolicy, 'read_evidence', c);
    return {
      id: c.id,
      enterpriseId: c.enterpriseId,
      enterpriseName: names.get(c.enterpriseId) ?? '',
      authorityId: c.authorityId,
      origin: c.origin as 'provincial_request' | 'ministry' | 'complaint',
      complaintId: evidenceVisible ? c.complaintId : null,
      grounds: c.grounds.map((g) => ({ key: g, ...groundLabel(g) })),
      facts: c.facts,
      evidence: evidenceVisible ? c.evidence.map(ref) : [],
      state: c.state,
      noticeText: c.noticeText,
      noticeSentOn: c.noticeSentOn,
      relayedOn: c.relayedOn,
      statementWorkingDays: c.statementWorkingDays,
      notifiedOn: c.notifiedOn,
      statementDue: c.statementDue,
      statement: c.statement,
      statementFiles: c.statementFiles.map(ref),
      statementOn: c.statementOn,
      hearingSummary: c.hearingSummary,
      decisionReason: c.decisionReason,
      decidedOn: c.decidedOn,
      rectificationState: c.rectificationState,
      rectificationText: c.rectificationText,
      rectificationFiles: c.rectificationFiles.map(ref),
      rectificationOpinion: c.rectificationOpinion,
      rectificationAcceptedOn: c.rectificationAcceptedOn,
      reapplyFrom: c.rectificationAcceptedOn ? reapplyFromAfterAcceptance(c.rectificationAcceptedOn) : null,
      createdAt: c.createdAt.toISOString(),
      actions: caseActions(p, c, today),
    };
  });
}

/** A page of cases in the API's paging shape. */
export async function presentCasePage(deps: RevocationPresenterDeps, p: Principal | null, page: { rows: RevocationCaseRow[]; total: number }, q: { page: number; pageSize: number }, today: string) {
  return { items: await presentCases(deps, p, page.rows, today), total: page.total, page: q.page, pageSize: q.pageSize };
}
