import { z } from 'zod';
import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { LISTING_STATUS_VALUES, MAX_PRICE_CNY, MAX_UNITS_PER_LISTING, MAX_WARRANTY_MONTHS, UNIT_STATUS_VALUES } from '../../../domain/trading/listing.js';
import { PageQuery } from '../../platform/paging.js';
import { bi } from '../../platform/validation.js';
import { PublicProductSchema } from '../trace/index.js';

export const Price = z
  .number(bi('Must be a number', '须为数字'))
  .positive(bi('Must be greater than 0', '须大于 0'))
  .max(MAX_PRICE_CNY, bi(`At most ${MAX_PRICE_CNY} CNY`, `不能超过 ${MAX_PRICE_CNY} 元`))
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, bi('At most two decimals (fen)', '最多两位小数（分）'));
const Code = z.string().trim().min(3).max(500);

export const CreateListingBody = z
  .object({
    productCode: Code.optional(),
    productCodes: z.array(Code).min(1).max(MAX_UNITS_PER_LISTING).optional(),
    title: z.string().trim().min(2, bi('At least 2 characters', '至少 2 个字')).max(200),
    priceCny: Price,
    warrantyMonths: z.number().int().min(0).max(MAX_WARRANTY_MONTHS).optional(),
    description: z.string().trim().max(5000).optional(),
    newReferencePriceCny: Price.optional(),
    field: z.enum(REMAN_FIELD_VALUES).optional(),
  })
  .refine((b) => (b.productCode === undefined) !== (b.productCodes === undefined), {
    ...bi('Give productCode or productCodes (one of them)', '须填写 productCode 或 productCodes（二选一）'),
    path: ['productCodes'],
  });
export type CreateListingInput = z.infer<typeof CreateListingBody>;

export const PublicListingsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  field: z.enum(REMAN_FIELD_VALUES).optional(),
  /** a province (440000) or any region code: listings of sellers within it */
  region: z
    .string()
    .trim()
    .refine((v) => /^[0-9]{6}$/.test(v), bi('Must be a 6-digit region code', '须为 6 位行政区划代码'))
    .optional(),
  minPrice: z.coerce.number().min(0).max(MAX_PRICE_CNY).optional(),
  maxPrice: z.coerce.number().min(0).max(MAX_PRICE_CNY).optional(),
  announcedOnly: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
});

export const SellerListingsQuery = PageQuery.extend({ status: z.enum(LISTING_STATUS_VALUES).optional() });

/** The seller's quality figures (issue 13 "Quality feedback"): buyers' ratings after acceptance, warranty claims. */
export const SellerQualitySchema = z.object({
  ratings: z.number().int(),
  meanUnitScore: z.number().nullable(),
  meanSellerScore: z.number().nullable(),
  unitsDelivered: z.number().int(),
  warrantyClaims: z.number().int(),
  claimsAccepted: z.number().int(),
  /** warranty claims per 100 units delivered through the market; null before the first delivery */
  claimRatePct: z.number().nullable(),
});
export type SellerQuality = z.infer<typeof SellerQualitySchema>;
const Rates = z.object({ massRate: z.number().nullable(), valueRate: z.number().nullable() });

export const ListingSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    priceCny: z.number(),
    newReferencePriceCny: z.number().nullable(),
    /** share saved against the new product's reference price (0.35 = 35 % less) */
    savingVsNew: z.number().nullable(),
    status: z.enum(LISTING_STATUS_VALUES),
    statusReason: z.string().nullable(),
    productCode: z.string(),
    productName: z.string(),
    model: z.string().nullable(),
    field: z.enum(REMAN_FIELD_VALUES).nullable(),
    unitsAvailable: z.number(),
    enterprise: z.object({ id: z.string(), name: z.string(), announced: z.boolean(), regionCode: z.string(), regionName: z.string(), quality: SellerQualitySchema.nullable() }),
    rates: Rates,
    life: z.number(),
    warrantyMonths: z.number().nullable(),
    /** excerpt with <mark> hits (search results only) */
    snippet: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ListingSummary' });

export const ListingDetailSchema = ListingSummarySchema.extend({
  description: z.string(),
  units: z.array(z.object({ productCode: z.string(), status: z.enum(UNIT_STATUS_VALUES) })),
  /** the unit's verified record, as /p/{code} shows it */
  verified: PublicProductSchema.nullable(),
  actions: z.array(z.string()),
}).meta({ id: 'ListingDetail' });

export const ListingIdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const WithdrawBody = z.object({ reason: z.string().trim().min(2).max(500).optional() });
