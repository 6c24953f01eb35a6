import { z } from 'zod';
import { bi } from '../../platform/validation.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('A date YYYY-MM-DD', '须为日期 YYYY-MM-DD'));
/** [from, to) in Asia/Shanghai days; from < to is checked by the service (400 naming from) */
export const MarketStatsQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

const Figures = {
  orders: z.number().int(),
  units: z.number().int(),
  valueCny: z.number(),
  tradeIns: z.number().int(),
  tradeInCreditCny: z.number(),
  coresReceived: z.number().int(),
  leases: z.number().int(),
  rentToOwn: z.number().int(),
  leaseValueCny: z.number(),
};
export const MarketStatsSchema = z.object({
  /** [from, to): delivery date of orders, start date of leases (Asia/Shanghai) */
  from: z.string(),
  to: z.string(),
  /** whose figures: all (MIIT) or an authority's jurisdiction */
  scope: z.enum(['all', 'jurisdiction']),
  totals: z.object(Figures),
  byRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string(), ...Figures })),
  byField: z.array(z.object({ field: z.string().nullable(), ...Figures })),
}).meta({ id: 'MarketStats' });
