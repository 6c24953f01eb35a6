import { randomUUID } from 'node:crypto';
import type { ApplicationForm } from '../../../domain/announcement/form.js';
import { nextDocNumber } from '../../../domain/publication/doc-number.js';
import { provinceOf } from '../../../domain/regions.js';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Page } from '../../platform/paging.js';
import type { PublicCache } from '../../platform/public-cache.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { authorize } from '../../platform/authorize.js';
import type { ApplicationService } from '../applications/applications.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { announcementPolicy } from './announcements.policy.js';
import { announcementRepo, type AnnouncementEntryRow, type AnnouncementRow } from './announcements.repo.js';

const docNumberTaken = (docNumber: string, batchNo?: number) =>
  errors.conflict('ANNOUNCEMENT_EXISTS', `公告文号或批次已存在：${docNumber}`, `An announcement with this document or batch number exists: ${docNumber}`, { docNumber, batchNo: batchNo ?? null });

/** 第N批 in Chinese numerals for titles (1–99). */
export function batchOrdinal(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}

/** One announced site (the earliest active entry of it). */
export interface AnnouncedSite {
  enterpriseId: string;
  siteId: string;
  provinceCode: string;
  enterpriseName: string;
  siteName: string;
  fields: string[];
  announcedOn: string;
}

/**
 * The announced list as other capabilities read it (traceability's "announced" mark, annual reports 七(二)1,
 * statistics); it needs nothing but the database, so it is built before the modules the announcements
 * service depends on (app.ts: applications read traceability, which reads this list).
 */
export function createAnnouncedList({ db }: { db: Db }) {
  return {
    /** Which sites are on the announced list and since when (one row per site: the earliest active entry). */
    async announcedSites(): Promise<AnnouncedSite[]> {
      const seen = new Map<string, AnnouncedSite>();
      for (const r of await announcementRepo.activeSites(db)) {
        const k = `${r.enterpriseId}/${r.siteId}`;
        if (!seen.has(k)) seen.set(k, r);
      }
      return [...seen.values()];
    },
  };
}
export type AnnouncedList = ReturnType<typeof createAnnouncedList>;

/**
 * 公告 batches (规范条件 七(一)1、5): MIIT announces, in numbered batches, the enterprises whose 公示 passed.
 * Each entry is a snapshot as published: 序号, 地区, 企业名称, 厂区, 再制造产品类型.
 */
/** At most this many rows in a filtered .xlsx of the announced list. */
const EXPORT_MAX = 100_000;

export function createAnnouncementService(deps: { db: Db; clock: Clock; applications: ApplicationService; enterprises: EnterpriseService; publicCache: PublicCache }) {
  const { db, clock, applications, enterprises, publicCache } = deps;
  const list = createAnnouncedList({ db });

  return {
    async publish(ctx: RequestContext, input: { applicationIds: string[]; announcedOn?: string; docNumber?: string; title?: string }) {
      authorize(ctx.principal, announcementPolicy, 'publish', {});
      const announcedOn = input.announcedOn ?? clock.today();
      const year = Number(announcedOn.slice(0, 4));
      const ids = [...new Set(input.applicationIds)];
      const apps = await Promise.all(ids.map((id) => applications.load(ctx.principal, id)));
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      // read before the transaction (one connection on the embedded database)
      const refs = await Promise.all(
        apps.map(async (a) => ({ e: (await enterprises.getInternal(a.enterpriseId))!, site: (await enterprises.getSiteInternal(a.enterpriseId, a.siteId))! })),
      );
      return db.transaction(async (tx) => {
        // the cases first (id order): of two publications of the same cases the second waits here and its
        // transitions below are refused (409); then the numbering, held until commit
        await applications.lockAll(tx, ids);
        await announcementRepo.lockNumbering(tx);
        const batchNo = await announcementRepo.nextBatchNo(tx);
        const docNumber = input.docNumber ?? nextDocNumber(year, await announcementRepo.docNumbersOfYear(tx, year));
        const title = input.title ?? `符合《机电产品再制造行业规范条件》企业名单（第${batchOrdinal(batchNo)}批）`;
        const batch = await announcementRepo.insertBatch(tx, { id: randomUUID(), batchNo, docNumber, announcedOn, title, createdBy: p.userId });
        if (!batch) throw docNumberTaken(docNumber);
        let seq = 0;
        const entries = [];
        for (const a of apps) {
          await applications.transition(tx, ctx, a, 'announce', {
            patch: { decidedAt: clock.now() },
            note: { batchNo, docNumber },
            notify: [{ orgId: a.enterpriseId, kind: 'announcement.published', title: `您的企业已列入${docNumber}`, titleEn: `Your enterprise is announced (${docNumber})`, link: `/applications/${a.id}` }],
          });
          const { e, site } = refs[seq]!;
          entries.push({
            batchId: batch.id,
            seq: ++seq,
            enterpriseId: e.id,
            applicationId: a.id,
            siteId: site.id,
            provinceCode: provinceOf(e.regionCode),
            enterpriseName: e.name,
            creditCode: e.creditCode,
            siteName: site.name,
            fields: (a.form as ApplicationForm).fields ?? [],
          });
        }
        await announcementRepo.insertEntries(tx, entries);
        await recordAudit(tx, ctx, { action: 'announcement.published', objectType: 'announcement', objectId: batch.id, change: { batchNo, docNumber, announcedOn, applicationIds: ids } });
        return batch;
      }).then(publicCache.after('announcements', 'announced', 'statistics'));
    },

    /** The enterprise's entries on the current list (七(二): dynamic management applies to announced enterprises). */
    activeEntriesOf: (enterpriseId: string) => announcementRepo.activeOf(db, enterpriseId),

    /**
     * 七(二)4: a revocation takes the enterprise off the public list; the published batches keep the entry,
     * marked revoked with the day. Runs inside the revocations module's transaction.
     */
    markRevoked: (tx: Db, enterpriseId: string, revokedOn: string) => announcementRepo.markRevoked(tx, enterpriseId, revokedOn),

    /**
     * 七(二)3: after MIIT confirms a change, the list shows the new name / site name; every changed fact is
     * kept in the entry's history (old → new, dated). `siteId` null: every active entry of the enterprise.
     */
    async applyChange(tx: Db, input: { enterpriseId: string; siteId: string | null; on: string; items: { fact: string; old: string; new: string }[] }) {
      const entries = (await announcementRepo.activeOf(tx, input.enterpriseId)).filter((e) => input.siteId == null || e.siteId === input.siteId);
      for (const e of entries) {
        const patch: { enterpriseName?: string; siteName?: string } = {};
        for (const it of input.items) {
          if (it.fact === 'enterpriseName') patch.enterpriseName = it.new;
          if (it.fact === 'siteName' && input.siteId != null) patch.siteName = it.new;
        }
        await announcementRepo.applyChange(tx, e, patch, input.items.map((it) => ({ on: input.on, ...it })));
      }
      return entries.length;
    },

    /** For the modules writing entries in their transaction (revocations, changes): `tx.then(afterListChange)`. */
    afterListChange: publicCache.after('announcements', 'announced', 'statistics'),
    batches: () => announcementRepo.batches(db),
    batchPage: (p: Page) => announcementRepo.batchPage(db, p),
    entryFirstPages: (batchIds: string[], pageSize: number) => announcementRepo.entryFirstPages(db, batchIds, pageSize),
    entryPage: (batchId: string, p: Page) => announcementRepo.entryPage(db, batchId, p),
    batch: (id: string) => announcementRepo.batch(db, id),
    /** A published batch, or 404. */
    async load(id: string) {
      const b = await announcementRepo.batch(db, id);
      if (!b) throw errors.notFound('公告', 'Announcement');
      return b;
    },
    /**
     * What the announced list's .xlsx holds: without filters every batch with its active entries; with filters the
     * rows the list shows for them (issue 16 item 11), grouped by their batch.
     */
    async exportGroups(f: { q?: string; region?: string; field?: string }): Promise<{ batch: AnnouncementRow; entries: AnnouncementEntryRow[] }[]> {
      if (!(f.q || f.region || f.field)) {
        const [batches, entries] = await Promise.all([announcementRepo.batches(db), announcementRepo.allEntries(db)]);
        return batches.map((batch) => ({ batch, entries: entries.filter((e) => e.batchId === batch.id && e.status === 'active') }));
      }
      const { rows } = await announcementRepo.search(db, { q: f.q, regionPrefix: f.region?.slice(0, 2), field: f.field }, 1, EXPORT_MAX);
      const groups = new Map<string, { batch: AnnouncementRow; entries: AnnouncementEntryRow[] }>();
      for (const r of rows) {
        const g = groups.get(r.batch.id) ?? { batch: r.batch, entries: [] };
        g.entries.push(r.entry);
        groups.set(r.batch.id, g);
      }
      return [...groups.values()];
    },
    entriesOf: (id: string) => announcementRepo.entriesOf(db, id),
    allEntries: () => announcementRepo.allEntries(db),
    search: (f: { q?: string; regionPrefix?: string; field?: string }, page: number, pageSize: number) => announcementRepo.search(db, f, page, pageSize),
    /** Announced enterprises and sites counted in SQL (total, by province, by field); `within`: a subquery of enterprise ids. */
    announcedCounts: (within?: SQL, detail = true) => announcementRepo.announcedCounts(db, within, detail),
    /** The announced sites as a derived table (enterprise_id, site_id, province_code, fields) for other modules' aggregates. */
    announcedSitesTable: announcementRepo.announcedSitesTable,

    announcedSites: list.announcedSites,

    /** Demo data: a published batch without going through the workflow (historic batches are imported). */
    async importHistoric(ctx: RequestContext, input: { batchNo?: number; docNumber: string; announcedOn: string; title: string; entries: { enterpriseId: string; siteId: string; fields: string[] }[] }) {
      const refs = await Promise.all(
        input.entries.map(async (x) => ({ x, e: (await enterprises.getInternal(x.enterpriseId))!, site: (await enterprises.getSiteInternal(x.enterpriseId, x.siteId))! })),
      );
      return db.transaction(async (tx) => {
        await announcementRepo.lockNumbering(tx);
        const batchNo = input.batchNo ?? (await announcementRepo.nextBatchNo(tx));
        const p = ctx.principal;
        const batch = await announcementRepo.insertBatch(tx, { id: randomUUID(), batchNo, docNumber: input.docNumber, announcedOn: input.announcedOn, title: input.title, createdBy: p?.kind === 'user' ? p.userId : null });
        if (!batch) throw docNumberTaken(input.docNumber, batchNo);
        let seq = 0;
        const rows = [];
        for (const { x, e, site } of refs) {
          rows.push({ batchId: batch.id, seq: ++seq, enterpriseId: e.id, applicationId: null, siteId: site.id, provinceCode: provinceOf(e.regionCode), enterpriseName: e.name, creditCode: e.creditCode, siteName: site.name, fields: x.fields });
        }
        await announcementRepo.insertEntries(tx, rows);
        await recordAudit(tx, ctx, { action: 'announcement.imported', objectType: 'announcement', objectId: batch.id, change: input });
        return batch;
      }).then(publicCache.after('announcements', 'announced', 'statistics'));
    },
  };
}
export type AnnouncementService = ReturnType<typeof createAnnouncementService>;
