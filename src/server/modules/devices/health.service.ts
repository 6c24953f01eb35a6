import { deviceHealth, syntheticEngineModel } from '../../../domain/monitoring/device-health.js';
import { fleetSummary, forecastCoreReturns, hoursPerDay, type FleetUnit } from '../../../domain/monitoring/fleet-forecast.js';
import { CONDITION_INDICATORS, type ConditionIndicator } from '../../../domain/monitoring/health.js';
import { tileProvinceOf } from '../../../domain/monitoring/province-tiles.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import type { Principal } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { TraceService } from '../trace/trace.service.js';
import { deviceFleetPolicy, makerOf } from './devices.policy.js';
import { deviceRepo, thingModelRepo, type DeviceRow } from './devices.repo.js';
import type { DeviceService } from './devices.service.js';
import { healthRepo } from './health.repo.js';

/** Recent values per indicator behind the health index (its median; health.ts). */
const WINDOW = 15;
/** Hours of history the RUL reads (one sample per hour; ~1 year). */
const HISTORY_HOURS = 9000;
/** Devices a fleet view computes (each is two indexed reads); beyond it the view says it is partial. */
export const FLEET_MAX_DEVICES = 500;
const RUL_KEYS = ['runHours', 'rpm', 'vibrationRms'] as const;
const SHANGHAI_OFFSET = 8 * 3600_000;

/**
 * Health, remaining useful life and the fleet view (issue 12 "Health, remaining useful life, forecast";
 * docs/monitoring-health.md for the methods). Reads only; the domain functions do the arithmetic.
 *
 * Method of `GET /devices/{id}/health`:
 * - indicators: those of the device's thing-model template (engine, hydraulic pump), or — for a hand-made model —
 *   the template whose indicator keys the device reports;
 * - health index: each indicator's median over its newest 15 raw values, scored linearly between its good and
 *   bad levels; the index is the weakest score (`limiting` names it);
 * - RUL (engines, when the device reports run hours and vibration): exponential degradation of vibration with a
 *   Bayesian update of the unit's parameters (rul.ts) on one real sample per hour of its whole history (the 1-hour
 *   rollup's last value), the prior trained on the synthetic run-to-failure fleet until real histories exist.
 */
export function createDeviceHealthService(deps: { db: Db; clock: Clock; devices: DeviceService; trace: TraceService; enterprises: EnterpriseService }) {
  const { db, clock, devices } = deps;

  async function indicatorsOf(d: DeviceRow): Promise<readonly ConditionIndicator[]> {
    const model = d.productModel ? await thingModelRepo.get(db, d.enterpriseId, d.productModel) : null;
    if (model?.template && CONDITION_INDICATORS[model.template]) return CONDITION_INDICATORS[model.template]!;
    const keys = new Set(await healthRepo.keys(db, d.id));
    const fit = Object.values(CONDITION_INDICATORS).find((set) => set.some((i) => keys.has(i.key)));
    return fit ?? [];
  }

  /** Health of one device, no access check (callers check). */
  async function compute(d: DeviceRow) {
    const indicators = await indicatorsOf(d);
    const recent = await healthRepo.recent(db, d.id, indicators.map((i) => i.key), WINDOW);
    const hi = deviceHealth(recent, { indicators });
    let rul: ReturnType<typeof deviceHealth> | null = null;
    let perDay: number | null = null;
    if (indicators.some((i) => i.key === 'vibrationRms')) {
      const hourly = await healthRepo.hourlyLast(db, d.id, RUL_KEYS, HISTORY_HOURS * RUL_KEYS.length);
      if (hourly.length) {
        rul = deviceHealth(hourly, { indicators: [], model: syntheticEngineModel() });
        perDay = hoursPerDay(hourly.filter((p) => p.key === 'runHours'));
      }
    }
    const asOf = [hi.asOf, rul?.asOf].filter((x): x is string => !!x).sort().at(-1) ?? null;
    return {
      healthIndex: hi.healthIndex,
      rul: rul?.rul ?? null,
      method: rul?.rul ? `${hi.method}; ${rul.method.split('; ')[1] ?? rul.method}` : hi.method,
      asOf,
      limiting: hi.limiting,
      indicators: hi.indicators.map((s) => {
        const ind = indicators.find((i) => i.key === s.key)!;
        return { ...s, good: ind.good, bad: ind.bad, label: ind.label };
      }),
      basis: rul?.basis ?? null,
      hoursPerDay: perDay,
    };
  }

  const monthOf = (ms: number) => new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 7);

  return {
    /** GET /devices/{id}/health */
    async health(p: Principal | null, id: string) {
      const { device } = await devices.loadReadable(p, id);
      const h = await compute(device);
      return { deviceId: device.id, ...h };
    },

    /**
     * GET /devices/fleet: the maker's active devices, aggregated (the maker keeps this view even where an owner
     * withdrew its service access). Installed base by model and province, health distribution, and the forecast
     * of cores returning per month (fleet-forecast.ts) from each unit's RUL, utilisation and warranty end.
     */
    async fleet(p: Principal | null, opts: { months: number; returnAtWarrantyEnd?: number }) {
      const org = makerOf(p);
      authorize(p, deviceFleetPolicy, 'fleet', { enterpriseId: org });
      const enterpriseId = org!;
      const rows = await deviceRepo.activeOf(db, enterpriseId, FLEET_MAX_DEVICES + 1);
      const partial = rows.length > FLEET_MAX_DEVICES;
      const home = (await deps.enterprises.cards([enterpriseId])).get(enterpriseId)?.regionCode ?? null;
      const now = clock.now().getTime();
      const units: FleetUnit[] = [];
      const listed = new Set(rows.filter((d) => d.manufacturerAccess).map((d) => d.id));
      for (const d of rows.slice(0, FLEET_MAX_DEVICES)) {
        const h = await compute(d);
        const product = await deps.trace.resolveProductKey(d.enterpriseId, d.productCode, 'productCode').catch(() => null);
        // warranty from the production date (the trace's sale date is not on the product row; docs/monitoring.md)
        const warrantyEnd = product?.warranty_months ? Date.UTC(Number(product.production_date.slice(0, 4)), Number(product.production_date.slice(5, 7)) - 1 + product.warranty_months, Number(product.production_date.slice(8, 10))) - SHANGHAI_OFFSET : null;
        const region = d.regionCode ?? home;
        units.push({
          deviceId: d.id, model: d.productModel, region: tileProvinceOf(region),
          asOf: h.asOf ? Date.parse(h.asOf) : now, rul: h.rul, hoursPerDay: h.hoursPerDay ?? 12, warrantyEnd, healthIndex: h.healthIndex,
        });
      }
      const summary = fleetSummary(units);
      const provinces = new Map<string, { count: number; health: number[] }>();
      for (const u of units) {
        if (!u.region) continue;
        const x = provinces.get(u.region) ?? { count: 0, health: [] };
        x.count++;
        if (u.healthIndex !== null && u.healthIndex !== undefined) x.health.push(u.healthIndex);
        provinces.set(u.region, x);
      }
      const names = new Map(rows.map((d) => [d.id, d.name]));
      const forecast = forecastCoreReturns(units, { from: monthOf(now), months: opts.months, returnAtWarrantyEnd: opts.returnAtWarrantyEnd });
      return {
        asOf: new Date(now).toISOString(),
        partial,
        total: summary.total,
        byModel: Object.entries(summary.byModel).map(([model, count]) => ({ model, count })).sort((a, b) => b.count - a.count),
        byRegion: Object.entries(summary.byRegion).map(([regionCode, count]) => ({ regionCode, count })).sort((a, b) => b.count - a.count),
        byProvince: [...provinces].map(([provinceCode, x]) => ({ provinceCode, count: x.count, meanHealth: x.health.length ? Math.round((x.health.reduce((a, b) => a + b, 0) / x.health.length) * 10) / 10 : null })).sort((a, b) => b.count - a.count),
        health: summary.health,
        forecast: { ...forecast, months: forecast.months.map((m) => ({ ...m, byModel: Object.entries(m.byModel).map(([model, expected]) => ({ model, expected })) })) },
        // per device only where the owner has not withdrawn the maker's access (the rest count in the aggregates)
        devices: units.filter((u) => listed.has(u.deviceId)).map((u) => ({ deviceId: u.deviceId, name: names.get(u.deviceId) ?? '', model: u.model ?? null, regionCode: u.region ?? null, healthIndex: u.healthIndex ?? null, rulHours: u.rul?.value ?? null })),
      };
    },

    /** The live stream's poll: latest values of a readable device changed after `since`. */
    async changedSince(p: Principal | null, id: string, since: number) {
      await devices.loadReadable(p, id);
      return healthRepo.latestSince(db, id, since);
    },
    /** Re-check access during a long stream (a sale or revocation ends it). */
    async stillReadable(p: Principal | null, id: string): Promise<boolean> {
      return devices.loadReadable(p, id).then(
        () => true,
        () => false,
      );
    },
  };
}

export type DeviceHealthService = ReturnType<typeof createDeviceHealthService>;
