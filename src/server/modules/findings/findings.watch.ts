import type { ApplicationForm } from '../../../domain/announcement/form.js';
import type { ReportFigures } from '../../../domain/annual-report/form.js';
import { shanghaiDate } from '../../platform/clock.js';
import { watchApplication, watchReport } from '../../../domain/supervision/conditions-watch.js';
import type { RequestContext } from '../../platform/principal.js';
import type { FindingInput, FindingsDeps, FindingsService } from './findings.service.js';

/** What the watch reads of other modules, each through its service (wired in app.ts). */
export interface WatchSources {
  /** active entries of the announced list (announcements) */
  activeEntries(): Promise<{ enterpriseId: string; siteId: string; applicationId: string | null; status: string }[]>;
  /** the announced applications (applications): the frozen form and the submission time */
  applications(ids: string[]): Promise<Map<string, { id: string; form: unknown; submittedAt: Date | null; authorityId: string }>>;
  /** each site's latest submitted annual report with figures (annual reports) */
  reportFigures(): Promise<{ reportId: string; enterpriseId: string; siteId: string; authorityId: string; year: number; figures: ReportFigures }[]>;
}

/**
 * 七(二)4(1) after the 公告 (issue 15 item 15): re-evaluate the data-decidable conditions of the announced
 * enterprises (domain/supervision/conditions-watch.ts) and raise each finding once (dedupe key) on the authority's
 * to-do list. Run by the durable periodic job (main.ts, daily) and by MIIT on demand. Returns what it did.
 */
export function createConditionsWatch(deps: Pick<FindingsDeps, 'db' | 'clock'> & { findings: FindingsService; sources: WatchSources }) {
  const { db, clock, findings, sources } = deps;
  return async (ctx: RequestContext | null): Promise<{ evaluated: number; raised: number }> => {
    const today = clock.today();
    // other modules' data, read before the transaction (one connection on PGlite)
    const entries = (await sources.activeEntries()).filter((e) => e.status === 'active');
    const apps = await sources.applications([...new Set(entries.flatMap((e) => (e.applicationId ? [e.applicationId] : [])))]);
    const activeSites = new Set(entries.map((e) => `${e.enterpriseId}/${e.siteId}`));
    const inputs: FindingInput[] = [];
    for (const a of apps.values()) {
      const entry = entries.find((e) => e.applicationId === a.id)!;
      for (const f of watchApplication({ applicationId: a.id, submittedOn: a.submittedAt ? shanghaiDate(a.submittedAt) : null, form: a.form as ApplicationForm, today })) {
        inputs.push({ ...f, enterpriseId: entry.enterpriseId, authorityId: a.authorityId, subjectType: 'application', subjectId: a.id });
      }
    }
    for (const r of await sources.reportFigures()) {
      if (!activeSites.has(`${r.enterpriseId}/${r.siteId}`)) continue; // revoked: nothing more to watch
      for (const f of watchReport({ reportId: r.reportId, year: r.year, figures: r.figures })) {
        inputs.push({ ...f, enterpriseId: r.enterpriseId, authorityId: r.authorityId, subjectType: 'annual_report', subjectId: r.reportId });
      }
    }
    const raised = inputs.length ? await db.transaction((tx) => findings.raise(tx, ctx, inputs)) : [];
    return { evaluated: new Set(entries.map((e) => e.enterpriseId)).size, raised: raised.length };
  };
}
