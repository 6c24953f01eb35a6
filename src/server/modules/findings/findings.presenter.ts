import { groundLabel } from '../../../domain/supervision/index.js';
import type { Principal } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { findingActions } from './findings.policy.js';
import type { FindingRow } from './findings.repo.js';

/** Findings out, with the enterprise's name, the ground they point to and the caller's actions. */
export async function presentFindings(enterprises: EnterpriseService, p: Principal | null, rows: FindingRow[]) {
  const names = await enterprises.names([...new Set(rows.map((r) => r.enterpriseId))]);
  return rows.map((f) => {
    const g = groundLabel(f.ground);
    return {
      id: f.id,
      enterpriseId: f.enterpriseId,
      enterpriseName: names.get(f.enterpriseId) ?? '',
      authorityId: f.authorityId,
      kind: f.kind,
      clause: f.clause,
      ground: f.ground,
      groundClause: g.clause,
      groundZh: g.zh,
      summary: f.summary,
      summaryEn: f.summaryEn,
      subjectType: f.subjectType,
      subjectId: f.subjectId,
      details: f.details,
      state: f.state as 'open' | 'dismissed',
      raisedAt: f.raisedAt.toISOString(),
      dismissedReason: f.dismissedReason,
      dismissedAt: f.dismissedAt?.toISOString() ?? null,
      actions: findingActions(p, f),
    };
  });
}
