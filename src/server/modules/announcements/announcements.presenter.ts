import { findProvince } from '../../../domain/regions.js';
import type { AnnouncementEntryRow, AnnouncementRow } from './announcements.repo.js';
import type { AnnouncementService } from './announcements.service.js';

const regionNameOf = (provinceCode: string) => findProvince(provinceCode)?.name ?? provinceCode;

export const presentEntry = (e: AnnouncementEntryRow) => ({
  seq: e.seq,
  regionCode: e.provinceCode,
  regionName: regionNameOf(e.provinceCode),
  enterpriseName: e.enterpriseName,
  creditCode: e.creditCode,
  siteName: e.siteName,
  fields: e.fields,
  status: e.status,
  revokedOn: e.revokedOn ?? null,
  history: e.history ?? [],
});

export const presentBatch = (b: AnnouncementRow, entries: AnnouncementEntryRow[]) => ({
  id: b.id, batchNo: b.batchNo, docNumber: b.docNumber, announcedOn: b.announcedOn, title: b.title, entries: entries.map(presentEntry),
});

/** A page of batches, each with its entry count and its first page of entries. */
export function presentBatchPage(page: Awaited<ReturnType<AnnouncementService['batchPage']>>, entries: AnnouncementEntryRow[]) {
  return page.rows.map(({ batch, entryCount }) => ({ ...presentBatch(batch, entries.filter((e) => e.batchId === batch.id)), entryCount }));
}

/** A row of the announced list: the entry as published, with its batch. */
export const presentAnnounced = ({ entry, batch }: Awaited<ReturnType<AnnouncementService['search']>>['rows'][number]) => ({
  enterpriseName: entry.enterpriseName,
  creditCode: entry.creditCode,
  regionCode: entry.provinceCode,
  regionName: regionNameOf(entry.provinceCode),
  siteName: entry.siteName,
  fields: entry.fields,
  batch: { batchNo: batch.batchNo, docNumber: batch.docNumber, announcedOn: batch.announcedOn },
  history: entry.history ?? [],
});
