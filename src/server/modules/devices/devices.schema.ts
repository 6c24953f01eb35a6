import { z } from 'zod';
import { parseTs } from '../../../domain/monitoring/payload.js';
import { isRegionCode, REGION_CODE_RULE } from '../../../domain/regions.js';
import { METRIC_KEY, TEMPLATE_NAMES } from '../../../domain/monitoring/thing-model.js';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { bi, uuid } from '../../platform/validation.js';

export const DeviceIdParam = z.object({ id: uuid() });


export const ProvisionBody = z.object({
  /** platform product code (RM…), product EPC or GS1 Digital Link of the caller's own product */
  productCode: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(100).optional(),
  /** where the unit is installed (GB/T 2260 code of the region table, src/domain/regions.ts), for the fleet map */
  regionCode: z.string().trim().refine(isRegionCode, bi(REGION_CODE_RULE.en, REGION_CODE_RULE.zh)).optional(),
});

export const CredentialsSchema = z.object({ clientId: z.string(), username: z.string(), password: z.string() }).meta({ id: 'DeviceCredentials' });

const I18n = z.object({ zh: z.string(), en: z.string() });
export const MetricSchema = z
  .object({
    key: z.string().regex(METRIC_KEY, bi('lowerCamelCase English, ≤ 64 characters', '须为小驼峰英文，≤64 字符')),
    name: z.object({ zh: z.string().trim().min(1).max(50), en: z.string().trim().min(1).max(80) }),
    unit: z.string().trim().max(30).nullable(),
    type: z.enum(['number', 'boolean', 'string']),
    min: z.number().finite().nullable().optional(),
    max: z.number().finite().nullable().optional(),
    meaning: z.string().trim().max(300).nullable().optional(),
  })
  .meta({ id: 'ThingModelMetric' });

export const DeviceSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    productCode: z.string(),
    productModel: z.string().nullable(),
    name: z.string(),
    clientId: z.string(),
    status: z.enum(['active', 'revoked']),
    online: z.boolean(),
    lastSeenAt: z.string().nullable(),
    pointsStored: z.number(),
    pointsRefused: z.number(),
    messagesRefused: z.number(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    /** province (GB/T 2260) where the unit is installed; null: not given */
    regionCode: z.string().nullable(),
    /** the owner's consent to the maker's service access, in effect */
    manufacturerAccess: z.boolean(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'Device' });

export const DeviceDetailSchema = DeviceSchema.extend({
  product: z
    .object({ name: z.string(), model: z.string().nullable(), status: z.string(), productionDate: z.string(), warrantyMonths: z.number().nullable(), ownerName: z.string().nullable(), possessorName: z.string().nullable() })
    .nullable(),
  thingModel: z.object({ metrics: z.array(MetricSchema) }).nullable(),
  recentErrors: z.array(z.object({ at: z.string(), channel: z.string(), code: z.string(), message: z.string(), messageEn: z.string() })),
}).meta({ id: 'DeviceDetail' });

export const ProvisionedSchema = z.object({ device: DeviceSchema, credentials: CredentialsSchema }).meta({ id: 'ProvisionedDevice' });

/** POST /devices/bulk: every row of the file provisioned (passwords shown once) and where devices connect. */
export const BulkProvisionedSchema = z
  .object({
    fileName: z.string(),
    provisioned: z.number(),
    devices: z.array(z.object({ row: z.number(), device: DeviceSchema, credentials: CredentialsSchema })),
    /** the platform's MQTT endpoint for the provisioning sheet: an external broker's URL, or the embedded broker's port (host: the platform's); null: MQTT off */
    mqtt: z.object({ url: z.string().nullable(), port: z.number().nullable() }).nullable(),
  })
  .meta({ id: 'BulkProvisioned' });

export const ListDevicesQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['online', 'offline', 'revoked', 'active']).optional(),
  model: z.string().trim().max(100).optional(),
});
export const DevicePage = pageOf(DeviceSchema);

const SummaryCounts = { total: z.number(), active: z.number(), online: z.number(), pointsStored: z.number() };
const SummaryEnterprise = z.object({ enterpriseId: z.string(), enterpriseName: z.string(), regionCode: z.string(), ...SummaryCounts });
export const DeviceSummarySchema = z.object({
  items: z.array(SummaryEnterprise),
  /** per installation province (GB/T 2260 xx0000 of the 34 divisions; 'unknown' when neither device nor enterprise says) */
  byProvince: z.array(z.object({ provinceCode: z.string(), ...SummaryCounts, enterprises: z.array(SummaryEnterprise) })),
  totals: z.object({ total: z.number(), active: z.number(), online: z.number(), pointsStored: z.number() }),
});

const Instant = z
  .string()
  .trim()
  .refine((v) => parseTs(v) !== null, bi('epoch milliseconds or an ISO 8601 date-time with offset', '须为毫秒时间戳或带时区的 ISO 8601 时间'))
  .transform((v) => new Date(parseTs(v)!));

export const TelemetryQuery = z.object({
  keys: z
    .string()
    .trim()
    .max(2000)
    .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .refine((ks) => ks.length <= 20 && ks.every((k) => METRIC_KEY.test(k)), bi('comma-separated lowerCamelCase keys, at most 20', '逗号分隔的小驼峰键名，最多 20 个'))
    .optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  points: z.coerce.number().int().min(2).max(20_000).optional(),
  resolution: z.enum(['auto', 'raw', '1m', '1h']).optional(),
});

export const TelemetrySeriesSchema = z
  .object({
    deviceId: z.string(),
    from: z.string(),
    to: z.string(),
    resolution: z.enum(['raw', '1m', '1h']),
    downsampled: z.boolean(),
    series: z.record(z.string(), z.array(z.tuple([z.number(), z.number()]))),
  })
  .meta({ id: 'TelemetrySeries' });

export const LatestSchema = z
  .object({
    deviceId: z.string(),
    online: z.boolean(),
    lastSeenAt: z.string().nullable(),
    values: z.record(z.string(), z.object({ ts: z.number(), value: z.union([z.number(), z.string(), z.null()]) })),
  })
  .meta({ id: 'TelemetryLatest' });

export const IngestResultSchema = z
  .object({
    stored: z.number(),
    duplicates: z.number(),
    refused: z.number(),
    errors: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string(), index: z.number().optional(), key: z.string().optional() })),
  })
  .meta({ id: 'IngestResult' });

/**
 * A telemetry message: one entry or an array. The route reads the body as text and the domain parser
 * (src/domain/monitoring/payload.ts) refuses entry by entry, counting each refusal on the device.
 */
export const IngestBody = z.unknown().meta({
  description: '{"ts": <epoch ms | ISO 8601>, "values": {"<key>": number|boolean|string}} or an array of such (at most 10,000 points)',
});

export const ThingModelParam = z.object({ model: z.string().trim().min(1).max(100) });
export const ThingModelBody = z
  .object({
    template: z.enum(TEMPLATE_NAMES as [string, ...string[]]).optional(),
    metrics: z.array(MetricSchema).min(1).max(200).optional(),
  })
  .refine((b) => (b.template === undefined) !== (b.metrics === undefined), bi('Give either template or metrics', 'template 与 metrics 二选一'));

export const ThingModelSchema = z
  .object({ productModel: z.string(), template: z.string().nullable(), metrics: z.array(MetricSchema), updatedAt: z.string() })
  .meta({ id: 'ThingModel' });
export const ThingModelListSchema = z.object({
  items: z.array(ThingModelSchema),
  templates: z.array(z.object({ id: z.string(), name: I18n, metrics: z.array(MetricSchema) })),
});

const I18nLabel = z.object({ zh: z.string(), en: z.string() });
export const DeviceHealthSchema = z
  .object({
    deviceId: z.string(),
    /** 0–100; null when no indicator has data */
    healthIndex: z.number().nullable(),
    /** remaining useful life in run hours: median and the 90 % interval; null without the data the method needs */
    rul: z.object({ value: z.number(), unit: z.literal('h'), low: z.number(), high: z.number() }).nullable(),
    method: z.string(),
    asOf: z.string().nullable(),
    limiting: z.string().nullable(),
    indicators: z.array(z.object({ key: z.string(), value: z.number(), score: z.number(), samples: z.number(), good: z.number(), bad: z.number(), label: I18nLabel })),
    basis: z.object({ observations: z.number(), a: z.number(), b: z.number(), sdA: z.number(), sdB: z.number(), failureLevel: z.number(), phi: z.number() }).nullable(),
    /** run hours per calendar day (utilisation) from the run-hours counter */
    hoursPerDay: z.number().nullable(),
  })
  .meta({ id: 'DeviceHealth' });

export const FleetQuery = z.object({
  months: z.coerce.number().int().min(1).max(36).default(12),
  returnAtWarrantyEnd: z.coerce.number().min(0).max(1).optional(),
});

export const FleetSchema = z
  .object({
    asOf: z.string(),
    /** more active devices than the view computes (FLEET_MAX_DEVICES) */
    partial: z.boolean(),
    total: z.number(),
    byModel: z.array(z.object({ model: z.string(), count: z.number() })),
    byRegion: z.array(z.object({ regionCode: z.string(), count: z.number() })),
    /** the tile grid: installed units per province and their mean health index (of the units with one) */
    byProvince: z.array(z.object({ provinceCode: z.string(), count: z.number(), meanHealth: z.number().nullable() })),
    health: z.object({ good: z.number(), fair: z.number(), poor: z.number(), critical: z.number(), unknown: z.number() }),
    forecast: z.object({
      months: z.array(
        z.object({ month: z.string(), expected: z.number(), low: z.number(), high: z.number(), fromFailure: z.number(), fromWarrantyEnd: z.number(), byModel: z.array(z.object({ model: z.string(), expected: z.number() })) }),
      ),
      later: z.number(),
      withoutEstimate: z.number(),
    }),
    devices: z.array(z.object({ deviceId: z.string(), name: z.string(), model: z.string().nullable(), regionCode: z.string().nullable(), healthIndex: z.number().nullable(), rulHours: z.number().nullable() })),
  })
  .meta({ id: 'DeviceFleet' });

export const ConsentBody = z.object({ manufacturerAccess: z.boolean() });

export const StreamQuery = z.object({
  /** epoch ms: send values newer than this first (default: now) */
  since: z.coerce.number().int().min(0).optional(),
  /** end the stream after this many seconds (default 900; 0: the snapshot only) */
  maxSeconds: z.coerce.number().int().min(0).max(900).optional(),
});
