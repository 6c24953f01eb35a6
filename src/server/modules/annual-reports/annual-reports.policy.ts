import { authorize, definePolicy, deny } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { enterpriseScope } from '../enterprises/enterprises.policy.js';

/**
 * Who sees and acts on which 年度报告 (规范条件 七(二)1). Deny by default.
 * - The enterprise: the reports of its own announced sites; its users edit, its administrator submits
 *   (附2 二: 经企业法定代表人审核确认 — the admin acts for the legal representative).
 * - The provincial-level authority: the reports of enterprises it reviews (annual_reports.authority_id);
 *   a draft's content stays the enterprise's working copy (the authority only sees that it is not submitted).
 * - MIIT: every report once submitted.
 */
export type ReportScope = { kind: 'enterprise'; enterpriseId: string } | { kind: 'authority'; authorityId: string } | { kind: 'ministry' } | { kind: 'none' };

export interface ReportRef {
  enterpriseId: string;
  authorityId: string;
  state: string;
  /** authorities reading the report besides its reviewer: those of its sites' regions (issue 15 item 14) */
  readerAuthorityIds?: string[];
}

/** The enterprise scope (enterprises.policy.ts) of users; API tokens do not handle annual reports. */
export function reportScope(p: Principal | null): ReportScope {
  if (p?.kind !== 'user') return { kind: 'none' };
  const s = enterpriseScope(p);
  return s.kind === 'all' ? { kind: 'ministry' } : s;
}

/**
 * Whether a report (or an owed report) is in the caller's scope: an authority reviews the reports of enterprises
 * registered in its jurisdiction and reads those with an announced site in it (`readers`, 七(二)1 本地区公告企业).
 */
export function inReportScope(s: ReportScope, r: { enterpriseId: string; authorityId: string }, readers: readonly string[] = []): boolean {
  return s.kind === 'ministry' || (s.kind === 'enterprise' && s.enterpriseId === r.enterpriseId) || (s.kind === 'authority' && (s.authorityId === r.authorityId || readers.includes(s.authorityId)));
}

export function canViewReport(p: Principal | null, r: ReportRef): boolean {
  const s = reportScope(p);
  if (s.kind === 'enterprise') return s.enterpriseId === r.enterpriseId;
  if (r.state === 'draft') return false;
  return inReportScope(s, r, r.readerAuthorityIds);
}

export function canEditReport(p: Principal | null, r: ReportRef): boolean {
  return p?.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId === r.enterpriseId;
}

export function canSubmitReport(p: Principal | null, r: ReportRef): boolean {
  return p?.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === r.enterpriseId;
}

/** 审核, 退回, 报送: the enterprise's provincial-level authority (七(二)1). */
export function canReviewReport(p: Principal | null, r: { authorityId: string }): boolean {
  return p?.kind === 'user' && (p.role === 'authority_admin' || p.role === 'authority_reviewer') && p.authorityId === r.authorityId;
}

/** 附2 三: MIIT 对相关情况进行核查，必要时进行现场审查 — of a report forwarded to it. */
export function canReviewAsMinistry(p: Principal | null): boolean {
  return p?.kind === 'user' && (p.role === 'ministry_officer' || p.role === 'ministry_admin');
}

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** What a caller may do on a report (decided on the row locked inside the write's transaction). */
export const annualReportPolicy = definePolicy<ReportRef>()('annual_report', {
  /** save the form, upload 表2-3 */
  edit: (p, r) => canEditReport(p, r),
  submit: (p, r) => canSubmitReport(p, r) || deny('年度报告须经企业管理员（代表法定代表人）确认提交', 'Only the enterprise administrator submits the report'),
});

/**
 * The steps that start from the caller, not from one report (subject: none): the enterprise starts its report of a
 * year; the provincial authority forwards the accepted ones of its jurisdiction; MIIT reviews a forwarded one.
 */
export const annualReportDutyPolicy = definePolicy<object>()('annual_report_duty', {
  create: (p) => (p.kind === 'user' && !!p.enterpriseId && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff')) || deny('年度报告由公告企业填报', 'Annual reports are filled in by announced enterprises'),
  forward: (p) => (p.kind === 'user' && !!p.authorityId && (p.role === 'authority_admin' || p.role === 'authority_reviewer')) || deny('由省级工业和信息化主管部门报送', 'Forwarding belongs to the provincial authority'),
  ministry_review: (p) => canReviewAsMinistry(p) || deny('年度报告核查由工业和信息化部进行', 'MIIT reviews forwarded reports'),
});

/** The enterprise user starting a report, after `authorize(…, 'create', …)`. */
export function authorizedReportFiler(p: Principal | null): UserPrincipal & { enterpriseId: string } {
  authorize(p, annualReportDutyPolicy, 'create', {});
  return p as UserPrincipal & { enterpriseId: string };
}

/** The authority user forwarding, after `authorize(…, 'forward', …)`. */
export function authorizedForwarder(p: Principal | null): UserPrincipal & { authorityId: string } {
  authorize(p, annualReportDutyPolicy, 'forward', {});
  return p as UserPrincipal & { authorityId: string };
}
