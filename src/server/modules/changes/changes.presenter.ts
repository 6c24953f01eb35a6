import { CHANGE_FACTS, changeOverdue, type ChangeState } from '../../../domain/supervision/index.js';
import type { Principal } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/index.js';
import { fileRefs } from '../supervision/index.js';
import { changeActions } from './changes.policy.js';
import type { ChangeRow } from './changes.repo.js';

export interface ChangePresenterDeps {
  enterprises: EnterpriseService;
  files: FileService;
}
/** The experts of one change with their names (detail). */
export type ChangeExpertView = { expertId: string; name: string; organization: string; submitted: boolean; opinion: Record<string, unknown> | null };

/** Change requests out, with the enterprise's name, file metadata and the caller's actions. */
export async function presentChanges(deps: ChangePresenterDeps, p: Principal | null, rows: ChangeRow[], today: string, experts?: Map<string, ChangeExpertView[]>) {
  const names = await deps.enterprises.names([...new Set(rows.map((r) => r.enterpriseId))]);
  const ref = await fileRefs(deps.files, rows.flatMap((r) => r.attachments));
  return rows.map((c) => ({
    id: c.id,
    enterpriseId: c.enterpriseId,
    enterpriseName: names.get(c.enterpriseId) ?? '',
    authorityId: c.authorityId,
    siteId: c.siteId,
    items: c.items.map((i) => {
      const f = CHANGE_FACTS.find((x) => x.key === i.fact);
      return { fact: i.fact, factZh: f?.zh ?? i.fact, factEn: f?.en ?? i.fact, old: i.old, new: i.new };
    }),
    changeDate: c.changeDate,
    deadline: c.deadline,
    overdue: changeOverdue({ state: c.state as ChangeState, changeDate: c.changeDate }, today),
    overdueFlagged: c.overdueFlaggedAt != null,
    description: c.description,
    attachments: c.attachments.map(ref),
    state: c.state,
    checkOpinion: c.checkOpinion,
    checkedOn: c.checkedOn,
    confirmOpinion: c.confirmOpinion,
    confirmedOn: c.confirmedOn,
    publishedOn: c.publishedOn,
    ...(experts ? { experts: experts.get(c.id) ?? [] } : {}),
    createdAt: c.createdAt.toISOString(),
    actions: changeActions(p, { ...c, expertIds: experts?.get(c.id)?.map((x) => x.expertId) }),
  }));
}

/** The public list of change notices: the enterprise's name and the facts, never opinions or files. */
export async function presentPublicChanges(enterprises: EnterpriseService, rows: ChangeRow[]) {
  const names = await enterprises.names([...new Set(rows.map((r) => r.enterpriseId))]);
  return rows.map((c) => ({
    id: c.id,
    enterpriseName: names.get(c.enterpriseId) ?? '',
    items: c.items.map((i) => {
      const f = CHANGE_FACTS.find((x) => x.key === i.fact);
      return { factZh: f?.zh ?? i.fact, factEn: f?.en ?? i.fact, old: i.old, new: i.new };
    }),
    changeDate: c.changeDate,
    confirmedOn: c.confirmedOn!,
    publishedOn: c.publishedOn!,
  }));
}
