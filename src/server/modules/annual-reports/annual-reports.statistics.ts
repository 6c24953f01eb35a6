import { provinceOf } from '../../../domain/regions.js';
import { siteAuthorityId, type ReportFact } from '../../../domain/annual-report/index.js';
import type { ReportField } from '../../../domain/annual-report/index.js';
import type { Db } from '../../db/client.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { annualReportRepo } from './annual-reports.repo.js';

const provinceOfOrNull = (code: string | null) => {
  if (!code) return null;
  try {
    return provinceOf(code);
  } catch {
    return null;
  }
};

/**
 * The reviewed reports as the statistics read them (domain/annual-report/statistics.ts `ReportFact`): each part
 * placed in its site's province (the site register's region: the 公告's 地区 is the enterprise's, so it is only
 * the fallback) and its site's authority; the report in
 * the enterprise's registered province and reviewing authority. One SQL query, one row per site part.
 */
export function reportFactsOf(deps: { db: Db; announcements: AnnouncementService; enterprises: EnterpriseService }) {
  return async function reportFacts(year?: number): Promise<ReportFact[]> {
    const rows = await annualReportRepo.partFacts(deps.db, { announcedSites: deps.announcements.announcedSitesTable(), jurisdictions: deps.enterprises.jurisdictionTable(), siteRegions: deps.enterprises.siteRegionTable() }, year);
    const reports = new Map<string, ReportFact>();
    for (const r of rows) {
      const registered = r.registered_province ?? '000000';
      let fact = reports.get(r.report_id);
      if (!fact) {
        fact = { reportId: r.report_id, year: r.year, provinceCode: registered, authorityId: r.authority_id, outputValue: r.output_value, parts: [] };
        reports.set(r.report_id, fact);
      }
      fact.parts.push({
        siteId: r.site_id,
        provinceCode: provinceOfOrNull(r.site_region) ?? r.announced_province ?? registered,
        authorityId: siteAuthorityId(r.site_region ?? r.announced_province, r.authority_id),
        recovered: r.recovered ?? 0,
        remanufactured: r.remanufactured ?? 0,
        sold: r.sold ?? 0,
        remanByField: (r.fields ?? {}) as Partial<Record<ReportField, number>>,
        outputValue: r.part_value,
      });
    }
    return [...reports.values()];
  };
}
