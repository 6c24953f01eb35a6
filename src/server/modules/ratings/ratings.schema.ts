import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { bi } from '../../platform/validation.js';
import { SellerQualitySchema } from '../listings/index.js';

const Score = (what: string, zh: string) =>
  z.number(bi(`${what}: a number 1–5`, `${zh}：须为 1–5 的数字`)).int(bi(`${what}: a whole number 1–5`, `${zh}：须为 1–5 的整数`)).min(1, bi(`${what}: at least 1`, `${zh}：最低 1 分`)).max(5, bi(`${what}: at most 5`, `${zh}：最高 5 分`));

export const RateOrderBody = z.object({
  /** the delivered units: quality, as found in use (1 poor … 5 excellent) */
  unitScore: Score('unitScore', '产品评分'),
  /** the seller: delivery, documents, service */
  sellerScore: Score('sellerScore', '卖方评分'),
  comment: z.string().trim().max(1000, bi('At most 1,000 characters', '不能超过 1000 字')).optional(),
});
export type RateOrderInput = z.infer<typeof RateOrderBody>;
export const OrderIdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const SellerParam = z.object({ enterpriseId: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const SellerRatingsQuery = PageQuery;

export const RatingSchema = z.object({
  orderId: z.string(),
  enterpriseId: z.string(),
  productName: z.string(),
  model: z.string().nullable(),
  units: z.number().int(),
  unitScore: z.number().int(),
  sellerScore: z.number().int(),
  comment: z.string(),
  /** the buyer is not named in public: only that it is a registered organisation */
  createdAt: z.string(),
}).meta({ id: 'TradeRating' });
export const SellerRatingsSchema = pageOf(RatingSchema).extend({ enterpriseId: z.string(), quality: SellerQualitySchema });
