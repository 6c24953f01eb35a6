import type { CatalogueState } from '../../../domain/catalogue/workflow.js';
import { definePolicy, deny } from '../../platform/authorize.js';
import { isAuthority, isEnterpriseUser, isMinistry, isTestingOrgUser, type Principal } from '../../platform/principal.js';

/**
 * Who may do what to a catalogue application (再制造产品目录), as for a 规范公告 application (applications.policy.ts):
 * the enterprise its own (staff and admin edit the draft; the admin submits and withdraws — the application is the
 * enterprise's voluntary act, 七(一)2); the provincial authority that reviews the enterprise (enterprise.authorityId)
 * once submitted (七(一)4); MIIT every submitted application (七(一)5). Others learn nothing (404). Whether the
 * state allows a step is the state machine's decision (domain/catalogue/workflow.ts; 409 for the loser of a race).
 */
export interface CatalogueSubject {
  enterpriseId: string;
  authorityId: string;
  state: CatalogueState;
}

const own = (p: Principal, s: CatalogueSubject) => isEnterpriseUser(p) && p.enterpriseId === s.enterpriseId;
const admin = (p: Principal, s: CatalogueSubject) => own(p, s) && p.kind === 'user' && p.role === 'enterprise_admin';
const reviewer = (p: Principal, s: CatalogueSubject) => isAuthority(p) && p.authorityId === s.authorityId && s.state !== 'draft';
const ministry = (p: Principal, s: CatalogueSubject) => isMinistry(p) && s.state !== 'draft';

export const catalogueApplicationPolicy = definePolicy<CatalogueSubject>()(
  'catalogue-application',
  {
    read: (p, s) => own(p, s) || reviewer(p, s) || ministry(p, s),
    edit: (p, s) => own(p, s),
    submit: (p, s) => admin(p, s),
    withdraw: (p, s) => admin(p, s),
    return: (p, s) => reviewer(p, s),
    provincial_reject: (p, s) => reviewer(p, s),
    forward: (p, s) => reviewer(p, s),
    reject: (p, s) => ministry(p, s),
    start_notice: (p, s) => ministry(p, s),
    close_notice: (p, s) => ministry(p, s),
    uphold_objection: (p, s) => ministry(p, s),
    /** put into a numbered batch (目录批次) — MIIT, on each locked application of the batch */
    list: (p, s) => ministry(p, s),
  },
  { hidden: ['read'], objectName: ['目录申请', 'Catalogue application'] },
);

/** Which applications a caller's list shows (SQL filter of catalogueRepo.page); null: none at all. */
export type CatalogueScope = { kind: 'enterprise'; enterpriseId: string } | { kind: 'authority'; authorityId: string } | { kind: 'ministry' };
export function catalogueScope(p: Principal | null): CatalogueScope | null {
  if (isMinistry(p)) return { kind: 'ministry' };
  if (isAuthority(p) && p.authorityId) return { kind: 'authority', authorityId: p.authorityId };
  if (isEnterpriseUser(p) && p?.kind === 'user' && p.enterpriseId) return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  return null;
}

/**
 * Steps without an application row yet: an enterprise user starts an application for its own enterprise (whose
 * registry row must exist — subject `enterpriseId` null otherwise); MIIT publishes a batch (each application of it
 * is then checked again as `list` on its locked row); the parties list the applications of their scope.
 */
export const catalogueFilingPolicy = definePolicy<{ enterpriseId: string | null }>()('catalogue-filing', {
  start: (p, e) =>
    (isEnterpriseUser(p) && p.kind === 'user' && !!e.enterpriseId && p.enterpriseId === e.enterpriseId) ||
    deny('只有企业用户可以申请列入目录', 'Only an enterprise applies to list its models'),
  publish_batch: (p) => isMinistry(p) || deny('只有工业和信息化部可以发布目录批次', 'Only MIIT publishes catalogue batches'),
  list: (p) => catalogueScope(p) !== null,
});

/**
 * Test reports on traced products (product-reports.ts): the enterprise attaches reports to its own products and
 * edits or withdraws them; MIIT reads every report; everyone else reads only the public page's (404 here).
 */
export interface ProductReportSubject {
  enterpriseId: string;
  /** issued by the testing organisation's own user (issue 14): that organisation keeps it, the enterprise reads it */
  issuedByOrg: boolean;
  testingOrgId: string;
}
const ownProduct = (p: Principal, r: { enterpriseId: string }) => isEnterpriseUser(p) && p.enterpriseId === r.enterpriseId;
const issuingOrg = (p: Principal, r: ProductReportSubject) => r.issuedByOrg && isTestingOrgUser(p) && p.testingOrgId === r.testingOrgId;
/**
 * A report the enterprise attached is the enterprise's (it edits and withdraws it); a report a testing organisation
 * issued is that organisation's: the enterprise reads and cites it but cannot change or withdraw it. MIIT reads all.
 */
export const productReportPolicy = definePolicy<ProductReportSubject>()(
  'product-test-report',
  {
    read: (p, r) => ownProduct(p, r) || issuingOrg(p, r) || isMinistry(p),
    edit: (p, r) =>
      (!r.issuedByOrg && ownProduct(p, r)) ||
      issuingOrg(p, r) ||
      deny(r.issuedByOrg ? '检测机构出具的报告只能由该机构修改或撤回' : '只有产品所属企业可以修改其检测报告', r.issuedByOrg ? 'Only the issuing testing organisation changes or withdraws its report' : "Only the product's enterprise changes its reports"),
  },
  { hidden: ['read'], objectName: ['检测报告', 'Test report'] },
);
export const productReportFilingPolicy = definePolicy<{ enterpriseId: string }>()('product-test-report-filing', {
  /** the product's enterprise, or a testing organisation of the directory (its accredited fields are checked by the use case) */
  attach: (p, r) => ownProduct(p, r) || isTestingOrgUser(p) || deny('只能为本企业追溯的产品附检测报告', 'Attach reports only to products your enterprise traced'),
  list: (p, r) => ownProduct(p, r) || isMinistry(p) || deny('只有产品所属企业和工业和信息化部可以查看全部检测报告', "Only the product's enterprise and MIIT see every report"),
});
/** A testing organisation's list of the reports it issued: its own users. */
export const issuedReportsPolicy = definePolicy<object>()('issued-test-reports', {
  list: (p) => isTestingOrgUser(p) || deny('只有检测机构用户可以查看本机构出具的报告', "Only a testing organisation's users list the reports it issued"),
});
