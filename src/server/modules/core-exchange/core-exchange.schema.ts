import { z } from 'zod';
import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { isRegionCode } from '../../../domain/regions.js';
import { CONDITION_GRADES } from '../../../domain/trading/trade-in.js';
import { PageQuery } from '../../platform/paging.js';
import { bi } from '../../platform/validation.js';

const MAX = 100_000_000;
const Money = (min: 'positive' | 'zero') =>
  (min === 'positive' ? z.number(bi('Must be a number', '须为数字')).positive(bi('Must be greater than 0', '须大于 0')) : z.number(bi('Must be a number', '须为数字')).min(0, bi('Must not be negative', '不能为负')))
    .max(MAX, bi(`At most ${MAX} CNY`, `不能超过 ${MAX} 元`))
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, bi('At most two decimals (fen)', '最多两位小数（分）'));
const Grade = z.enum(CONDITION_GRADES, bi('A, B, C or D', '须为 A、B、C 或 D'));
const Field = z.enum(REMAN_FIELD_VALUES, bi('One of the nine fields', '须为九个领域之一'));
const RegionCode = z.string().trim().refine(isRegionCode, bi('A GB/T 2260 region code (6 digits)', '须为 GB/T 2260 行政区划代码（6 位）'));

/**
 * A posting: supply (cores on offer — an enterprise, a recycler or a dealer) or demand (cores a remanufacturer needs).
 * Supply: `grade` is the cores' grade; demand: the worst grade accepted. A model, or a field (any model of it).
 */
export const PostBody = z
  .object({
    kind: z.enum(['supply', 'demand'], bi('supply or demand', '须为 supply（供应）或 demand（需求）')),
    name: z.string().trim().min(2, bi('At least 2 characters', '至少 2 个字')).max(200, bi('At most 200 characters', '不能超过 200 个字')),
    model: z.string().trim().min(1).max(100, bi('At most 100 characters', '不能超过 100 个字')).optional(),
    field: Field.optional(),
    quantity: z.number(bi('Must be a number', '须为数字')).int(bi('A whole number', '须为整数')).min(1, bi('At least 1', '至少 1 件')).max(100_000, bi('At most 100,000', '不能超过 100,000 件')),
    grade: Grade,
    /** per core, CNY (supply: asking price; demand: offered price) */
    priceCny: Money('positive').optional(),
    /** 旧件押金 per core, CNY */
    depositCny: Money('zero').optional(),
    regionCode: RegionCode,
    /** a registered organisation's supply: recycler (回收企业) or dealer (经销商); an enterprise's is its own */
    channel: z.enum(['recycler', 'dealer'], bi('recycler or dealer', '须为 recycler（回收企业）或 dealer（经销商）')).optional(),
    note: z.string().trim().max(1000, bi('At most 1,000 characters', '不能超过 1,000 个字')).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.model && !v.field) ctx.addIssue({ code: 'custom', path: ['model'], ...bi('Name the model, or the field for any model of it', '须填写型号，或填写领域（该领域任意型号）') });
  });
export type PostInput = z.infer<typeof PostBody>;

export const IdParam = z.object({ id: z.uuid(bi('Must be a UUID', '必须是 UUID')) });
export const PostingListQuery = PageQuery.extend({
  kind: z.enum(['supply', 'demand']).optional(),
  /** words of the name or model */
  q: z.string().trim().max(100).optional(),
  field: Field.optional(),
  /** a province (2 digits) or a region code */
  region: z.string().trim().regex(/^\d{2}(\d{4})?$/, bi('2 or 6 digits', '须为 2 位省级或 6 位行政区划代码')).optional(),
  /** true: my organisation's postings in every state; otherwise the open postings of everyone */
  mine: z.enum(['true', 'false']).optional(),
});

const Party = z.object({ kind: z.enum(['enterprise', 'organisation']), id: z.string(), name: z.string(), channel: z.enum(['enterprise', 'recycler', 'dealer']) });
export const PostingSchema = z.object({
  id: z.string(),
  kind: z.enum(['supply', 'demand']),
  party: Party,
  name: z.string(),
  model: z.string().nullable(),
  field: z.string().nullable(),
  quantity: z.number(),
  remaining: z.number(),
  grade: z.enum(CONDITION_GRADES),
  priceCny: z.number().nullable(),
  depositCny: z.number().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  note: z.string(),
  status: z.enum(['open', 'filled', 'withdrawn']),
  createdAt: z.string(),
  /** what the caller may do: withdraw, suggest */
  actions: z.array(z.string()),
});
export type PostingDto = z.infer<typeof PostingSchema>;

export const SuggestionSchema = z.object({
  supply: PostingSchema,
  demand: PostingSchema,
  quantity: z.number(),
  score: z.number(),
  reason: z.object({ zh: z.string(), en: z.string() }),
  /** an open proposal between the two already */
  matchId: z.string().nullable(),
});
export const SuggestionList = z.object({ items: z.array(SuggestionSchema), total: z.number() });

/** The supplier's declaration that its cores come from a lawful source (规范条件 四(二)). */
export const AttestationBody = z.object({
  statement: z.string().trim().min(10, bi('At least 10 characters', '至少 10 个字')).max(500, bi('At most 500 characters', '不能超过 500 个字')),
  /** the supporting document: a recycling contract, invoice or 回收凭证 number */
  document: z.string().trim().min(2).max(200, bi('At most 200 characters', '不能超过 200 个字')).optional(),
  /**
   * a supplying enterprise's own traced cores it ships (codes or EPCs, as many as the match's quantity): its shipping
   * and the receiver's intake then name the same units; without them the shipping counts the cores
   */
  coreCodes: z.array(z.string().trim().min(1).max(300)).min(1).max(500, bi('At most 500 cores', '最多 500 件')).optional(),
  /** the supporting document as a file the supplying party uploaded (POST /core-exchange/documents): its id */
  documentFile: z.string().regex(/^[0-9a-f]{64}$/, bi('The id of an uploaded document', '须为已上传文件的编号')).optional(),
});
/** An uploaded supporting document (GET …/matches/{id}/document downloads it: the two parties and MIIT). */
export const DocumentSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() });
export type AttestationInput = z.infer<typeof AttestationBody>;
export const ProposeBody = z.object({
  supplyId: z.uuid(bi('Must be a UUID', '必须是 UUID')),
  demandId: z.uuid(bi('Must be a UUID', '必须是 UUID')),
  /** default: what the supply offers and the demand still wants */
  quantity: z.number().int(bi('A whole number', '须为整数')).min(1, bi('At least 1', '至少 1 件')).max(100_000).optional(),
  /** required when the supplier proposes (it declares the source with the proposal) */
  attestation: AttestationBody.optional(),
  note: z.string().trim().max(500).optional(),
});
export type ProposeInput = z.infer<typeof ProposeBody>;
export const AcceptBody = z.object({ attestation: AttestationBody.optional() });
export const DeclineBody = z.object({ reason: z.string().trim().max(500, bi('At most 500 characters', '不能超过 500 个字')).optional() });
export const MatchListQuery = PageQuery.extend({ status: z.enum(['proposed', 'accepted', 'declined']).optional(), postingId: z.uuid().optional() });

export const MatchSchema = z.object({
  id: z.string(),
  status: z.enum(['proposed', 'accepted', 'declined']),
  quantity: z.number(),
  proposedSide: z.enum(['supply', 'demand']),
  supply: PostingSchema,
  demand: PostingSchema,
  reason: z.string(),
  note: z.string(),
  /** cores: the codes (EPCs) of the units the declaration covers — the supplier's own named cores, or once accepted the units transferred */
  attestation: z.object({ statement: z.string(), document: z.string().nullable(), partyName: z.string(), username: z.string().nullable(), at: z.string(), cores: z.array(z.string()), file: DocumentSchema.nullable() }).nullable(),
  /** the transfer in the traces once accepted: the receiver's core EPCs and intake event, the supplier's shipping event */
  transfer: z.object({ coreEpcs: z.array(z.string()), receiverEventIds: z.array(z.string()), supplierEventIds: z.array(z.string()) }).nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  actions: z.array(z.string()),
});
export type MatchDto = z.infer<typeof MatchSchema>;
