/**
 * 规范条件 七(二)4(1) "不能保持符合本规范条件要求的", after the 公告 (issue 15 item 15): the conditions the platform's
 * data can decide again for an announced enterprise — the management certificates (四(一)), the land lease
 * (二(三)) and the figures of its latest annual report against 三(三) (staff) and 三(四) (R&D spending). Each
 * answer is a *finding*: a possible ground for the authority to consider, never a decision; `dedupeKey` names
 * the fact, so the job raises each finding once however often it runs.
 *
 * Readings the seed leaves open, and the choices made:
 * - 二(三) lease: 表1-2 row 5 asks the lease term (租赁年限), not its dates. The term is read as the years the lease
 *   still runs at the submission; the lease is taken to end that many years after the submission day. A lease
 *   past that day is a finding (the enterprise may have renewed it: the authority dismisses with the reason).
 * - 四(一) certificates: a certificate whose 有效期 has passed (the day after validUntil) is a finding.
 * - 三(三)/三(四) from the annual report: 附2 has no figures table; its outline asks for 再制造能力…相关投入 and
 *   the tables "可根据实际情况调整", so the report carries optional figures (employees, college-educated, R&D staff,
 *   R&D spending and the previous year's 营业收入). Only a report with the figures is judged; below a threshold is a
 *   finding with the figures shown.
 */
import { MIN_COLLEGE_PERCENT, MIN_RD_SPENDING_PERCENT, MIN_RD_STAFF_PERCENT } from '../announcement/conditions.js';
import type { ApplicationForm } from '../announcement/form.js';
import type { ReportFigures } from '../annual-report/form.js';
import { addDays, addYearsClamped, type IsoDate } from '../calendar-date.js';

export interface WatchFinding {
  kind: 'certificate_expired' | 'lease_ended' | 'college_ratio_below' | 'rd_staff_below' | 'rd_spending_below';
  clause: string;
  dedupeKey: string;
  summary: string;
  summaryEn: string;
  details: Record<string, unknown>;
}

const CERTS = [
  { key: 'qualityCert', zh: '质量管理体系证书', en: 'quality management certificate' },
  { key: 'ohsCert', zh: '职业健康安全管理体系证书', en: 'OHS management certificate' },
  { key: 'environmentCert', zh: '环境管理体系证书', en: 'environmental management certificate' },
] as const;

const pct = (a: number, b: number) => Math.round((a / b) * 10_000) / 100; // two decimals: 2.99 % is not shown as 3 %

/** The day a lease declared at submission (`leaseYears` still to run) ends (二(三) reading above). */
export function leaseEndsOn(submittedOn: IsoDate, leaseYears: number): IsoDate {
  const whole = Math.floor(leaseYears);
  const end = addYearsClamped(submittedOn, whole);
  const months = Math.round((leaseYears - whole) * 12);
  return months > 0 ? addDays(end, Math.round(months * 30.4)) : end;
}

/** What the announced application (its frozen form) says that no longer holds on `today`. */
export function watchApplication(input: { applicationId: string; submittedOn: IsoDate | null; form: ApplicationForm; today: IsoDate }): WatchFinding[] {
  const out: WatchFinding[] = [];
  const t12 = input.form.table12 ?? {};
  for (const c of CERTS) {
    const until = t12[c.key]?.validUntil;
    if (until && until < input.today) {
      out.push({
        kind: 'certificate_expired',
        clause: '四(一)',
        dedupeKey: `cert:${input.applicationId}:${c.key}:${until}`,
        summary: `${c.zh}（${t12[c.key]?.number ?? ''}）有效期至 ${until}，已过期（规范条件 四(一)）`,
        summaryEn: `The ${c.en} (${t12[c.key]?.number ?? ''}) was valid until ${until} (四(一))`,
        details: { certificate: c.key, number: t12[c.key]?.number ?? null, validUntil: until },
      });
    }
  }
  if (t12.landTenure === 'leased' && t12.leaseYears != null && input.submittedOn) {
    const end = leaseEndsOn(input.submittedOn, t12.leaseYears);
    if (end < input.today) {
      out.push({
        kind: 'lease_ended',
        clause: '二(三)',
        dedupeKey: `lease:${input.applicationId}:${end}`,
        summary: `土地租赁（申请时剩余 ${t12.leaseYears} 年）按申请日推算已于 ${end} 到期（规范条件 二(三)）`,
        summaryEn: `The land lease (${t12.leaseYears} years left at the application) ran out on ${end} by the platform's reckoning (二(三))`,
        details: { leaseYears: t12.leaseYears, submittedOn: input.submittedOn, endsOn: end },
      });
    }
  }
  return out;
}

/** What an annual report's figures say against 三(三) and 三(四) (only what the report gives is judged). */
export function watchReport(input: { reportId: string; year: number; figures: ReportFigures | undefined }): WatchFinding[] {
  const f = input.figures ?? {};
  const out: WatchFinding[] = [];
  const key = (k: string) => `report:${input.reportId}:${k}`;
  if (f.employees && f.employees > 0) {
    if (f.collegeEducated != null && (f.collegeEducated / f.employees) * 100 < MIN_COLLEGE_PERCENT) {
      const p = pct(f.collegeEducated, f.employees);
      out.push({ kind: 'college_ratio_below', clause: '三(三)', dedupeKey: key('college'), summary: `${input.year}年度报告：大专及以上学历人员占比 ${p}%，低于 ${MIN_COLLEGE_PERCENT}%（规范条件 三(三)）`, summaryEn: `${input.year} report: college-educated staff ${p}%, below ${MIN_COLLEGE_PERCENT}% (三(三))`, details: { year: input.year, employees: f.employees, collegeEducated: f.collegeEducated, percent: p } });
    }
    if (f.rdStaff != null && (f.rdStaff / f.employees) * 100 < MIN_RD_STAFF_PERCENT) {
      const p = pct(f.rdStaff, f.employees);
      out.push({ kind: 'rd_staff_below', clause: '三(三)', dedupeKey: key('rd_staff'), summary: `${input.year}年度报告：研发人员占比 ${p}%，低于 ${MIN_RD_STAFF_PERCENT}%（规范条件 三(三)）`, summaryEn: `${input.year} report: R&D staff ${p}%, below ${MIN_RD_STAFF_PERCENT}% (三(三))`, details: { year: input.year, employees: f.employees, rdStaff: f.rdStaff, percent: p } });
    }
  }
  if (f.rdSpending != null && f.previousYearRevenue && f.previousYearRevenue > 0 && (f.rdSpending / f.previousYearRevenue) * 100 < MIN_RD_SPENDING_PERCENT) {
    const p = pct(f.rdSpending, f.previousYearRevenue);
    out.push({ kind: 'rd_spending_below', clause: '三(四)', dedupeKey: key('rd_spending'), summary: `${input.year}年度报告：研发投入 ${f.rdSpending} 万元，为上一年度营业收入的 ${p}%，低于 ${MIN_RD_SPENDING_PERCENT}%（规范条件 三(四)）`, summaryEn: `${input.year} report: R&D spending ${p}% of the previous year's revenue, below ${MIN_RD_SPENDING_PERCENT}% (三(四))`, details: { year: input.year, rdSpending: f.rdSpending, previousYearRevenue: f.previousYearRevenue, percent: p } });
  }
  return out;
}
