import type { ApplicationForm } from '../../../domain/announcement/form.js';
import { regionName } from '../../../domain/regions.js';
import { offsetOf } from '../../platform/paging.js';
import type { ApplicationService } from '../applications/applications.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { NoticeEntryRow, NoticeRow, ObjectionRow } from './notices.repo.js';
import type { NoticeService } from './notices.service.js';

export interface NoticePresenterDeps {
  notices: NoticeService;
  applications: ApplicationService;
  enterprises: EnterpriseService;
}

type EntryRef = Pick<NoticeEntryRow, 'id' | 'seq' | 'status' | 'applicationId' | 'enterpriseId'>;
interface EntryWindow { id: string; seq: number; status: string; application_id: string; enterprise_id: string }
const refOf = (w: EntryWindow): EntryRef => ({ id: w.id, seq: w.seq, status: w.status, applicationId: w.application_id, enterpriseId: w.enterprise_id });

/** A page of entries with enterprise, site and form facts: three batched queries, none per entry. */
export async function presentEntries(deps: NoticePresenterDeps, rows: EntryRef[]) {
  const [ents, apps] = await Promise.all([deps.enterprises.cards(rows.map((e) => e.enterpriseId)), deps.applications.loadManyInternal(rows.map((e) => e.applicationId))]);
  const siteNames = await deps.enterprises.siteNames([...apps.values()].map((a) => ({ enterpriseId: a.enterpriseId, siteId: a.siteId })));
  return rows.map((e) => {
    const ent = ents.get(e.enterpriseId);
    const row = apps.get(e.applicationId);
    return {
      id: e.id,
      seq: e.seq,
      status: e.status,
      applicationId: e.applicationId,
      enterpriseName: ent?.name ?? '',
      creditCode: ent?.creditCode ?? '',
      regionCode: ent?.regionCode ?? '',
      regionName: ent ? regionName(ent.regionCode) : '',
      siteName: row ? (siteNames.get(`${row.enterpriseId}/${row.siteId}`) ?? '') : '',
      fields: ((row?.form as ApplicationForm | undefined)?.fields ?? []) as string[],
    };
  });
}

export const presentBatch = (b: NoticeRow) => ({ id: b.id, title: b.title, startDate: b.startDate, endDate: b.endDate, workingDays: b.workingDays, status: b.status });

/** One notice with all its entries (a notice holds at most 500: the create route's limit). */
export async function presentNotice(deps: NoticePresenterDeps, b: NoticeRow) {
  return { ...presentBatch(b), entries: await presentEntries(deps, await deps.notices.entries([b.id])) };
}

/** A page of notices, each with its entry count and the first `entriesPageSize` entries (one query for all of them). */
export async function presentNoticePage(deps: NoticePresenterDeps, query: { page: number; pageSize: number; entriesPageSize: number }, openToday: boolean) {
  const { rows, total } = await deps.notices.page(query, openToday);
  const windows = await deps.notices.entryWindows(rows.map((r) => r.batch.id), 1, query.entriesPageSize, openToday);
  const entries = await presentEntries(deps, windows.map(refOf));
  return { rows: rows.map(({ batch, entryCount }) => ({ ...presentBatch(batch), entryCount, entries: entries.filter((_, i) => windows[i]!.batch_id === batch.id) })), total };
}

/** Entries of one notice, paged. */
export async function presentEntryPage(deps: NoticePresenterDeps, batchId: string, query: { page: number; pageSize: number }, listedOnly: boolean) {
  const from = offsetOf(query) + 1;
  const windows = await deps.notices.entryWindows([batchId], from, from + query.pageSize - 1, listedOnly);
  const total = windows[0]?.total ?? (from > 1 ? (await deps.notices.entryWindows([batchId], 1, 1, listedOnly))[0]?.total ?? 0 : 0);
  const items = await presentEntries(deps, windows.map(refOf));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export const presentObjection = (o: ObjectionRow) => ({
  id: o.id, entryId: o.entryId, name: o.name, contact: o.contact, reason: o.reason, evidenceCount: o.evidence.length,
  filedAt: o.filedAt.toISOString(), status: o.status, resolution: o.resolution, trackingCode: o.trackingCode,
});

/** A notice with its objections and why it cannot be closed yet. */
export async function presentNoticeDetail(deps: NoticePresenterDeps, b: NoticeRow, objections: ObjectionRow[]) {
  return { ...(await presentNotice(deps, b)), objections: objections.map(presentObjection), closeBlocked: deps.notices.closeBlocked(b, objections.filter((o) => o.status === 'pending').length) };
}

/** What the holder of a tracking code sees: the notice, the enterprise and site objected to, the handling — never the objector. */
export async function presentObjectionTrack(deps: NoticePresenterDeps, t: Awaited<ReturnType<NoticeService['trackObjection']>>) {
  const { objection: o, batch, entry } = t;
  const [shown] = entry ? await presentEntries(deps, [{ id: entry.id, seq: entry.seq, status: entry.status, applicationId: entry.applicationId, enterpriseId: entry.enterpriseId }]) : [];
  return {
    trackingCode: o.trackingCode,
    notice: { id: batch.id, title: batch.title, startDate: batch.startDate, endDate: batch.endDate, status: batch.status },
    enterpriseName: shown?.enterpriseName ?? '',
    siteName: shown?.siteName ?? '',
    filedAt: o.filedAt.toISOString(),
    status: o.status as 'pending' | 'upheld' | 'dismissed',
    resolution: o.resolution,
    resolvedAt: o.resolvedAt?.toISOString() ?? null,
  };
}
