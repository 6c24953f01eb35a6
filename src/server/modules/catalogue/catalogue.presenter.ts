import { CATALOGUE_STATES, catalogueEventsFor } from '../../../domain/catalogue/workflow.js';
import { labelOf, REMAN_FIELDS, type RemanField } from '../../../domain/enterprise.js';
import { can } from '../../platform/authorize.js';
import { isAuthority, isEnterpriseUser, type Principal } from '../../platform/principal.js';
import { catalogueApplicationPolicy } from './catalogue.policy.js';
import type { BatchRow, CatalogueRow } from './catalogue.repo.js';
import type { ProductReportRow } from './product-reports.js';

const num = (v: string | number | null) => (v === null ? null : Number(v));
const iso = (d: Date | string | null) => (d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString());
const reportFile = (r: CatalogueRow['testReports'][number], url: string) => (r.sha256 ? { name: r.fileName ?? 'report', mime: r.mime ?? 'application/octet-stream', size: r.size ?? 0, url } : null);
const notice = (a: CatalogueRow) => (a.noticeStartOn && a.noticeEndOn ? { startOn: a.noticeStartOn, endOn: a.noticeEndOn } : null);

/** The steps the caller may take now: allowed by the policy and possible in the state (the web's buttons). */
export function catalogueActions(p: Principal | null, a: CatalogueRow): string[] {
  const actor = isEnterpriseUser(p) ? 'enterprise' : isAuthority(p) ? 'authority' : 'ministry';
  const out = can(p, catalogueApplicationPolicy, 'edit', a) && (a.state === 'draft' || a.state === 'returned') ? ['edit'] : [];
  return [...out, ...catalogueEventsFor(a.state, actor).filter((e) => can(p, catalogueApplicationPolicy, e as 'submit', a))];
}

export function presentApplication(p: Principal | null, a: CatalogueRow, enterpriseName: string) {
  return {
    id: a.id,
    enterprise: { id: a.enterpriseId, name: enterpriseName },
    authorityId: a.authorityId,
    state: a.state,
    stateLabel: CATALOGUE_STATES[a.state].zh,
    productName: a.productName,
    model: a.model,
    field: a.field,
    specifications: a.specifications,
    standardCode: a.standardCode,
    testReports: a.testReports.map((r, n) => ({ testingOrgId: r.testingOrgId, orgName: r.orgName, accreditationNo: r.accreditationNo, reportNo: r.reportNo, issuedOn: r.issuedOn, file: reportFile(r, `/api/v1/catalogue/applications/${a.id}/reports/${n}/file`) })),
    sampleProductCode: a.sampleProductCode,
    massRate: num(a.massRate),
    valueRate: num(a.valueRate),
    rateFormula: a.rateFormula,
    provincialOpinion: a.provincialOpinion,
    reason: a.reason,
    notice: notice(a),
    listedNo: a.listedNo,
    submittedAt: iso(a.submittedAt),
    updatedAt: iso(a.updatedAt)!,
    actions: catalogueActions(p, a),
  };
}

/** A model as the public sees it: listed (with its batch) or in 公示; never the enterprise's internal notes. */
export function presentPublicModel(r: { a: CatalogueRow; batchNo: number | null; batchTitle: string | null; publishedOn: string | null }, enterpriseName: string) {
  const a = r.a;
  return {
    id: a.id,
    listedNo: a.listedNo,
    batchNo: r.batchNo,
    batchTitle: r.batchTitle,
    publishedOn: r.publishedOn,
    enterpriseName,
    productName: a.productName,
    model: a.model,
    field: a.field,
    fieldLabel: labelOf(REMAN_FIELDS, a.field as RemanField),
    specifications: a.specifications,
    standardCode: a.standardCode,
    massRate: num(a.massRate),
    valueRate: num(a.valueRate),
    testReports: a.testReports.map((t, n) => ({ orgName: t.orgName, accreditationNo: t.accreditationNo, reportNo: t.reportNo, issuedOn: t.issuedOn, file: reportFile(t, `/api/v1/public/catalogue/${a.id}/reports/${n}/file`) })),
    notice: a.state === 'in_notice' ? notice(a) : null,
  };
}

export function presentBatch(b: { batch: BatchRow; n: number }) {
  return { id: b.batch.id, batchNo: b.batch.batchNo, title: b.batch.title, publishedOn: b.batch.publishedOn, models: Number(b.n) };
}

/** A test report on a product; `publicUrl`: the file through the public route (else the parties' route). */
export function presentProductReport(r: ProductReportRow, publicUrl: boolean) {
  const url = publicUrl ? `/api/v1/public/product-reports/${r.id}/file` : `/api/v1/catalogue/product-reports/${r.id}/file`;
  return {
    id: r.id,
    productCode: r.productCode,
    model: r.model,
    wholeModel: r.productCode === null,
    testingOrgId: r.testingOrgId,
    orgName: r.orgName,
    accreditationNo: r.accreditationNo,
    reportNo: r.reportNo,
    issuedOn: r.issuedOn,
    conclusion: r.conclusion,
    file: r.sha256 ? { name: r.fileName ?? 'report', mime: r.mime ?? 'application/octet-stream', size: r.size ?? 0, url } : null,
    withdrawn: r.withdrawnAt !== null,
    issuedByOrg: r.issuedByOrg,
    field: (r.field ?? null) as RemanField | null,
  };
}
