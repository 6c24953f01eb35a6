import { z } from 'zod';
import { DEMO_UNIT_KIND_VALUES, POLICY_CATEGORY_VALUES, PUBLICATION_STATE_VALUES, STANDARD_STATUS_VALUES, STANDARD_TYPE_VALUES } from '../../../domain/portal/content.js';
import { findProvince } from '../../../domain/regions.js';
import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { bi, isoDate } from '../../platform/validation.js';

/** A province-level region code (GB/T 2260, `xx0000`). */
export const ProvinceCode = z
  .string()
  .trim()
  .refine((v) => /^\d{2}0000$/.test(v) && findProvince(v) !== undefined, bi('Must be a province code such as 440000', '须为省级行政区划代码，如 440000'));
const Text = (max: number) => z.string().trim().max(max);
const Q = z.string().trim().max(100).optional();

// ---------------------------------------------------------------- inputs (MIIT)

export const StandardInput = z.object({
  code: z.string().trim().min(3).max(60),
  title: z.string().trim().min(2).max(300),
  titleEn: Text(300).nullable().optional(),
  type: z.enum(STANDARD_TYPE_VALUES),
  status: z.enum(STANDARD_STATUS_VALUES),
  issuedOn: isoDate.nullable().optional(),
  effectiveOn: isoDate.nullable().optional(),
  abolishedOn: isoDate.nullable().optional(),
  replacedBy: Text(60).nullable().optional(),
  drafters: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  summary: Text(4000).default(''),
  /** false: the details were not checked against the published text (seeded or entered from secondary sources) */
  verified: z.boolean().default(false),
});
export const PolicyInput = z.object({
  title: z.string().trim().min(2).max(300),
  category: z.enum(POLICY_CATEGORY_VALUES),
  issuer: Text(200).default(''),
  docNumber: Text(100).nullable().optional(),
  issuedOn: isoDate,
  body: Text(200_000).default(''),
});
export const DemoUnitInput = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(DEMO_UNIT_KIND_VALUES),
  provinceCode: ProvinceCode,
  city: Text(100).default(''),
  field: Text(100).default(''),
  year: z.number().int().min(2000).max(2100),
  description: Text(4000).default(''),
  enterpriseId: z.uuid().nullable().optional(),
});
export const TestingOrgInput = z.object({
  name: z.string().trim().min(2).max(200),
  accreditationNo: z.string().trim().min(2).max(60),
  scope: Text(4000).default(''),
  /** the 规范条件 一(一) fields the accreditation covers: its users issue reports on products of these fields only */
  scopeFields: z.array(z.enum(REMAN_FIELD_VALUES)).max(REMAN_FIELD_VALUES.length).default([]),
  provinceCode: ProvinceCode,
  website: Text(200).nullable().optional(),
});
export type StandardInput = z.infer<typeof StandardInput>;
export type PolicyInput = z.infer<typeof PolicyInput>;
export type DemoUnitInput = z.infer<typeof DemoUnitInput>;
export type TestingOrgInput = z.infer<typeof TestingOrgInput>;

/** PATCH bodies: any subset, at least one field (defaults are not applied to a patch). */
const patchOf = <T extends z.ZodObject>(s: T) => s.partial().refine((b) => Object.keys(b).length > 0, bi('Nothing to change', '没有要修改的字段'));
export const StandardPatch = patchOf(z.object({ ...StandardInput.shape, drafters: StandardInput.shape.drafters.removeDefault(), summary: Text(4000), verified: z.boolean() }));
export const PolicyPatch = patchOf(z.object({ ...PolicyInput.shape, issuer: Text(200), body: Text(200_000) }));
export const DemoUnitPatch = patchOf(z.object({ ...DemoUnitInput.shape, city: Text(100), field: Text(100), description: Text(4000) }));
export const TestingOrgPatch = patchOf(z.object({ ...TestingOrgInput.shape, scope: Text(4000), scopeFields: TestingOrgInput.shape.scopeFields.removeDefault() }));

export const IdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const AttachmentParams = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')), n: z.coerce.number().int().min(0).max(99) });

// ---------------------------------------------------------------- queries

export const AdminQuery = PageQuery.extend({ q: Q, state: z.enum(PUBLICATION_STATE_VALUES).optional() });
export const StandardQuery = PageQuery.extend({ q: Q, status: z.enum(STANDARD_STATUS_VALUES).optional(), type: z.enum(STANDARD_TYPE_VALUES).optional() });
export const PolicyQuery = PageQuery.extend({ q: Q, category: z.enum(POLICY_CATEGORY_VALUES).optional() });
export const DemoUnitQuery = PageQuery.extend({
  q: Q,
  kind: z.enum(DEMO_UNIT_KIND_VALUES).optional(),
  province: ProvinceCode.optional(),
  field: Text(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const TestingOrgQuery = PageQuery.extend({ q: Q, province: ProvinceCode.optional() });

// ---------------------------------------------------------------- answers

const Editorial = {
  state: z.enum(PUBLICATION_STATE_VALUES),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
};
/** What the caller may do with the item (portal.policy.ts), for the web's buttons. */
const Actions = { actions: z.array(z.string()) };

export const StandardSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  type: z.enum(STANDARD_TYPE_VALUES),
  status: z.enum(STANDARD_STATUS_VALUES),
  issuedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  abolishedOn: z.string().nullable(),
  replacedBy: z.string().nullable(),
  /** the replacing standard's id when it is in the library and published */
  replacedById: z.string().nullable(),
  drafters: z.array(z.string()),
  summary: z.string(),
  verified: z.boolean(),
  ...Editorial,
  ...Actions,
});
/** Who declares a standard (issue 14): catalogue models, traced products and announced enterprises naming it. */
export const StandardDeclarationSchema = z.object({
  kind: z.enum(['catalogue', 'product', 'enterprise']),
  enterprise: z.object({ id: z.string(), name: z.string() }),
  productName: z.string().nullable(),
  model: z.string().nullable(),
  units: z.number().nullable(),
  listedNo: z.string().nullable(),
  declaredAs: z.string(),
  url: z.string().nullable(),
});
export const StandardDeclarationPage = pageOf(StandardDeclarationSchema).extend({
  code: z.string(),
  counts: z.object({ catalogue: z.number(), product: z.number(), enterprise: z.number() }),
  /** distinct enterprises over all pages */
  enterprises: z.number(),
});
export const AttachmentSchema = z.object({ n: z.number(), name: z.string(), mime: z.string(), size: z.number(), url: z.string() });
export const PolicySchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(POLICY_CATEGORY_VALUES),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  issuedOn: z.string(),
  body: z.string(),
  attachments: z.array(AttachmentSchema),
  ...Editorial,
  ...Actions,
});
export const DemoUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(DEMO_UNIT_KIND_VALUES),
  provinceCode: z.string(),
  provinceName: z.string(),
  city: z.string(),
  field: z.string(),
  year: z.number(),
  description: z.string(),
  enterpriseId: z.string().nullable(),
  ...Editorial,
  ...Actions,
});
export const TestingOrgSchema = z.object({
  id: z.string(),
  name: z.string(),
  accreditationNo: z.string(),
  scope: z.string(),
  scopeFields: z.array(z.enum(REMAN_FIELD_VALUES)),
  provinceCode: z.string(),
  provinceName: z.string(),
  website: z.string().nullable(),
  ...Editorial,
  ...Actions,
});
export const StandardPage = pageOf(StandardSchema);
export const PolicyAdminPage = pageOf(PolicySchema);
export const PolicyPage = pageOf(PolicySchema.omit({ body: true }).extend({ excerpt: z.string() }));
export const DemoUnitPage = pageOf(DemoUnitSchema);
export const TestingOrgPage = pageOf(TestingOrgSchema);
export const ProvinceCounts = z.object({ items: z.array(z.object({ provinceCode: z.string(), provinceName: z.string(), count: z.number() })), total: z.number() });
/** The audit trail of one item (MIIT's editing screens): who did what when, newest first. */
export const HistoryPage = z.object({
  items: z.array(z.object({ id: z.number(), at: z.string(), action: z.string(), actorUsername: z.string().nullable(), actorRole: z.string().nullable() })),
  total: z.number(),
});
