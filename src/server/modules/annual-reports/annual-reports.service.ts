import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  EDITABLE_REPORT_STATES,
  SUBMITTED_REPORT_STATES,
  currentReportYear,
  formTableIssues,
  partValueIssues,
  aggregateReports,
  siteAuthorityId,
  reportTotals,
  isLate,
  isOpen,
  isOverdue,
  isOwed,
  missingItems,
  nextReportState,
  reminderDue,
  reportStateLabel,
  reportWindow,
  type AnnualReportForm,
  type SitePart,
  type ReportEvent,
  type ReportFigures,
  type ReportState,
  type Table23,
} from '../../../domain/annual-report/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { PublicCache } from '../../platform/public-cache.js';
import { DomainError, errors } from '../../platform/errors.js';
import { shanghaiMinute } from '../../../domain/calendar-date.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { Queue } from '../../platform/queue/queue.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { NotificationInput, NotificationService } from '../notifications/notifications.service.js';
import { dataRowCount, loadWorkbook, MAX_IMPORT_ROWS, parseTable23, type CellError } from './annual-report-xlsx.js';
import { annualReportPolicy, authorizedForwarder, authorizedReportFiler, canReviewReport, canViewReport, inReportScope, reportScope } from './annual-reports.policy.js';
import { authorize } from '../../platform/authorize.js';
import { ministryReviewStep } from './annual-reports.ministry.js';
import { annualReportRepo, type AnnualReportRow, type ImportRow } from './annual-reports.repo.js';
import { prefillTable23 } from './trace-prefill.js';
import { reportFactsOf } from './annual-reports.statistics.js';

/** The traceability seam: see trace-prefill.ts (the trace service's annualTable23). */
import type { Table23Source } from './trace-prefill.js';
export type { Table23Source };

export interface AnnualReportDeps {
  db: Db;
  clock: Clock;
  announcements: AnnouncementService;
  enterprises: EnterpriseService;
  notifications: NotificationService;
  publicCache: PublicCache;
  /** 表2-3 prefill from the traceability records */
  trace: Table23Source;
  /** The durable job queue (large 表2-3 uploads run as its jobs). */
  jobs?: Queue;
  /** cap on an uploaded workbook's uncompressed size (default: the spreadsheet reader's) */
  maxUncompressedBytes?: number;
}

/** The queue task of a large 表2-3 upload (platform/queue). */
export const IMPORT_TASK = 'annual-report.import';
interface ImportPayload {
  reportId: string;
  siteId: string;
  enterpriseId: string;
  importId: string;
  total: number;
  ctx: RequestContext;
}

/** One announced site owing its part of the enterprise's report: its province's authority reads that part. */
export interface OwedSite {
  siteId: string;
  siteName: string;
  provinceCode: string;
  /** the authority of the site's region (reads the site's part; 七(二)1 本地区公告企业) */
  authorityId: string;
  announcedOn: string;
  fields: string[];
}

/**
 * The report an enterprise owes for a year (七(二)1: one 年度报告 per 公告企业), with one part per announced site
 * (附2 表2-3, 七(一)3), and its report row when one was started. `siteId`/`siteName`: the first site / all names.
 */
export interface OwedReport {
  enterpriseId: string;
  enterpriseName: string;
  siteId: string;
  siteName: string;
  sites: OwedSite[];
  provinceCode: string;
  /** the reviewing authority: the enterprise's registered one (enterprises.authority_id) */
  authorityId: string;
  /** every authority that sees the report: the reviewer and the authorities of the sites' regions */
  readerAuthorityIds: string[];
  fields: string[];
  announcedOn: string;
  year: number;
  report: AnnualReportRow | null;
  /** 'not_started' when no report row exists yet */
  state: ReportState | 'not_started';
  open: boolean;
  overdue: boolean;
  late: boolean;
  dueOn: string;
}

export const notFoundReport = () => errors.notFound('年度报告', 'Annual report');

/** Imports above this many data rows run in the background with progress; smaller ones answer at once. */
export const SYNC_IMPORT_MAX_ROWS = 200;

/**
 * 年度报告 (规范条件 七(二)1, 附件2): who owes which report, drafts, submission, the provincial review
 * (审核意见 or return), forwarding to MIIT with the 汇总, the overdue list, reminders and the 表2-3 import.
 */
export function createAnnualReportService(deps: AnnualReportDeps) {
  const { db, clock, announcements, enterprises, notifications, publicCache, jobs } = deps;
  const reportFacts = reportFactsOf({ db, announcements, enterprises });


  /**
   * Every enterprise that owes the report of `year` (a site announced before 1 January of year+1), with its owed
   * sites (the report's parts) and its report. Reviewed by the enterprise's registered authority (七(二)1 报送省级
   * 主管部门: one report, one reviewer); the authority of each site's region reads the report (its part).
   */
  async function owed(year: number): Promise<OwedReport[]> {
    const announced = (await announcements.announcedSites()).filter((s) => isOwed(s.announcedOn, year));
    const byEnterprise = new Map<string, typeof announced>();
    for (const s of announced) byEnterprise.set(s.enterpriseId, [...(byEnterprise.get(s.enterpriseId) ?? []), s]);
    const entIds = [...byEnterprise.keys()];
    const [jurisdictions, registers] = await Promise.all([
      enterprises.jurisdictions(entIds),
      Promise.all(entIds.map(async (id) => [id, new Map((await enterprises.sitesInternal(id)).map((x) => [x.id, x.regionCode]))] as const)).then((l) => new Map(l)),
    ]);
    const rows = await annualReportRepo.list(db, { kind: 'ministry' }, { year });
    const byKey = new Map(rows.map((r) => [r.enterpriseId, r]));
    const today = clock.today();
    return entIds.map((enterpriseId) => {
      const list = byEnterprise.get(enterpriseId)!;
      const report = byKey.get(enterpriseId) ?? null;
      const submitted = !!report && SUBMITTED_REPORT_STATES.includes(report.state as ReportState);
      const authorityId = report?.authorityId ?? jurisdictions.get(enterpriseId)?.authorityId ?? '';
      const siteAuthority = (siteId: string, provinceCode: string) => siteAuthorityId(registers.get(enterpriseId)?.get(siteId) ?? provinceCode, authorityId);
      const sites: OwedSite[] = list.map((s) => ({ siteId: s.siteId, siteName: s.siteName, provinceCode: s.provinceCode, authorityId: siteAuthority(s.siteId, s.provinceCode), announcedOn: s.announcedOn, fields: s.fields }));
      return {
        enterpriseId,
        enterpriseName: list[0]!.enterpriseName,
        siteId: sites[0]!.siteId,
        siteName: sites.map((x) => x.siteName).join('、'),
        sites,
        provinceCode: list[0]!.provinceCode,
        fields: [...new Set(list.flatMap((x) => x.fields))],
        announcedOn: list.map((x) => x.announcedOn).sort()[0]!,
        authorityId,
        readerAuthorityIds: [...new Set([authorityId, ...sites.map((x) => x.authorityId)])],
        year,
        report,
        state: (report?.state as ReportState | undefined) ?? 'not_started',
        open: isOpen(year, today),
        overdue: isOverdue(year, today, submitted),
        late: report?.late ?? false,
        dueOn: reportWindow(year).dueOn,
      };
    });
  }

  /** The authorities that read a report: its reviewer and its sites' authorities (from the owed list of its year). */
  async function readersOf(r: AnnualReportRow): Promise<string[]> {
    const o = (await owed(r.year)).find((x) => x.enterpriseId === r.enterpriseId);
    return o?.readerAuthorityIds ?? [r.authorityId];
  }

  async function load(p: Principal | null, id: string): Promise<AnnualReportRow> {
    const r = await annualReportRepo.get(db, id);
    if (!r || r.mergedInto || !canViewReport(p, { ...r, readerAuthorityIds: p?.kind === 'user' && p.authorityId && p.authorityId !== r.authorityId ? await readersOf(r) : [r.authorityId] })) throw notFoundReport();
    return r;
  }

  /** Inside a write's transaction: the report locked FOR UPDATE, then the caller's right to see it (404 otherwise). */
  async function lockVisible(tx: Db, p: Principal | null, id: string): Promise<AnnualReportRow> {
    const r = await annualReportRepo.lockById(tx, id);
    if (!r || !canViewReport(p, r)) throw notFoundReport();
    return r;
  }

  /** A provincial review step: decided on the locked report, by its reviewing authority (others: 404). */
  const onLocked = <T>(ctx: RequestContext, id: string, step: (tx: Db, r: AnnualReportRow) => Promise<T>) =>
    db.transaction(async (tx) => {
      const r = await lockVisible(tx, ctx.principal, id);
      if (!canReviewReport(ctx.principal, r)) throw notFoundReport();
      return step(tx, r);
    });

  const frozen = (r: AnnualReportRow) =>
    errors.conflict('REPORT_FROZEN', `年度报告已提交（${reportStateLabel(r.state).zh}），不能修改`, `The report is frozen (${reportStateLabel(r.state).en})`, { state: r.state });

  /**
   * The form as stored: its `sites` are exactly the report's parts (matched by siteId, else by position); a part
   * naming a site the report does not have is a 400 naming it.
   */
  function withParts(stored: AnnualReportForm, input: AnnualReportForm): AnnualReportForm {
    const parts = stored.sites ?? [];
    const given = input.sites ?? [];
    given.forEach((g, i) => {
      if (g.siteId && !parts.some((p) => p.siteId === g.siteId)) throw errors.field(`sites.${i}.siteId`, '该厂区不属于本年度报告的公告厂区', 'Not an announced site of this report');
    });
    const sites: SitePart[] = parts.map((p, i) => {
      const g = given.find((x) => x.siteId === p.siteId) ?? (given[i] && !given[i]!.siteId ? given[i] : undefined);
      return { siteId: p.siteId, siteName: p.siteName, ...(g?.table23 ? { table23: g.table23 } : {}), ...(g?.facts ? { facts: g.facts } : {}), ...(typeof g?.outputValue === 'number' ? { outputValue: g.outputValue } : {}) };
    });
    return { ...input, sites };
  }

  function checkForm(form: AnnualReportForm) {
    // a site's stated 产值 is a share of the report's (附2 提纲 二; the statistics count it in the site's region)
    const [value] = partValueIssues(form);
    if (value) throw errors.field(value.field, value.message, value.messageEn, 'REPORT_PART_VALUE_EXCEEDS');
    const issues = formTableIssues(form);
    if (issues.length) {
      throw new DomainError(400, 'REPORT_TOTALS_MISMATCH', `表2-3 数据有误：${issues.map((i) => i.message).join('；')}`, `Table 2-3 is inconsistent: ${issues.map((i) => i.messageEn).join('; ')}`, issues);
    }
  }

  async function transition(tx: Db, ctx: RequestContext, r: AnnualReportRow, event: ReportEvent, patch: Partial<AnnualReportRow>, notify: NotificationInput[], note: unknown = null) {
    const locked = await annualReportRepo.lock(tx, r.enterpriseId, r.id);
    if (!locked) throw notFoundReport();
    const actor = event === 'submit' ? 'enterprise' : 'authority';
    const t = nextReportState(locked.state as ReportState, event, actor);
    if (!t.ok) {
      const l = reportStateLabel(locked.state);
      throw errors.conflict('ILLEGAL_TRANSITION', `当前状态“${l.zh}”下不能执行该操作`, `Not possible in the current state "${l.en}"`, { state: locked.state, event });
    }
    const updated = await annualReportRepo.update(tx, r.enterpriseId, r.id, { ...patch, state: t.to });
    await recordAudit(tx, ctx, { action: `annual_report.${event}`, objectType: 'annual_report', objectId: r.id, enterpriseId: r.enterpriseId, change: { from: locked.state, to: t.to, note } });
    await notifications.notify(tx, notify);
    return updated;
  }

  function partOf(r: AnnualReportRow, siteId?: string): SitePart {
    const parts = (r.form as AnnualReportForm).sites ?? [];
    const part = siteId ? parts.find((x) => x.siteId === siteId) : parts[0];
    if (!part) throw errors.field('siteId', '该厂区不属于本年度报告的公告厂区', 'Not an announced site of this report');
    return part;
  }

  async function siteNames(r: Pick<AnnualReportRow, 'enterpriseId' | 'siteId'>) {
    const [e, site] = await Promise.all([enterprises.getInternal(r.enterpriseId), enterprises.getSiteInternal(r.enterpriseId, r.siteId)]);
    return { enterpriseName: e?.name ?? '', siteName: site?.name ?? '', regionCode: e?.regionCode ?? '' };
  }

  async function storeTable23(ctx: RequestContext | null, r: AnnualReportRow, siteId: string, table23: Table23, jobId: string) {
    await db.transaction(async (tx) => {
      const fresh = await annualReportRepo.lock(tx, r.enterpriseId, r.id);
      if (!fresh || !EDITABLE_REPORT_STATES.includes(fresh.state as ReportState)) throw frozen(fresh ?? r);
      const stored = fresh.form as AnnualReportForm;
      const form = { ...stored, sites: (stored.sites ?? []).map((p) => (p.siteId === siteId ? { ...p, table23 } : p)) };
      await annualReportRepo.update(tx, r.enterpriseId, r.id, { form });
      await annualReportRepo.updateImport(tx, r.enterpriseId, jobId, { status: 'done', finishedAt: new Date() });
      await recordAudit(tx, ctx, { action: 'annual_report.table23_imported', objectType: 'annual_report', objectId: r.id, enterpriseId: r.enterpriseId, change: { jobId, siteId, table23 } });
    });
  }

  /** Store a parsed 表2-3 (or the list of bad cells) as the outcome of import `importId`. */
  async function finishImport(ctx: RequestContext | null, r: AnnualReportRow, siteId: string, importId: string, total: number, parsed: Awaited<ReturnType<typeof parseTable23>>) {
    if (parsed.errors.length) {
      await annualReportRepo.updateImport(db, r.enterpriseId, importId, { status: 'failed', processed: total, errors: parsed.errors, finishedAt: new Date() });
      return parsed.errors;
    }
    await annualReportRepo.updateImport(db, r.enterpriseId, importId, { processed: total });
    try {
      await storeTable23(ctx, r, siteId, parsed.table23, importId);
    } catch (e) {
      // e.g. submitted meanwhile (409 REPORT_FROZEN): the import ends failed with the reason, never left running
      if (e instanceof DomainError) await failImport(db, r.enterpriseId, importId, e.messageZh, e.messageEn);
      throw e;
    }
    return [];
  }

  const failImport = (dbOrTx: Db, enterpriseId: string, importId: string, zh: string, en: string) =>
    annualReportRepo.updateImport(dbOrTx, enterpriseId, importId, { status: 'failed', errors: [{ sheet: '', row: 0, column: '', reason: zh, reasonEn: en }], finishedAt: new Date() });

  // A large 表2-3 upload runs as a job of the durable queue: after a restart it runs again from the kept file, or
  // ends failed with its reason; progress every 100 rows, yielding so that other requests (the polling) are served.
  jobs?.defineTask<ImportPayload>(
    IMPORT_TASK,
    async (job) => {
      const { reportId, siteId, enterpriseId, importId, total, ctx } = job.payload;
      const current = await annualReportRepo.getImport(db, enterpriseId, reportId, importId);
      if (!current || current.status === 'done') return;
      if (current.status === 'failed') await annualReportRepo.updateImport(db, enterpriseId, importId, { status: 'running', processed: 0, errors: [], finishedAt: null });
      const r = await annualReportRepo.get(db, reportId);
      const buf = await job.blob();
      const wb = buf ? await loadWorkbook(buf, deps.maxUncompressedBytes) : null;
      if (!r || !wb) return void (await failImport(db, enterpriseId, importId, '导入失败：报告或上传的文件已不存在', 'Import failed: the report or the uploaded file is gone'));
      try {
        const parsed = await parseTable23(wb, async (n) => {
          if (n % 100 === 0) {
            job.progress(n, total);
            await annualReportRepo.updateImport(db, enterpriseId, importId, { processed: n });
            await yieldToLoop();
          }
        });
        await finishImport(ctx, r, siteId, importId, total, parsed);
      } catch (e) {
        if (!(e instanceof DomainError) || e.status >= 500) throw e; // retried with backoff; dead → onDead
        await failImport(db, enterpriseId, importId, e.messageZh, e.messageEn);
      }
    },
    {
      maxAttempts: 3,
      onDead: async (tx, job, reason) => {
        const p = job.payload as ImportPayload;
        await failImport(tx, p.enterpriseId, p.importId, `导入失败（后台任务 #${job.id}：${reason}）`, `Import failed (background job #${job.id}: ${reason})`);
      },
    },
  );

  return {
    owed,
    load,

    /**
     * The reports owed in `year` within the caller's scope (default: the year currently or last open), with
     * their state; an enterprise sees its own sites, an authority its jurisdiction, MIIT all.
     */
    async list(p: Principal | null, year: number, f: { states?: string[]; overdueOnly?: boolean } = {}) {
      const scope = reportScope(p);
      return (await owed(year)).filter((o) => inReportScope(scope, o, o.readerAuthorityIds) && (!f.states?.length || f.states.includes(o.state)) && (!f.overdueOnly || o.overdue));
    },

    /**
     * For the revocation capability (七(二)4(2) 不按要求提交《年度报告》的): the announced sites whose report of
     * `year` was not submitted by 31 March of year+1 (as of the platform's today). No caller policy: the
     * caller applies its own.
     */
    async overdueReports(year: number) {
      return (await owed(year))
        .filter((o) => o.overdue)
        .map((o) => ({ enterpriseId: o.enterpriseId, enterpriseName: o.enterpriseName, siteId: o.siteId, siteName: o.siteName, authorityId: o.authorityId, year, dueOn: o.dueOn, reportId: o.report?.id ?? null, state: o.state }));
    },

    /**
     * For the conditions watch (七(二)4(1), findings module): the latest submitted report of each site that carries
     * 三(三)/三(四) figures. No caller policy: the caller applies its own.
     */
    async latestFigures() {
      const seen = new Set<string>();
      const out: { reportId: string; enterpriseId: string; siteId: string; authorityId: string; year: number; figures: ReportFigures }[] = [];
      for (const r of await annualReportRepo.withFigures(db)) {
        const k = r.enterpriseId;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ reportId: r.id, enterpriseId: r.enterpriseId, siteId: r.siteId, authorityId: r.authorityId, year: r.year, figures: (r.figures ?? {}) as ReportFigures });
      }
      return out;
    },

    /** 附2 三: MIIT's 核查 of a forwarded report, with an on-site inspection when needed (annual-reports.ministry.ts). */
    ministryReview: ministryReviewStep({ db, clock, notifications }),

    currentYear: () => currentReportYear(clock.today()),

    /**
     * The report with its parts. The reviewing authority, MIIT and the enterprise see every part; the authority of
     * another site's region (a reader) sees the enterprise's parts and the parts of the sites in its jurisdiction.
     */
    async detail(p: Principal | null, id: string) {
      const r = await load(p, id);
      const o = (await owed(r.year)).find((x) => x.enterpriseId === r.enterpriseId);
      const siteAuthority = new Map((o?.sites ?? []).map((x) => [x.siteId, x.authorityId]));
      let form = r.form as AnnualReportForm;
      // a reader: a provincial-level authority other than the reviewer (MIIT, whose users carry the authority id
      // 'miit', reads the whole report)
      const scope = reportScope(p);
      const reader = scope.kind === 'authority' && scope.authorityId !== r.authorityId ? scope.authorityId : null;
      if (reader) form = { ...form, sites: (form.sites ?? []).filter((x) => siteAuthority.get(x.siteId) === reader) };
      const sites = (form.sites ?? []).map((x) => ({ siteId: x.siteId, siteName: x.siteName ?? '', authorityId: siteAuthority.get(x.siteId) ?? r.authorityId }));
      // the reader's totals are its parts' (the whole report's would show the sum of the parts it does not read)
      const partsTotals = reader ? reportTotals(form) : null;
      return {
        report: r,
        ...(await siteNames(r)),
        siteName: sites.map((x) => x.siteName).join('、'),
        sites,
        form,
        missing: reader ? [] : missingItems(r.form as AnnualReportForm),
        partsOnly: reader !== null,
        totals: partsTotals ? { recovered: partsTotals.recovery, remanufactured: partsTotals.reman, sold: partsTotals.sales } : { recovered: r.recoveredTotal, remanufactured: r.remanTotal, sold: r.soldTotal },
      };
    },

    /**
     * Start the enterprise's report of `year` (七(二)1): for an enterprise with a site announced before 1 January of
     * year+1, from 1 January of year+1; one part per owed site. The cover is pre-filled from the enterprise record;
     * each site's 表2-3 from that site's traced products and steps (trace.annualTable23 by site).
     */
    async create(ctx: RequestContext, input: { year: number; siteId?: string }) {
      const p = authorizedReportFiler(ctx.principal);
      const owedHere = (await owed(input.year)).find((o) => o.enterpriseId === p.enterpriseId);
      if (!owedHere || (input.siteId && !owedHere.sites.some((x) => x.siteId === input.siteId))) {
        throw errors.field(input.siteId ? 'siteId' : 'year', `本企业没有须报送${input.year}年度报告的公告厂区`, `No announced site of this enterprise owes a report for ${input.year} (announced before 1 January ${input.year + 1})`);
      }
      const w = reportWindow(input.year);
      if (!isOpen(input.year, clock.today())) {
        throw errors.conflict('REPORT_NOT_OPEN', `${input.year}年度报告自 ${w.opensOn} 起填报`, `The ${input.year} report opens on ${w.opensOn}`, { opensOn: w.opensOn });
      }
      const exists = (reportId: string | null) => errors.conflict('REPORT_EXISTS', '本企业本年度报告已创建', 'The report of this enterprise and year already exists', { reportId });
      if (owedHere.report) throw exists(owedHere.report.id);
      const e = (await enterprises.getInternal(p.enterpriseId))!;
      const sites: SitePart[] = [];
      for (const x of owedHere.sites) {
        const prefilled = await prefillTable23(deps.trace, { enterpriseId: e.id, siteId: x.siteId, year: input.year });
        sites.push({ siteId: x.siteId, siteName: x.siteName, ...(prefilled ? { table23: prefilled } : {}) });
      }
      const form: AnnualReportForm = {
        cover: { enterpriseName: e.name, address: e.address, contactName: e.contactName, officePhone: e.contactPhone, email: e.contactEmail ?? undefined, compiledOn: clock.today() },
        sites,
      };
      return db.transaction(async (tx) => {
        // one report per enterprise and year (unique): the loser of a concurrent create gets 409, not 500
        const r = await annualReportRepo.insertIfAbsent(tx, { enterpriseId: e.id, id: randomUUID(), siteId: owedHere.siteId, year: input.year, authorityId: e.authorityId, form, createdBy: p.userId });
        if (!r) throw exists((await annualReportRepo.forEnterprise(tx, e.id, input.year))?.id ?? null);
        await recordAudit(tx, ctx, { action: 'annual_report.created', objectType: 'annual_report', objectId: r.id, enterpriseId: e.id, change: { year: input.year, sites: sites.map((x) => x.siteId), prefilled: sites.filter((x) => x.table23).map((x) => x.siteId) } });
        return r;
      });
    },

    /** Save the draft (partial data is fine); 表2-3 totals that are entered must equal their rows. */
    /**
     * Saves the whole form. `baseUpdatedAt` (the web always sends it) is the version the editor started from: when
     * the report was written since — another site's manager saved their part, a 表2-3 upload, a return — the save is
     * refused (409 REPORT_CHANGED) instead of putting the editor's stale copy of the other parts over theirs.
     */
    async saveForm(ctx: RequestContext, id: string, form: AnnualReportForm, baseUpdatedAt?: string) {
      return db.transaction(async (tx) => {
        // decided on the locked row: a save racing a submission lands before it (and is submitted with it) or is refused
        const r = await lockVisible(tx, ctx.principal, id);
        authorize(ctx.principal, annualReportPolicy, 'edit', r);
        if (!EDITABLE_REPORT_STATES.includes(r.state as ReportState)) throw frozen(r);
        if (baseUpdatedAt !== undefined && new Date(baseUpdatedAt).getTime() !== r.updatedAt.getTime()) {
          const at = shanghaiMinute(r.updatedAt);
          throw errors.conflict('REPORT_CHANGED', `该年度报告在您打开后已被修改（${at}），请重新载入后再保存，以免覆盖他人填写的内容`, `The report was changed after you opened it (${at}); reload it before saving so that nobody's entries are overwritten`, { updatedAt: r.updatedAt.toISOString() });
        }
        const stored = withParts(r.form as AnnualReportForm, form);
        checkForm(stored);
        const updated = await annualReportRepo.update(tx, r.enterpriseId, r.id, { form: stored });
        await recordAudit(tx, ctx, { action: 'annual_report.saved', objectType: 'annual_report', objectId: r.id, enterpriseId: r.enterpriseId, change: stored });
        return updated;
      });
    },

    /** Submit to the provincial authority (七(二)1). Complete and consistent; after 31 March flagged late. */
    async submit(ctx: RequestContext, id: string) {
      // names for the notification (other modules' reference data) before the transaction
      const { enterpriseName, siteName } = await siteNames(await load(ctx.principal, id));
      const today = clock.today();
      return db.transaction(async (tx) => {
        // the form checked and its totals stored are the form under the lock, i.e. what the authority will see
        const r = await lockVisible(tx, ctx.principal, id);
        authorize(ctx.principal, annualReportPolicy, 'submit', r);
        const form = r.form as AnnualReportForm;
        if (EDITABLE_REPORT_STATES.includes(r.state as ReportState)) {
          checkForm(form);
          const missing = missingItems(form);
          if (missing.length) {
            throw new DomainError(400, 'REPORT_INCOMPLETE', `年度报告尚不完整，缺少 ${missing.length} 项：${missing.slice(0, 5).map((m) => m.message).join('；')}${missing.length > 5 ? '等' : ''}`, `The report is incomplete: ${missing.length} item(s) missing`, missing);
          }
        }
        const late = isLate(r.year, today);
        const totals = reportTotals(form);
        return transition(
          tx,
          ctx,
          r,
          'submit',
          {
            submittedAt: clock.now(),
            submittedOn: today,
            late,
            recoveredTotal: totals.recovery,
            remanTotal: totals.reman,
            soldTotal: totals.sales,
          },
          [{ orgId: r.authorityId, kind: 'annual_report.submitted', title: `${enterpriseName}（${siteName}）提交了${r.year}年度报告${late ? '（逾期）' : ''}`, titleEn: `${enterpriseName} (${siteName}) submitted the ${r.year} annual report${late ? ' (late)' : ''}`, link: `/annual-reports/${r.id}` }],
          { late, submittedOn: today },
        );
      });
    },

    /** 退回修改: the authority returns a submitted report for correction, with the reason. */
    async returnReport(ctx: RequestContext, id: string, reason: string) {
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      return onLocked(ctx, id, (tx, r) =>
        transition(tx, ctx, r, 'return', { returnReason: reason, reviewedBy: p.userId, reviewedAt: clock.now() }, [
          { orgId: r.enterpriseId, kind: 'annual_report.returned', title: `${r.year}年度报告被退回修改：${reason}`, titleEn: `Your ${r.year} annual report was returned for correction`, link: `/annual-reports/${r.id}` },
        ], { reason }),
      );
    },

    /** 审核 (七(二)1: 对本地区公告企业保持规范条件的情况进行审核，出具审核意见). */
    async accept(ctx: RequestContext, id: string, opinion: string) {
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      return onLocked(ctx, id, (tx, r) =>
        transition(tx, ctx, r, 'accept', { auditOpinion: opinion, returnReason: null, reviewedBy: p.userId, reviewedAt: clock.now() }, [
          { orgId: r.enterpriseId, kind: 'annual_report.accepted', title: `${r.year}年度报告已通过审核`, titleEn: `Your ${r.year} annual report was accepted`, link: `/annual-reports/${r.id}` },
        ], { opinion }),
      ).then(publicCache.after('statistics'));
    },

    /**
     * 报送 (七(二)1: 将审核意见及汇总的本地区《年度报告》报送工业和信息化部): every accepted report of `year` in
     * the caller's jurisdiction goes to MIIT in one forwarding, which the 汇总 xlsx documents.
     */
    async forward(ctx: RequestContext, year: number, note: string | null) {
      const p = authorizedForwarder(ctx.principal);
      const authorityId = p.authorityId;
      return db.transaction(async (tx) => {
        const accepted = await annualReportRepo.lockAccepted(tx, authorityId, year);
        if (accepted.length === 0) throw errors.conflict('NOTHING_TO_FORWARD', `没有审核通过待报送的${year}年度报告`, `No accepted ${year} reports to forward`, { year });
        const fw = await annualReportRepo.insertForwarding(tx, { id: randomUUID(), authorityId, year, note, reportCount: accepted.length, forwardedBy: p.userId, forwardedAt: clock.now() });
        for (const r of accepted) {
          await transition(tx, ctx, r, 'forward', { forwardingId: fw.id, forwardedAt: clock.now() }, [], { forwardingId: fw.id });
        }
        await notifications.notify(tx, [
          { orgId: 'miit', kind: 'annual_report.forwarded', title: `收到${year}年度报告汇总（${accepted.length} 份）`, titleEn: `${accepted.length} annual report(s) of ${year} forwarded`, link: `/annual-reports?year=${year}` },
          ...accepted.map((r) => ({ orgId: r.enterpriseId, kind: 'annual_report.forwarded', title: `${year}年度报告已报送工业和信息化部`, titleEn: `Your ${year} annual report was forwarded to MIIT`, link: `/annual-reports/${r.id}` })),
        ]);
        await recordAudit(tx, ctx, { action: 'annual_report.forwarding', objectType: 'annual_report_forwarding', objectId: fw.id, change: { year, note, reports: accepted.map((r) => r.id) } });
        return { forwarding: fw, reports: accepted.length };
      });
    },

    forwardings: (authorityId: string | null, year: number) => annualReportRepo.forwardings(db, authorityId, year),

    /**
     * 本年度再制造产值（万元） per report year (附2 提纲 二 生产经营情况; the unit of 申请书 表1-2 row 9), summed over the
     * reviewed reports (accepted or forwarded, like every statistic) of one authority's jurisdiction or, with null,
     * nationally. For the statistics and the public portal: `reports` says how many reports state a value.
     */
    async outputValueByYear(authorityId: string | null = null): Promise<{ year: number; reports: number; outputValue: number }[]> {
      // what counts in one authority follows the per-site attribution (domain/annual-report/statistics.ts)
      const { trend } = aggregateReports(await reportFacts(), { authorityId });
      return trend.filter((y) => y.valueReports > 0).map((y) => ({ year: y.year, reports: y.valueReports, outputValue: y.outputValue }));
    },

    /** The reviewed reports as the statistics read them: one fact per report with its site parts (annual-reports.statistics.ts). */
    reportFacts,

    // ------------------------------------------------------------------ reminders

    /**
     * In-app reminders 30, 7 and 1 days before 31 March (七(二)1) to every enterprise whose report of the
     * current year is not submitted. Idempotent: each (site, year, days-before) is claimed once in SQL, so
     * running the job twice (or on two instances) sends once. Returns how many reminders were sent.
     */
    async runReminders(today: string = clock.today()) {
      const year = currentReportYear(today);
      const due = reminderDue(year, today);
      if (!due) return 0;
      const pending = (await owed(year)).filter((o) => !o.report || EDITABLE_REPORT_STATES.includes(o.report.state as ReportState));
      let sent = 0;
      for (const o of pending) {
        await db.transaction(async (tx) => {
          if (!(await annualReportRepo.claimReminder(tx, { enterpriseId: o.enterpriseId, siteId: o.siteId, year, daysBefore: due }))) return;
          await notifications.notify(tx, [
            {
              orgId: o.enterpriseId,
              kind: 'annual_report.reminder',
              title: `${o.siteName}的${year}年度报告须于 ${o.dueOn} 前提交（还有 ${due} 天）`,
              titleEn: `The ${year} annual report of ${o.siteName} is due on ${o.dueOn} (${due} day(s) left)`,
              link: o.report ? `/annual-reports/${o.report.id}` : '/annual-reports',
            },
          ]);
          await recordAudit(tx, null, { action: 'annual_report.reminded', objectType: 'annual_report', objectId: o.report?.id ?? null, enterpriseId: o.enterpriseId, change: { siteId: o.siteId, year, daysBefore: due } });
          sent++;
        });
      }
      return sent;
    },

    // ------------------------------------------------------------------ 表2-3 import

    /**
     * Read an uploaded 表2-3 workbook. Small files are checked and stored at once; larger ones run as a job
     * whose progress (processed/total rows) the caller polls. Either way the upload is all or nothing: with any
     * bad cell the job fails listing every bad cell and the report is untouched.
     */
    async importTable23(ctx: RequestContext, id: string, buf: Buffer, siteIdGiven?: string): Promise<{ job: ImportRow; errors: CellError[] }> {
      const r = await load(ctx.principal, id);
      authorize(ctx.principal, annualReportPolicy, 'edit', r);
      if (!EDITABLE_REPORT_STATES.includes(r.state as ReportState)) throw frozen(r);
      const siteId = partOf(r, siteIdGiven).siteId;
      const wb = await loadWorkbook(buf, deps.maxUncompressedBytes);
      if (!wb) throw errors.field('file', '无法读取该文件，请上传 .xlsx 格式的表2-3', 'Not a readable .xlsx workbook', 'XLSX_UNREADABLE');
      const total = dataRowCount(wb);
      if (total > MAX_IMPORT_ROWS) {
        throw errors.field('file', `表2-3 行数过多（${total} 行，上限 ${MAX_IMPORT_ROWS} 行）`, `Too many rows (${total}; at most ${MAX_IMPORT_ROWS})`, 'XLSX_TOO_LARGE');
      }
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      const row = { enterpriseId: r.enterpriseId, id: randomUUID(), reportId: r.id, status: 'running' as const, total, createdBy: p.userId };
      if (total <= SYNC_IMPORT_MAX_ROWS) {
        const job = await annualReportRepo.insertImport(db, row);
        const errs = await finishImport(ctx, r, siteId, job.id, total, await parseTable23(wb));
        return { job: (await annualReportRepo.getImport(db, r.enterpriseId, r.id, job.id))!, errors: errs };
      }
      // background: a durable job (the file kept with it), enqueued with the import row in one transaction
      if (!jobs) throw new Error('annual reports: no job queue wired');
      const payload: ImportPayload = { reportId: r.id, siteId, enterpriseId: r.enterpriseId, importId: row.id, total, ctx: { ...ctx, principal: { ...p, sessionTokenHash: null } } };
      const job = await db.transaction(async (tx) => {
        const inserted = await annualReportRepo.insertImport(tx, row);
        await jobs.enqueue(tx, { task: IMPORT_TASK, key: `annual-report-import:${row.id}`, payload, blob: buf, total });
        return inserted;
      });
      jobs.poke();
      return { job, errors: [] };
    },

    async importJob(p: Principal | null, id: string, jobId: string) {
      const r = await load(p, id);
      const job = await annualReportRepo.getImport(db, r.enterpriseId, r.id, jobId);
      if (!job) throw errors.notFound('导入任务', 'Import job');
      return job;
    },

    /** A report's site and enterprise names (for files and presenters). */
    names: siteNames,
    /** The site part `siteId` of a report (default: its first), 400 naming siteId when it has no such part. */
    partOf,
  };
}
export type AnnualReportService = ReturnType<typeof createAnnualReportService>;
