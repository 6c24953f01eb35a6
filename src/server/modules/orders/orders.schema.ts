import { z } from 'zod';
import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { MAX_PRICE_CNY } from '../../../domain/trading/listing.js';
import { ORDER_STATUS_VALUES, PAYMENT_STATUS_VALUES, PAYMENT_TERMS_VALUES } from '../../../domain/trading/order.js';
import { CONDITION_GRADES, TRADE_IN_STATUS_VALUES } from '../../../domain/trading/trade-in.js';
import { PageQuery } from '../../platform/paging.js';
import { bi } from '../../platform/validation.js';

export const MAX_ORDER_QUANTITY = 200;

const Money = (max = MAX_PRICE_CNY) =>
  z
    .number(bi('Must be a number', '须为数字'))
    .positive(bi('Must be greater than 0', '须大于 0'))
    .max(max, bi(`At most ${max} CNY`, `不能超过 ${max} 元`))
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, bi('At most two decimals (fen)', '最多两位小数（分）'));
const Text = (max: number) => z.string().trim().min(1, bi('Must not be empty', '不能为空')).max(max, bi(`At most ${max} characters`, `不能超过 ${max} 个字`));
const Grade = z.enum(CONDITION_GRADES, bi('Must be A, B, C or D', '须为 A、B、C 或 D'));

/** The old unit offered for 以旧换再: what the buyer declares (a platform code lets its record inform the grade). */
export const TradeInInput = z.object({
  model: Text(100),
  ageYears: z.number(bi('Must be a number', '须为数字')).min(0, bi('Must not be negative', '不能为负')).max(100, bi('At most 100 years', '不能超过 100 年')),
  runningHours: z.number(bi('Must be a number', '须为数字')).int(bi('Whole hours', '须为整数小时')).min(0, bi('Must not be negative', '不能为负')).max(1_000_000, bi('At most 1,000,000 hours', '不能超过 1,000,000 小时')),
  condition: Grade,
  productCode: z.string().trim().min(3).max(500).optional(),
  field: z.enum(REMAN_FIELD_VALUES).optional(),
});
export type TradeInInput = z.infer<typeof TradeInInput>;

export const CreateOrderBody = z.object({
  listingId: z.uuid(bi('Must be a UUID', '必须是 UUID')),
  quantity: z.number(bi('Must be a number', '须为数字')).int(bi('Must be a whole number', '须为整数')).min(1, bi('At least 1', '至少 1 件')).max(MAX_ORDER_QUANTITY, bi(`At most ${MAX_ORDER_QUANTITY}`, `不能超过 ${MAX_ORDER_QUANTITY} 件`)).default(1),
  /** true: an inquiry (询价) the seller answers with a quotation; false (default): an order at the listed price */
  inquiry: z.boolean().default(false),
  message: z.string().trim().max(1000).optional(),
  tradeIn: TradeInInput.optional(),
});
export type CreateOrderInput = z.infer<typeof CreateOrderBody>;

export const QuoteBody = z.object({ unitPriceCny: Money(), paymentTerms: z.enum(PAYMENT_TERMS_VALUES).optional(), note: z.string().trim().max(1000).optional() });
export const ConfirmBody = z.object({ paymentTerms: z.enum(PAYMENT_TERMS_VALUES).optional() }).default({});
export const DeliverBody = z.object({ invoiceNumber: z.string().trim().min(1).max(50).optional(), note: z.string().trim().max(500).optional() }).default({});
export const ReasonBody = z.object({ reason: Text(1000) });
export const OptionalReasonBody = z.object({ reason: z.string().trim().max(1000).optional() }).default({});
export const ResolveBody = z.object({ resolution: Text(1000) });
export const InvoiceBody = z.object({ invoiceNumber: z.string().trim().regex(/^[0-9A-Za-z-]{6,50}$/, bi('6–50 letters, digits or hyphens', '须为 6–50 位字母、数字或连字符')) });
/** multipart fields of a payment (the voucher is the file part) */
export const PaymentBody = z.object({
  amountCny: z.coerce.number(bi('Must be a number', '须为数字')).pipe(Money(10_000_000_000)),
  reference: z.string().trim().max(100).optional(),
  note: z.string().trim().max(500).optional(),
});
export const PaymentDecisionBody = z.object({ note: z.string().trim().max(500).optional() }).default({});
export const ShipCoreBody = z.object({ trackingNo: z.string().trim().max(100).optional() }).default({});
export const ReceiveCoreBody = z.object({ grade: Grade, note: z.string().trim().max(500).optional() });

export const OrderIdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const PaymentParam = OrderIdParam.extend({ pid: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const OrderListQuery = PageQuery.extend({ status: z.enum(ORDER_STATUS_VALUES).optional() });

export const RuleBody = z.object({
  baseValueCny: Money(),
  depreciationPerYear: z.number().min(0).max(0.99, bi('Below 1 (a share per year)', '须小于 1（每年折旧比例）')),
  floorShare: z.number().min(0).max(1),
  hoursPerYear: z.number().int().min(1).max(8784),
  coreDepositCny: z.number().min(0).max(MAX_PRICE_CNY),
  returnDays: z.number().int().min(1).max(365),
});
export const RuleParam = z.object({ scope: z.enum(['model', 'field']), key: z.string().trim().min(1).max(100) });
export const RuleSchema = RuleBody.extend({ scope: z.enum(['model', 'field']), key: z.string(), updatedAt: z.string() }).meta({ id: 'TradeInRule' });

export const EstimateBody = TradeInInput.extend({ listingId: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const EstimateSchema = z
  .object({
    model: z.string(),
    grade: Grade,
    declaredGrade: Grade,
    ruleSource: z.enum(['model', 'field', 'platform']),
    creditCny: z.number(),
    coreDepositCny: z.number(),
    returnDays: z.number(),
    effectiveAgeYears: z.number(),
    ageFactor: z.number(),
    gradeFactor: z.number(),
    /** the old unit's record on the platform, when a code was given */
    record: z.object({ code: z.string(), life: z.number(), status: z.string(), runningHours: z.number().nullable() }).nullable(),
  })
  .meta({ id: 'TradeInEstimate' });

const TradeInSchema = z.object({
  model: z.string(),
  ageYears: z.number(),
  runningHours: z.number(),
  declaredGrade: Grade,
  grade: Grade,
  productCode: z.string().nullable(),
  ruleSource: z.enum(['model', 'field', 'platform']),
  creditCny: z.number(),
  depositCny: z.number(),
  returnDays: z.number(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(TRADE_IN_STATUS_VALUES),
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  trackingNo: z.string().nullable(),
  coreEpc: z.string().nullable(),
  finalGrade: Grade.nullable(),
  finalValueCny: z.number().nullable(),
  /** settlement: > 0 the seller refunds, < 0 the buyer pays the difference */
  refundCny: z.number().nullable(),
  settledAt: z.string().nullable(),
});

export const PaymentSchema = z.object({
  id: z.string(),
  provider: z.string(),
  amountCny: z.number(),
  reference: z.string().nullable(),
  hasVoucher: z.boolean(),
  status: z.enum(['submitted', 'confirmed', 'rejected']),
  note: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const OrderSchema = z
  .object({
    id: z.string(),
    status: z.enum(ORDER_STATUS_VALUES),
    statusLabel: z.object({ zh: z.string(), en: z.string() }),
    paymentStatus: z.enum(PAYMENT_STATUS_VALUES),
    paymentTerms: z.enum(PAYMENT_TERMS_VALUES),
    listing: z.object({ id: z.string(), title: z.string(), productName: z.string(), model: z.string().nullable() }),
    seller: z.object({ id: z.string(), name: z.string() }),
    buyer: z.object({ id: z.string(), name: z.string() }),
    quantity: z.number(),
    unitPriceCny: z.number(),
    totalCny: z.number(),
    creditCny: z.number(),
    depositCny: z.number(),
    /** what the buyer pays: goods − trade-in credit + core deposit */
    payableCny: z.number(),
    paidCny: z.number(),
    message: z.string().nullable(),
    quoteNote: z.string().nullable(),
    invoiceNumber: z.string().nullable(),
    disputeReason: z.string().nullable(),
    resolution: z.string().nullable(),
    cancelReason: z.string().nullable(),
    /** the units reserved for (confirmed) or sold by (delivered) this order */
    units: z.array(z.string()),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    tradeIn: TradeInSchema.nullable(),
    payments: z.array(PaymentSchema),
    actions: z.array(z.string()),
  })
  .meta({ id: 'Order' });
