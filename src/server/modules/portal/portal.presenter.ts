import type { RemanField } from '../../../domain/enterprise.js';
import { findProvince } from '../../../domain/regions.js';
import type { Principal } from '../../platform/principal.js';
import { contentActions } from './portal.policy.js';
import type { DemoUnitRow, PolicyRow, StandardRow, TestingOrgRow } from './portal.repo.js';

/** Rows → API shapes. The search vector never leaves the server; `actions` say what the caller may do. */
const editorial = (p: Principal | null, r: { state: 'draft' | 'published' | 'withdrawn'; publishedAt: Date | null; updatedAt: Date }) => ({
  state: r.state,
  publishedAt: r.publishedAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
  actions: contentActions(p, r),
});
const provinceName = (code: string) => findProvince(code)?.name ?? code;

export function presentStandard(p: Principal | null, r: StandardRow, replacedIds: Map<string, string> = new Map()) {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    titleEn: r.titleEn,
    type: r.type,
    status: r.status,
    issuedOn: r.issuedOn,
    effectiveOn: r.effectiveOn,
    abolishedOn: r.abolishedOn,
    replacedBy: r.replacedBy,
    replacedById: r.replacedBy ? (replacedIds.get(r.replacedBy.toUpperCase()) ?? null) : null,
    drafters: r.drafters,
    summary: r.summary,
    verified: r.verified,
    ...editorial(p, r),
  };
}

const attachmentsOf = (r: PolicyRow, publicUrl: boolean) =>
  r.attachments.map((a, n) => ({ n, name: a.name, mime: a.mime, size: a.size, url: publicUrl ? `/api/v1/public/policies/${r.id}/attachments/${n}` : `/api/v1/portal/policies/${r.id}/attachments/${n}` }));

export function presentPolicy(p: Principal | null, r: PolicyRow, publicUrl = true) {
  return { id: r.id, title: r.title, category: r.category, issuer: r.issuer, docNumber: r.docNumber, issuedOn: r.issuedOn, body: r.body, attachments: attachmentsOf(r, publicUrl), ...editorial(p, r) };
}

/** A list entry: the first 160 characters of the text instead of the whole body. */
export function presentPolicyListItem(p: Principal | null, r: PolicyRow, publicUrl = true) {
  const { body, ...rest } = presentPolicy(p, r, publicUrl);
  const flat = body.replace(/\s+/g, ' ').trim();
  return { ...rest, excerpt: flat.length > 160 ? `${flat.slice(0, 160)}…` : flat };
}

export function presentDemoUnit(p: Principal | null, r: DemoUnitRow) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    provinceCode: r.provinceCode,
    provinceName: provinceName(r.provinceCode),
    city: r.city,
    field: r.field,
    year: r.year,
    description: r.description,
    enterpriseId: r.enterpriseId,
    ...editorial(p, r),
  };
}

export function presentTestingOrg(p: Principal | null, r: TestingOrgRow) {
  return { id: r.id, name: r.name, accreditationNo: r.accreditationNo, scope: r.scope, scopeFields: r.scopeFields as RemanField[], provinceCode: r.provinceCode, provinceName: provinceName(r.provinceCode), website: r.website, ...editorial(p, r) };
}

export const presentProvinceCounts = (rows: { provinceCode: string; count: number }[]) => ({
  items: rows.map((r) => ({ provinceCode: r.provinceCode, provinceName: provinceName(r.provinceCode), count: r.count })),
  total: rows.reduce((s, r) => s + r.count, 0),
});
