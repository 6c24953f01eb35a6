import { z } from 'zod';
import { CLAIM_STATUS_VALUES } from '../../../domain/trading/insurance.js';
import { PageQuery } from '../../platform/paging.js';
import { bi, isoDate } from '../../platform/validation.js';

const MAX = 100_000_000;
const Money = (min: 'positive' | 'zero' = 'positive') =>
  (min === 'positive' ? z.number(bi('Must be a number', '须为数字')).positive(bi('Must be greater than 0', '须大于 0')) : z.number(bi('Must be a number', '须为数字')).min(0, bi('Must not be negative', '不能为负')))
    .max(MAX, bi(`At most ${MAX} CNY`, `不能超过 ${MAX} 元`))
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, bi('At most two decimals (fen)', '最多两位小数（分）'));

/** A policy recorded at a sale (the order) or a lease: exactly one of orderId, leaseId. */
export const RecordPolicyBody = z
  .object({
    orderId: z.uuid(bi('Must be a UUID', '必须是 UUID')).optional(),
    leaseId: z.uuid(bi('Must be a UUID', '必须是 UUID')).optional(),
    /** the insured unit (one of the order's units; a lease's own unit by default) */
    productCode: z.string().trim().min(3, bi('A product code', '须为产品编码')).max(64).optional(),
    /** the insurer: a registered organisation of kind insurer, by its unified social credit code */
    insurerCreditCode: z.string().trim().toUpperCase().length(18, bi('18 characters', '须为 18 位统一社会信用代码')),
    policyNumber: z.string().trim().min(3, bi('At least 3 characters', '至少 3 个字符')).max(64, bi('At most 64 characters', '不能超过 64 个字符')),
    /** 保险金额: the most the insurer pays over the term */
    coverCny: Money(),
    /** 保险责任: what is covered, in words */
    coverage: z.string().trim().max(1000).optional(),
    premiumCny: Money('zero'),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .superRefine((v, ctx) => {
    if (!!v.orderId === !!v.leaseId) ctx.addIssue({ code: 'custom', path: [v.orderId ? 'leaseId' : 'orderId'], ...bi('Name the sale (orderId) or the lease (leaseId), one of them', '须填写订单（orderId）或租赁合同（leaseId）之一') });
    if (v.orderId && !v.productCode) ctx.addIssue({ code: 'custom', path: ['productCode'], ...bi('Which unit of the order is insured', '须填写订单中投保的产品编码') });
  });
export type RecordPolicyInput = z.infer<typeof RecordPolicyBody>;

export const PolicyIdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const CaseIdParam = z.object({ caseId: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const CodeParam = z.object({ code: z.string().trim().min(3).max(64) });
export const PolicyListQuery = PageQuery.extend({ productCode: z.string().trim().max(64).optional() });
export const ClaimListQuery = PageQuery.extend({ status: z.enum(CLAIM_STATUS_VALUES).optional() });
export const DecideClaimBody = z.object({
  decision: z.enum(['accepted', 'rejected'], bi('accepted or rejected', '须为 accepted（赔付）或 rejected（拒赔）')),
  amountCny: Money().optional(),
  reason: z.string().trim().min(2, bi('At least 2 characters', '至少 2 个字')).max(1000),
});

export const PolicySchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    productCode: z.string(),
    productName: z.string(),
    model: z.string().nullable(),
    insurer: z.object({ id: z.string(), name: z.string() }),
    holder: z.object({ id: z.string(), name: z.string() }),
    orderId: z.string().nullable(),
    leaseId: z.string().nullable(),
    policyNumber: z.string(),
    coverCny: z.number(),
    coverage: z.string(),
    premiumCny: z.number(),
    startsOn: z.string(),
    endsOn: z.string(),
    /** the term covers today */
    active: z.boolean(),
    claims: z.number(),
    paidCny: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: 'InsurancePolicy' });

export const ClaimSchema = z
  .object({
    caseId: z.string(),
    caseNumber: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    productCode: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    openedAt: z.string(),
    warrantyUntil: z.string().nullable(),
    policy: z.object({ id: z.string(), policyNumber: z.string(), coverCny: z.number(), startsOn: z.string(), endsOn: z.string() }),
    insurer: z.object({ id: z.string(), name: z.string() }),
    status: z.enum(CLAIM_STATUS_VALUES),
    amountCny: z.number().nullable(),
    reason: z.string().nullable(),
    decidedAt: z.string().nullable(),
    /** what the caller may do now */
    actions: z.array(z.enum(['decide'])),
  })
  .meta({ id: 'InsuranceClaim' });

export const PublicInsuranceSchema = z
  .object({
    code: z.string(),
    insured: z.boolean(),
    policies: z.array(z.object({ insurerName: z.string(), policyNumber: z.string(), coverCny: z.number(), coverage: z.string(), startsOn: z.string(), endsOn: z.string(), active: z.boolean() })),
  })
  .meta({ id: 'PublicUnitInsurance' });

export const FiguresSchema = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({
        enterpriseId: z.string(),
        enterpriseName: z.string(),
        /** units whose policy covers today */
        insuredUnits: z.number(),
        policies: z.number(),
        premiumCny: z.number(),
        coverCny: z.number(),
        claims: z.number(),
        claimsPending: z.number(),
        claimsAccepted: z.number(),
        paidCny: z.number(),
      }),
    ),
  })
  .meta({ id: 'InsuranceFigures' });
