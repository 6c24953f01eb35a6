import { canFileRectification, decisionBlocker, groundLabel, reapplyFromAfterAcceptance, statementBlocker } from '../../../domain/supervision/index.js';
import type { Principal } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/files.service.js';
import type { RevocationCaseRow } from './revocations.repo.js';
import { isAuthorityOf, isEnterpriseAdminOf, isMinistry, supervisionScope } from './supervision.policy.js';

export interface RevocationPresenterDeps {
  enterprises: EnterpriseService;
  files: FileService;
}

function actions(p: Principal | null, c: RevocationCaseRow, today: string): string[] {
  const out: string[] = [];
  if (isMinistry(p)) {
    if (c.state === 'opened') out.push('notify');
    if (!decisionBlocker(c, today)) out.push('decide');
  }
  if ((isMinistry(p) || isAuthorityOf(p, c.authorityId)) && ['opened', 'notified', 'statement_received'].includes(c.state)) out.push('evidence');
  if (isEnterpriseAdminOf(p, c.enterpriseId)) {
    if (!statementBlocker(c, today)) out.push('statement');
    if (canFileRectification(c.state, c.rectificationState)) out.push('rectification');
  }
  if (isAuthorityOf(p, c.authorityId) && c.state === 'revoked' && c.rectificationState === 'submitted') out.push('review_rectification');
  return out;
}

/** Revocation cases out: the enterprise never sees the evidence list (it may identify a complainant). */
export async function presentCases(deps: RevocationPresenterDeps, p: Principal | null, rows: RevocationCaseRow[], today: string) {
  const names = await deps.enterprises.names([...new Set(rows.map((r) => r.enterpriseId))]);
  const shas = [...new Set(rows.flatMap((r) => [...r.evidence, ...r.statementFiles, ...r.rectificationFiles]))];
  const meta = new Map((shas.length ? await deps.files.meta(shas) : []).map((m) => [m.sha256, m]));
  const ref = (s: string) => ({ sha256: s, mime: meta.get(s)?.mime ?? 'application/octet-stream', size: Number(meta.get(s)?.size ?? 0) });
  const enterpriseSide = supervisionScope(p).kind === 'enterprise';
  return rows.map((c) => ({
    id: c.id,
    enterpriseId: c.enterpriseId,
    enterpriseName: names.get(c.enterpriseId) ?? '',
    authorityId: c.authorityId,
    origin: c.origin as 'provincial_request' | 'ministry' | 'complaint',
    complaintId: enterpriseSide ? null : c.complaintId,
    grounds: c.grounds.map((g) => ({ key: g, ...groundLabel(g) })),
    facts: c.facts,
    evidence: enterpriseSide ? [] : c.evidence.map(ref),
    state: c.state,
    noticeText: c.noticeText,
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
    actions: actions(p, c, today),
  }));
}
