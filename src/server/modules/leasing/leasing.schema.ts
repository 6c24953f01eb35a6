import { z } from 'zod';
import { LEASE_KIND_VALUES, LEASE_STATUS_VALUES, RENT_STATUS_VALUES, RETURN_DISPOSITION_VALUES } from '../../../domain/trading/lease.js';
import { CONDITION_GRADES } from '../../../domain/trading/trade-in.js';
import { PageQuery } from '../../platform/paging.js';
import { bi } from '../../platform/validation.js';

const MAX = 100_000_000;
const Money = (max = MAX, min: 'positive' | 'zero' = 'positive') =>
  (min === 'positive' ? z.number(bi('Must be a number', '须为数字')).positive(bi('Must be greater than 0', '须大于 0')) : z.number(bi('Must be a number', '须为数字')).min(0, bi('Must not be negative', '不能为负')))
    .max(max, bi(`At most ${max} CNY`, `不能超过 ${max} 元`))
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, bi('At most two decimals (fen)', '最多两位小数（分）'));
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('A date YYYY-MM-DD', '须为日期 YYYY-MM-DD'));
const Hours = z.number(bi('Must be a number', '须为数字')).min(0, bi('Must not be negative', '不能为负')).max(10_000_000, bi('At most 10,000,000 hours', '不能超过 10,000,000 小时'));

export const CreateLeaseBody = z
  .object({
    productCode: z.string().trim().min(3, bi('A product code', '须为产品编码')).max(500),
    /** the lessee: a registered buyer organisation, by its unified social credit code */
    lesseeCreditCode: z.string().trim().length(18, bi('18 characters', '须为 18 位统一社会信用代码')),
    kind: z.enum(LEASE_KIND_VALUES, bi('operating or finance', '须为 operating（经营租赁）或 finance（融资租赁）')),
    /** finance lease: the leasing company (a registered organisation) that finances it */
    financierCreditCode: z.string().trim().length(18, bi('18 characters', '须为 18 位统一社会信用代码')).optional(),
    startOn: IsoDate.optional(),
    months: z.number(bi('Must be a number', '须为数字')).int(bi('Whole months', '须为整月')).min(1, bi('At least 1 month', '至少 1 个月')).max(120, bi('At most 120 months', '不能超过 120 个月')),
    depositCny: Money(MAX, 'zero'),
    billing: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('fixed'), monthlyRentCny: Money() }),
      z.object({ mode: z.literal('usage'), ratePerHourCny: Money(1_000_000), minimumMonthlyCny: Money(MAX, 'zero'), startHours: Hours.optional() }),
    ]),
    /** 以租代购: the purchase price the rents accrue toward; ownership transfers on the last payment */
    purchasePriceCny: Money().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'finance' && !v.financierCreditCode) ctx.addIssue({ code: 'custom', path: ['financierCreditCode'], ...bi('A finance lease names its leasing company', '融资租赁须填写融资租赁公司的统一社会信用代码') });
    if (v.kind === 'operating' && v.financierCreditCode) ctx.addIssue({ code: 'custom', path: ['financierCreditCode'], ...bi('Only a finance lease names a leasing company', '经营租赁不填写融资租赁公司') });
  });
export type CreateLeaseInput = z.infer<typeof CreateLeaseBody>;

export const LeaseIdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const RentParam = LeaseIdParam.extend({ seq: z.coerce.number().int().min(1).max(120) });
export const BillBody = z.object({ readingHours: Hours.optional() }).default({});
export const PayRentBody = z.object({ reference: z.string().trim().max(100).optional() }).default({});
export const TerminateBody = z.object({ reason: z.string().trim().min(1, bi('Must not be empty', '不能为空')).max(1000) });
export const ReturnBody = z.object({ disposition: z.enum(RETURN_DISPOSITION_VALUES, bi('relet or core_intake', '须为 relet（再出租）或 core_intake（作为旧件回收）')), grade: z.enum(CONDITION_GRADES).optional(), note: z.string().trim().max(500).optional() });
export const LeaseListQuery = PageQuery.extend({ status: z.enum(LEASE_STATUS_VALUES).optional() });

const Label = z.object({ zh: z.string(), en: z.string() });
export const RentSchema = z.object({
  seq: z.number(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueOn: z.string(),
  /** null: a usage rent not yet billed */
  amountCny: z.number().nullable(),
  /** the last rent of a 以租代购 lease carries the rest of the purchase price */
  purchaseBalanceCny: z.number(),
  readingHours: z.number().nullable(),
  hours: z.number().nullable(),
  readingSource: z.enum(['monitoring', 'declared']).nullable(),
  status: z.enum(RENT_STATUS_VALUES),
  overdue: z.boolean(),
  paidCny: z.number().nullable(),
  paidReference: z.string().nullable(),
  paidAt: z.string().nullable(),
});
export const LeaseSchema = z
  .object({
    id: z.string(),
    status: z.enum(LEASE_STATUS_VALUES),
    statusLabel: Label,
    kind: z.enum(LEASE_KIND_VALUES),
    product: z.object({ code: z.string(), name: z.string(), model: z.string().nullable() }),
    lessor: z.object({ id: z.string(), name: z.string() }),
    lessee: z.object({ id: z.string(), name: z.string() }),
    financier: z.object({ id: z.string(), name: z.string() }).nullable(),
    startOn: z.string(),
    endOn: z.string(),
    months: z.number(),
    depositCny: z.number(),
    billing: z.enum(['fixed', 'usage']),
    monthlyRentCny: z.number().nullable(),
    ratePerHourCny: z.number().nullable(),
    minimumMonthlyCny: z.number().nullable(),
    startHours: z.number(),
    startHoursSource: z.enum(['monitoring', 'declared']),
    purchasePriceCny: z.number().nullable(),
    rentsPaidCny: z.number(),
    /** 以租代购: what is still owed toward the purchase price */
    purchaseBalanceCny: z.number().nullable(),
    overdueRents: z.number(),
    terminateReason: z.string().nullable(),
    returnDisposition: z.enum(RETURN_DISPOSITION_VALUES).nullable(),
    coreEpc: z.string().nullable(),
    createdAt: z.string(),
    rents: z.array(RentSchema),
    actions: z.array(z.string()),
  })
  .meta({ id: 'Lease' });
