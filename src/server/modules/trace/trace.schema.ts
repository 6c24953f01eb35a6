import { z } from 'zod';
import { STEP_KINDS } from '../../../domain/trace/vocabulary.js';
import { PUBLIC_STATUSES } from '../../../domain/trace/successor.js';
import { isoDate } from '../../platform/validation.js';
import { PageQuery } from '../../platform/paging.js';

/** Zod shapes of the trace API (validation + OpenAPI); documented for the web app in docs/traceability.md. */

export const LabelSchema = z.object({ zh: z.string(), en: z.string() });

export const ProductSummarySchema = z
  .object({
    code: z.string(),
    epc: z.string(),
    gtin: z.string().nullable(),
    digitalLink: z.string().nullable(),
    verifyPath: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    name: z.string(),
    model: z.string().nullable(),
    serial: z.string(),
    life: z.number(),
    status: z.enum(['issued', 'revoked', 'recalled']),
    state: z.string(),
    productionDate: z.string(),
    standardNo: z.string().nullable(),
    warrantyMonths: z.number().nullable(),
    massRate: z.number().nullable(),
    valueRate: z.number().nullable(),
    formulaVersion: z.string().nullable(),
    /** the making event's EPCIS bizLocation; siteId: the platform site (生产场地) it names, null = 场地未知 or foreign */
    bizLocation: z.string().nullable(),
    siteId: z.string().nullable(),
  })
  .meta({ id: 'TraceProductSummary' });

const Party = z.object({ id: z.string(), name: z.string().nullable() }).nullable();

export const ProductDetailSchema = ProductSummarySchema.extend({
  lives: z.array(z.object({ life: z.number(), productCode: z.string().nullable(), productionDate: z.string().nullable() })),
  remanufacturedTimes: z.number(),
  originalComponents: z.array(z.object({ key: z.string(), name: z.string().nullable(), kind: z.string() })),
  inputs: z.array(z.object({ key: z.string(), name: z.string().nullable(), origin: z.string().nullable(), quantity: z.number(), massKg: z.number().nullable(), valueCny: z.number().nullable() })),
  steps: z.array(
    z.object({ eventId: z.string(), time: z.string(), kind: z.string(), label: LabelSchema, bizStep: z.string().nullable(), disposition: z.string().nullable(), objectKey: z.string(), erroneous: z.boolean() }),
  ),
  owner: Party,
  possessor: Party,
  installation: z.object({ location: z.string(), equipment: z.string().nullable(), time: z.string() }).nullable(),
  enterpriseAddress: z.string(),
}).meta({ id: 'TraceProductDetail' });

export const StepResultSchema = z
  .object({
    step: z.string(),
    eventIds: z.array(z.string()),
    eventTime: z.string(),
    epcs: z.array(z.string()),
    product: ProductSummarySchema.optional(),
    parts: z.array(z.object({ epc: z.string(), name: z.string() })).optional(),
    coreEpc: z.string().optional(),
    /** the enterprise's projection is quarantined: the step is stored, products and genealogy follow after the repair */
    projectionQuarantined: z.string().optional(),
  })
  .meta({ id: 'TraceStepResult' });

const NodeKind = z.enum(['core', 'part', 'product', 'lot', 'other']);
const TraceNode = z.object({ key: z.string(), kind: NodeKind, name: z.string().nullable(), productCode: z.string().nullable(), life: z.number().nullable() });
export const TraceTreeSchema = z
  .object({
    root: TraceNode,
    direction: z.enum(['up', 'down']),
    depth: z.number(),
    at: z.string(),
    nodes: z.array(TraceNode.extend({ depth: z.number() })),
    edges: z.array(
      z.object({
        parent: z.string(),
        child: z.string(),
        kind: z.enum(['transformation', 'aggregation', 'disassembly']),
        relation: z.enum(['input', 'contained', 'disassembled_from']).describe('input: parent was made of child · contained: parent holds child · disassembled_from: parent (a part) was taken out of child (a core)'),
        eventId: z.string(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
      }),
    ),
    madeOf: z.array(z.string()).describe('upstream: the keys the root was made of (its composition, through earlier lives), without the cores parts were taken out of'),
    provenance: z.array(z.string()).describe('upstream: the cores (and earlier-life products) the root\'s parts were taken out of'),
    truncated: z.boolean(),
  })
  .meta({ id: 'TraceTree' });

export const TraceQuery = z.object({
  direction: z.enum(['up', 'down']).default('up'),
  includeScrapped: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('scrapped or destroyed objects too'),
  depth: z.coerce.number().int().min(1).max(50).default(20),
  at: z.iso.datetime({ offset: true }).optional(),
});

export const RecallQuery = z
  .object({ lot: z.string().trim().min(3).max(500).optional(), core: z.string().trim().min(3).max(500).optional(), format: z.enum(['json', 'xlsx']).default('json') })
  .refine((q) => Boolean(q.lot) !== Boolean(q.core), { message: 'Give exactly one of lot and core\u241e批次（lot）与旧件（core）须且只能给出一个', path: ['lot'] });

export const RecallItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  model: z.string().nullable(),
  serial: z.string(),
  life: z.number(),
  status: z.enum(['issued', 'revoked', 'recalled']),
  state: z.string(),
  productionDate: z.string(),
  owner: z.string().nullable(),
  possessor: z.string().nullable(),
  installation: z.string().nullable(),
  enterpriseName: z.string(),
  matchedCodes: z.array(z.string()).describe('the codes (earlier lives of this unit included) through which the lot or core reached it; code is the unit\'s current one'),
});
export const RecallTargetsQuery = z.object({ q: z.string().trim().min(2, 'At least 2 characters\u241e至少输入 2 个字符').max(200) });
export const RecallTargetsSchema = z
  .object({
    items: z.array(
      z.object({
        key: z.string(),
        kind: z.enum(['lot', 'core', 'part', 'product']),
        name: z.string().nullable(),
        productCode: z.string().nullable(),
        exact: z.boolean().describe('the text is the identifier\'s lot number, serial or product code (not a name match)'),
        by: z.enum(['lot', 'core']).describe('the recall parameter to pass the key as'),
      }),
    ),
  })
  .meta({ id: 'TraceRecallTargets' });

export const RecallSchema = z.object({ query: z.object({ lot: z.string().optional(), core: z.string().optional() }), items: z.array(RecallItemSchema) }).meta({ id: 'TraceRecall' });

export const RatesSchema = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      products: z.number(),
      ratedProducts: z.number(),
      massRate: z.number().nullable(),
      valueRate: z.number().nullable(),
      totalMassKg: z.number(),
      coreMassKg: z.number(),
      totalValueCny: z.number(),
      coreValueCny: z.number(),
      formulaVersion: z.string(),
    }),
  ),
});

/** JSON: one page (page, pageSize) of each of the four sections with its total; format=xlsx: the whole period. */
export const LedgerQuery = z.object({ from: isoDate, to: isoDate, enterpriseId: z.uuid().optional(), format: z.enum(['json', 'xlsx']).default('json') }).extend(PageQuery.shape);
const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });
export const LedgerSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  from: z.string(),
  to: z.string(),
  page: z.number(),
  pageSize: z.number(),
  coresReceived: section(z.object({ date: z.string(), epc: z.string(), name: z.string().nullable(), returnedBy: z.string().nullable(), channel: z.string().nullable(), tradeIn: z.boolean().nullable(), eventId: z.string() })),
  productsMade: section(z.object({ date: z.string(), code: z.string(), epc: z.string(), name: z.string(), model: z.string().nullable(), life: z.number(), massRate: z.number().nullable(), valueRate: z.number().nullable(), status: z.string() })),
  tests: section(z.object({ date: z.string(), code: z.string().nullable(), epc: z.string(), result: z.string().nullable(), eventId: z.string() })),
  shipments: section(z.object({ date: z.string(), code: z.string().nullable(), epc: z.string(), destination: z.string().nullable(), eventId: z.string() })),
});

export const PublicProductSchema = z
  .object({
    code: z.string(),
    genuine: z.boolean().describe('true only for status issued: 正品 · 编码有效'),
    status: z.enum(PUBLIC_STATUSES).describe('superseded: the unit was remanufactured into the successor product; disassembled: taken in as a core and disassembled'),
    statusLabel: LabelSchema,
    successor: z.object({ code: z.string(), verifyPath: z.string() }).nullable().describe('the product this unit became (status superseded)'),
    enterprise: z.object({ name: z.string(), announced: z.boolean() }),
    name: z.string(),
    model: z.string().nullable(),
    productionDate: z.string(),
    standardNo: z.string().nullable(),
    warrantyMonths: z.number().nullable(),
    life: z.number(),
    massRate: z.number().nullable(),
    valueRate: z.number().nullable(),
    formulaVersion: z.string().nullable(),
    steps: z.array(z.object({ date: z.string(), kind: z.string(), label: LabelSchema })),
  })
  .meta({ id: 'PublicProduct' });

const VocSchema = z.object({ value: z.string(), uri: z.string(), standard: z.boolean(), label: LabelSchema });
export const VocabularySchema = z.object({
  namespace: z.string(),
  bizSteps: z.array(VocSchema),
  dispositions: z.array(VocSchema),
  grades: z.array(VocSchema),
  channels: z.array(z.object({ value: z.string(), label: LabelSchema })),
  steps: z.array(z.object({ kind: z.enum(STEP_KINDS), label: LabelSchema, eventType: z.string(), action: z.string().nullable(), bizStep: z.string(), disposition: z.string().nullable(), note: LabelSchema })),
});

export const ImportJobSchema = z.object({
  id: z.string(),
  step: z.string(),
  fileName: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  processed: z.number(),
  total: z.number(),
  errors: z.array(z.object({ sheet: z.string(), row: z.number(), column: z.string(), message: z.string(), messageEn: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const ProjectionStatusSchema = z.object({
  enterpriseId: z.string(),
  projectedSeq: z.number().int().describe('last event (stream seq) projected into the trace tables'),
  headSeq: z.number().int().describe('last event stored in the stream'),
  lag: z.number().int().describe('events stored but not yet projected'),
  updatedAt: z.string(),
  lastError: z.string().nullable().describe('the last projection failure (retried with backoff by a queue job), null when healthy'),
  failedAt: z.string().nullable(),
  failures: z.number().int().describe('failures in a row'),
  quarantined: z.boolean().describe('TRACE_PROJECTION_MAX_FAILURES failures in a row: not retried until `reman trace:repair`; forms keep working'),
  quarantinedAt: z.string().nullable(),
  quarantineReason: z.string().nullable(),
});
export type ProjectionStatus = z.infer<typeof ProjectionStatusSchema>;
