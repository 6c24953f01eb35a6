import type { z } from 'zod';
import type { ApplicationForm } from '../../../domain/announcement/form.js';
import { stepEvents, awaiting, type ApplicationState } from '../../../domain/announcement/workflow.js';
import type { Principal } from '../../platform/principal.js';
import type { AuthorityService } from '../authorities/authorities.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { ExpertService } from '../experts/experts.service.js';
import { actorKind, canEditApplication, canSubmitApplication } from './applications.policy.js';
import type { ApplicationRow, AttachmentRow } from './applications.repo.js';
import type { ExpertOpinionBody, ProvincialOpinionBody } from './applications.schema.js';
import type { ApplicationService } from './applications.service.js';
import { expertReviewBlock, submitBlock } from './blocked.js';

export interface PresenterDeps {
  authorities: AuthorityService;
  enterprises: EnterpriseService;
  experts: ExpertService;
  applications: ApplicationService;
}

/** Many summaries with two batched name lookups (not two queries per row). */
export async function presentSummaries(d: PresenterDeps, rows: ApplicationRow[]) {
  const [enterpriseNames, siteNames, missing] = await Promise.all([
    d.enterprises.names([...new Set(rows.map((a) => a.enterpriseId))]),
    d.enterprises.siteNames(rows.map((a) => ({ enterpriseId: a.enterpriseId, siteId: a.siteId }))),
    d.applications.missingCounts(rows),
  ]);
  return Promise.all(
    rows.map(async (a) => ({
      ...(await summary(d, a, enterpriseNames.get(a.enterpriseId) ?? '', siteNames.get(`${a.enterpriseId}/${a.siteId}`) ?? '')),
      missingCount: missing.get(a.id) ?? null,
    })),
  );
}

export async function presentSummary(d: PresenterDeps, a: ApplicationRow) {
  return (await presentSummaries(d, [a]))[0]!;
}

async function summary(d: PresenterDeps, a: ApplicationRow, enterpriseName: string, siteName: string) {
  const authority = await d.authorities.get(a.authorityId);
  return {
    id: a.id,
    enterpriseId: a.enterpriseId,
    enterpriseName,
    siteId: a.siteId,
    siteName,
    authority: { id: a.authorityId, name: authority?.name ?? a.authorityId },
    state: a.state as ApplicationState,
    version: a.version,
    fields: (a.form as ApplicationForm).fields ?? [],
    submittedAt: a.submittedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
    awaiting: awaiting(a.state as ApplicationState),
  };
}

export function presentAttachment(a: AttachmentRow & { mime: string; size: number }) {
  return {
    id: a.id,
    slot: a.slot,
    filename: a.filename,
    sha256: a.fileSha256,
    mime: a.mime,
    size: a.size,
    revision: a.revision,
    replacesId: a.replacesId,
    formVersion: a.formVersion,
    uploadedAt: a.uploadedAt.toISOString(),
    supersededAt: a.supersededAt?.toISOString() ?? null,
  };
}

/** The detail view; experts see only their own opinion, everyone else (who may see the case) sees all. */
export async function presentDetail(d: PresenterDeps, p: Principal | null, x: Awaited<ReturnType<ApplicationService['detail']>>) {
  const a = x.app;
  const kind = actorKind(p);
  const experts = await Promise.all(
    x.assignments
      .filter((s) => kind !== 'expert' || (p?.kind === 'user' && s.expertId === p.expertId))
      .filter(() => kind !== 'enterprise') // who reviews is not shown to the applicant
      .map(async (s) => {
        const e = await d.experts.get(s.expertId);
        return { expertId: s.expertId, name: e?.name ?? '', organization: e?.organization ?? '', submitted: Boolean(s.submittedAt), opinion: (s.opinion as z.infer<typeof ExpertOpinionBody> | null) ?? null };
      }),
  );
  // on-site photos are stored by content hash; the API speaks attachment ids
  const photoIdBySha = new Map(x.attachments.filter((t) => t.slot === 'onsite_photo').map((t) => [t.fileSha256, t.id]));
  const state = a.state as ApplicationState;
  const actions: string[] = kind ? stepEvents(state, kind) : [];
  const mayEdit = canEditApplication(p, a) && (state === 'draft' || state === 'returned');
  const allowed = actions.filter((ev) => (ev === 'submit' || ev === 'withdraw' ? canSubmitApplication(p, a) : true));
  return {
    ...(await presentSummary(d, a)),
    form: x.form as Record<string, unknown>,
    derived: x.derived as unknown as Record<string, unknown>,
    check: x.check,
    missing: x.missing,
    attachments: (await d.applications.attachmentMeta(x.attachments)).map(presentAttachment),
    provincialOpinion: (a.provincialOpinion as z.infer<typeof ProvincialOpinionBody> | null) ?? null,
    outcomeReason: a.outcomeReason,
    events: x.events.map((e) => ({ event: e.event, fromState: e.fromState, toState: e.toState, actorRole: e.actorRole, note: e.note, at: e.at.toISOString() })),
    versions: x.versions.map((v) => ({ version: v.version, submittedAt: v.submittedAt.toISOString() })),
    experts,
    onsiteChecks: kind === 'enterprise' ? [] : x.onsite.map((o) => ({ id: o.id, team: o.team, date: o.checkDate, findings: o.findings as Record<string, string>, photoIds: o.photos.map((sha) => photoIdBySha.get(sha) ?? sha), conclusion: o.conclusion, recordedAt: o.recordedAt.toISOString() })),
    actions: [...(mayEdit ? ['edit'] : []), ...allowed] as never[],
    // why an offered step cannot be taken yet (issue 16 item 12): the button says so instead of failing
    blocked: [
      allowed.includes('complete_expert_review') ? expertReviewBlock(x.assignments) : null,
      allowed.includes('submit') ? submitBlock(x.missing.length) : null,
    ].filter((b) => b !== null),
  };
}
