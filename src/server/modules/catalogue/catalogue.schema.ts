import { z } from 'zod';
import { CATALOGUE_STATE_VALUES } from '../../../domain/catalogue/workflow.js';
import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { bi, isoDate } from '../../platform/validation.js';

const Text = (max: number) => z.string().trim().max(max);
const uuid = z.uuid(bi('Must be a UUID', '必须是 UUID'));

export const TestReportInput = z.object({
  /** an organisation of the portal's directory of testing organisations (published) */
  testingOrgId: uuid,
  reportNo: z.string().trim().min(2).max(100),
  issuedOn: isoDate,
  /** cite a report attached to one of the enterprise's products (same organisation and number): its file is taken over */
  productReportId: uuid.optional(),
});
export const CatalogueInput = z.object({
  productName: z.string().trim().min(2).max(200),
  model: z.string().trim().min(1).max(100),
  field: z.enum(REMAN_FIELD_VALUES),
  specifications: Text(8000).default(''),
  /** the product standard the model meets: a standard of the library (published) */
  standardCode: z.string().trim().min(3).max(60),
  testReports: z.array(TestReportInput).max(20).default([]),
  /** a product code of one unit of this model in the enterprise's trace records: its 再制造率 is taken from there */
  sampleProductCode: Text(120).nullable().optional(),
});
export type CatalogueInput = z.infer<typeof CatalogueInput>;
export const CataloguePatch = z
  .object({ ...CatalogueInput.shape, specifications: Text(8000), testReports: z.array(TestReportInput).max(20) })
  .partial()
  .refine((b) => Object.keys(b).length > 0, bi('Nothing to change', '没有要修改的字段'));
export type CataloguePatch = z.infer<typeof CataloguePatch>;

export const IdParam = z.object({ id: uuid });
/** A reason (return, reject, objection) or the provincial opinion (forward). */
export const TextBody = z.object({ text: z.string().trim().min(2).max(4000) });
export const NoticeBody = z.object({ startOn: isoDate.optional(), workingDays: z.number().int().min(5).max(30).optional() });
export const BatchInput = z.object({
  title: z.string().trim().min(2).max(300).optional(),
  applicationIds: z.array(uuid).min(1).max(500).refine((a) => new Set(a).size === a.length, bi('Duplicate ids', '申请编号重复')),
});

export const ListQuery = PageQuery.extend({ state: z.enum(CATALOGUE_STATE_VALUES).optional(), q: Text(100).optional() });
export const PublicQuery = PageQuery.extend({ q: Text(100).optional(), field: z.enum(REMAN_FIELD_VALUES).optional(), batch: z.coerce.number().int().min(1).max(10_000).optional() });
export const BadgeQuery = z.object({
  codes: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .transform((s) => [...new Set(s.split(',').map((c) => c.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(120)).min(1).max(100)),
});

export const ReportParams = z.object({ id: uuid, n: z.coerce.number().int().min(0).max(19) });
/** the uploaded report file (null until uploaded); `url` downloads it for whoever got this answer */
const ReportFile = z.object({ name: z.string(), mime: z.string(), size: z.number(), url: z.string() }).nullable();
const Report = z.object({ testingOrgId: z.string(), orgName: z.string(), accreditationNo: z.string(), reportNo: z.string(), issuedOn: z.string(), file: ReportFile });
export const ApplicationSchema = z.object({
  id: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string() }),
  authorityId: z.string(),
  state: z.enum(CATALOGUE_STATE_VALUES),
  stateLabel: z.string(),
  productName: z.string(),
  model: z.string(),
  field: z.string(),
  specifications: z.string(),
  standardCode: z.string(),
  testReports: z.array(Report),
  sampleProductCode: z.string().nullable(),
  /** 再制造率 (percent) from the trace records of the sample unit, by mass and by value */
  massRate: z.number().nullable(),
  valueRate: z.number().nullable(),
  rateFormula: z.string().nullable(),
  provincialOpinion: z.string().nullable(),
  reason: z.string().nullable(),
  notice: z.object({ startOn: z.string(), endOn: z.string() }).nullable(),
  listedNo: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
});
export const ApplicationPage = pageOf(ApplicationSchema);
export const BatchSchema = z.object({ id: z.string(), batchNo: z.number(), title: z.string(), publishedOn: z.string(), models: z.number() });
export const BatchList = z.object({ items: z.array(BatchSchema) });

export const PublicModelSchema = z.object({
  id: z.string(),
  listedNo: z.string().nullable(),
  batchNo: z.number().nullable(),
  batchTitle: z.string().nullable(),
  publishedOn: z.string().nullable(),
  enterpriseName: z.string(),
  productName: z.string(),
  model: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  specifications: z.string(),
  standardCode: z.string(),
  massRate: z.number().nullable(),
  valueRate: z.number().nullable(),
  testReports: z.array(Report.omit({ testingOrgId: true })),
  /** the 公示 window, for models in notice */
  notice: z.object({ startOn: z.string(), endOn: z.string() }).nullable(),
});
export const PublicPage = pageOf(PublicModelSchema);
/** `text`/`textEn`: the badge's words (再制造产品目录 第N批), the same as on the printed label */
export const BadgeAnswer = z.object({ items: z.array(z.object({ code: z.string(), listedNo: z.string(), batchNo: z.number(), text: z.string(), textEn: z.string(), url: z.string() })) });

// ---- test reports on traced products (product-reports.ts)
export const ProductReportInput = z.object({
  /** the product code of a unit of the enterprise's trace records */
  productCode: Text(120).min(4),
  /** true: the report covers every unit of the product's model (of this enterprise), not only this unit */
  wholeModel: z.boolean().default(false),
  /** the organisation of the directory that issued it (an enterprise's upload); a testing organisation's user: its own */
  testingOrgId: uuid.optional(),
  /** 规范条件 一(一) field of the product: required of a testing organisation's user, within its accredited fields */
  field: z.enum(REMAN_FIELD_VALUES).optional(),
  reportNo: z.string().trim().min(2).max(100),
  issuedOn: isoDate,
  conclusion: Text(500).optional(),
});
export const ProductReportSchema = z.object({
  id: z.string(),
  productCode: z.string().nullable(),
  model: z.string(),
  wholeModel: z.boolean(),
  testingOrgId: z.string(),
  orgName: z.string(),
  accreditationNo: z.string(),
  reportNo: z.string(),
  issuedOn: z.string(),
  conclusion: z.string(),
  file: ReportFile,
  withdrawn: z.boolean(),
  /** true: issued by the testing organisation itself (its own account), not uploaded by the enterprise */
  issuedByOrg: z.boolean(),
  field: z.enum(REMAN_FIELD_VALUES).nullable(),
});
/** `actions`: what the caller may do now — `upload` (the file, again) and `withdraw`, while the report is not withdrawn */
export const IssuedReportPage = pageOf(ProductReportSchema.extend({ enterpriseName: z.string(), actions: z.array(z.enum(['upload', 'withdraw'])) }));
/** The enterprise's reports: its own uploads and those organisations issued on its products */
export const EnterpriseReportPage = pageOf(ProductReportSchema.extend({ actions: z.array(z.enum(['upload', 'withdraw'])) }));
export const EnterpriseReportQuery = PageQuery.extend({
  /** words of a product code, model or report number */
  q: Text(100).optional(),
  /** `true`: only reports a catalogue application may cite (not withdrawn, with a file) */
  citable: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export const ProductReportList = z.object({ items: z.array(ProductReportSchema) });
export const ProductCodeQuery = z.object({ productCode: Text(120).min(4) });
export const ProductCodeParam = z.object({ code: Text(120).min(4) });
