import { z } from 'zod';
import { REPORT_FIELD_VALUES, REPORT_STATE_VALUES } from '../../../domain/annual-report/index.js';
import { bi, isoDate } from '../../platform/validation.js';

/** Zod for the 年度报告 (附2): validation, types and OpenAPI at once. Every part optional in a draft. */
const text = (max: number) => z.string().trim().max(max, bi(`At most ${max} characters`, `最多 ${max} 个字符`));
const count = z.number().int(bi('A whole number', '须为整数')).min(0, bi('Must be ≥ 0', '不能为负数')).max(1_000_000_000).nullable().optional();

const RecoveryRow = z.object({ name: text(200).optional(), model: text(100).optional(), source: text(200).optional(), count });
const RemanRow = z.object({ name: text(200).optional(), model: text(100).optional(), field: z.enum(REPORT_FIELD_VALUES).optional(), count });
const SalesRow = z.object({ name: text(200).optional(), model: text(100).optional(), buyer: text(200).optional(), count });
const section = <T extends z.ZodTypeAny>(row: T) => z.object({ total: count, rows: z.array(row).max(5000).optional() });

export const ReportFormSchema = z
  .object({
    cover: z
      .object({
        enterpriseName: text(200).optional(),
        address: text(300).optional(),
        contactName: text(50).optional(),
        contactTitle: text(50).optional(),
        mobile: text(30).optional(),
        fax: text(30).optional(),
        officePhone: text(30).optional(),
        email: text(100).optional(),
        compiledOn: isoDate.optional(),
      })
      .optional(),
    outline: z.object({ s1_compliance: text(20000).optional(), s2_operations: text(20000).optional(), s3_capability: text(20000).optional() }).optional(),
    /** 附2 提纲 二、生产经营情况: 本年度再制造产值（万元） */
    operations: z.object({ outputValue: z.number().min(0, bi('Must be ≥ 0', '不能为负数')).max(1e10).nullable().optional() }).optional(),
    table21: z
      .object({ e1: text(10000).optional(), e2: text(10000).optional(), e3: text(10000).optional(), e4: text(10000).optional(), e5: text(10000).optional(), e6: text(10000).optional(), e7: text(10000).optional() })
      .optional(),
    /** 表2-3 and facts per announced site (a part without siteId is matched to the report's site by position) */
    sites: z
      .array(
        z.object({
          siteId: z.string().trim().max(64).default(''),
          siteName: text(200).optional(),
          table23: z.object({ recovery: section(RecoveryRow).optional(), reman: section(RemanRow).optional(), sales: section(SalesRow).optional() }).optional(),
          facts: text(10000).optional(),
          /** 本厂区再制造产值（万元）, optional: this site's share of operations.outputValue (statistics by region and field) */
          outputValue: z.number().min(0, bi('Must be ≥ 0', '不能为负数')).max(1e10).nullable().optional(),
        }),
      )
      .max(100)
      .optional(),
    /** 三(三)/三(四) figures (optional; domain/annual-report/form.ts ReportFigures) */
    figures: z
      .object({ employees: count, collegeEducated: count, rdStaff: count, rdSpending: z.number().min(0).max(1e9).nullable().optional(), previousYearRevenue: z.number().min(0).max(1e10).nullable().optional() })
      .optional(),
  })
  .meta({ id: 'AnnualReportForm' });

export const ReportIdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const JobParams = z.object({ id: z.uuid(), jobId: z.uuid() });
export const YearQuery = z.object({ year: z.coerce.number().int().min(2024).max(2200).optional() });
/** the site part of a 表2-3 template or upload (default: the report's first site) */
export const SitePartQuery = z.object({ siteId: z.uuid().optional() });
export const ListQuery = YearQuery.extend({
  state: z.enum([...REPORT_STATE_VALUES, 'not_started']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
/** One report per enterprise and year (its parts: every announced site that owes it); siteId is accepted and ignored (before: per site). */
export const CreateBody = z.object({ year: z.number().int().min(2024).max(2200), siteId: z.uuid().optional() });
export const ReasonBody = z.object({ reason: z.string().trim().min(2, bi('At least 2 characters', '至少 2 个字')).max(2000) });
export const OpinionBody = z.object({ opinion: z.string().trim().min(2, bi('At least 2 characters', '至少 2 个字')).max(4000) });
export const ForwardBody = z.object({ year: z.number().int().min(2024).max(2200), note: z.string().trim().max(4000).optional() });

const Totals = z.object({ recovered: z.number().nullable(), remanufactured: z.number().nullable(), sold: z.number().nullable() });

export const OwedSchema = z
  .object({
    reportId: z.string().nullable(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    sites: z.array(z.object({ siteId: z.string(), siteName: z.string(), regionName: z.string(), authorityId: z.string() })),
    regionCode: z.string(),
    regionName: z.string(),
    authorityId: z.string(),
    year: z.number(),
    announcedOn: z.string(),
    state: z.string(),
    open: z.boolean(),
    overdue: z.boolean(),
    late: z.boolean(),
    dueOn: z.string(),
    submittedOn: z.string().nullable(),
    totals: Totals,
  })
  .meta({ id: 'AnnualReportOwed' });

export const IssueSchema = z.object({ field: z.string(), message: z.string(), messageEn: z.string() });

export const ReportDetailSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    /** the parts the caller sees: every site, or a reading authority's own sites */
    sites: z.array(z.object({ siteId: z.string(), siteName: z.string(), authorityId: z.string() })),
    year: z.number(),
    state: z.string(),
    opensOn: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    late: z.boolean(),
    submittedAt: z.string().nullable(),
    submittedOn: z.string().nullable(),
    /** when the report was last written (any save, upload or step): the editor sends it back as `baseUpdatedAt` */
    updatedAt: z.string(),
    returnReason: z.string().nullable(),
    auditOpinion: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    forwardedAt: z.string().nullable(),
    /** 附2 三: MIIT's 核查 opinion and, when needed, the on-site inspection it scheduled */
    ministryOpinion: z.string().nullable(),
    ministryReviewedAt: z.string().nullable(),
    onsiteInspection: z.object({ date: z.string(), note: z.string() }).nullable(),
    form: ReportFormSchema,
    missing: z.array(IssueSchema),
    /** the caller is the authority of another site's region: it reads the enterprise-level parts and its own sites' parts (totals: theirs) */
    partsOnly: z.boolean(),
    totals: Totals,
    can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), ministryReview: z.boolean() }),
  })
  .meta({ id: 'AnnualReport' });

export const CellErrorSchema = z.object({ sheet: z.string(), row: z.number(), column: z.string(), reason: z.string(), reasonEn: z.string() });
export const ImportJobSchema = z
  .object({ id: z.string(), reportId: z.string(), status: z.enum(['running', 'done', 'failed']), processed: z.number(), total: z.number(), errors: z.array(CellErrorSchema) })
  .meta({ id: 'AnnualReportImportJob' });

/** 附2 三: MIIT's 核查 of a forwarded report; `onsiteInspection` schedules a 现场审查. */
export const MinistryReviewBody = z.object({
  opinion: z.string().trim().min(2, bi('Give the opinion', '请填写核查意见')).max(5000),
  onsiteInspection: z.object({ date: isoDate, note: z.string().trim().min(2, bi('Say what will be inspected', '请说明审查事项')).max(2000) }).nullable().optional(),
});
