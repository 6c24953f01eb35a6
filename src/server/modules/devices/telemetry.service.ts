import { chooseResolution, minMaxDownsample, type Pair, type Resolution, type Sample } from '../../../domain/monitoring/downsample.js';
import { parsePayload, type PayloadError } from '../../../domain/monitoring/payload.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import type { DeviceService } from './devices.service.js';
import { deviceRepo, type DeviceRow } from './devices.repo.js';
import { partitionOf, telemetryRepo, type PointIn } from './telemetry.repo.js';

export interface TelemetrySettings {
  rawRetentionDays: number;
  minuteRetentionDays: number;
  hourRetentionDays: number;
  partitionsAheadDays: number;
  maxFutureMs: number;
}

export interface IngestResult {
  /** points stored now */
  stored: number;
  /** points already stored before (same device, key and ts) */
  duplicates: number;
  /** points or entries refused, with reasons (at most 50 listed) */
  refused: number;
  errors: PayloadError[];
}

/** Points of one message as stored (values as sent), handed to the `onStored` listeners after the commit. */
export interface StoredBatch {
  device: DeviceRow;
  points: { ts: number; key: string; value: number | boolean | string }[];
  channel: 'http' | 'mqtt';
}
export type StoredListener = (batch: StoredBatch) => Promise<void>;

const DAY = 86_400_000;
const RAW_ROW_CAP = 400_000;
const DEFAULT_POINTS_CAP = 10_000;

/**
 * Telemetry: ingest (HTTP and MQTT share `ingest`), storage upkeep (partitions ahead, retention) and queries.
 * Ingest of one message: parse (never throws) → check each value against the thing model → make sure the day
 * partitions exist → ONE transaction: the device's conditional update (still active, same credentials; counters,
 * last seen) + the batch insert with its rollups and latest values + the refusals → commit → answer (MQTT: PUBACK).
 */
export function createTelemetryService(deps: { db: Db; clock: Clock; devices: DeviceService; settings: TelemetrySettings }) {
  const { db, clock, devices, settings } = deps;
  const known = new Set<string>();
  const storedListeners: StoredListener[] = [];

  async function ensurePartitions(days: Iterable<number>) {
    for (const start of days) {
      const name = partitionOf(start).name;
      if (known.has(name)) continue;
      await telemetryRepo.ensurePartition(db, start);
      known.add(name);
    }
  }

  return {
    /** Listen to stored points (called after each ingest transaction commits, awaited before the answer/PUBACK). */
    onStored(listener: StoredListener) {
      storedListeners.push(listener);
    },

    /** Create today's and the next `partitionsAheadDays` partitions (the `telemetry.partitions` job; also at start). */
    async createPartitionsAhead(): Promise<number> {
      const today = Math.floor(clock.now().getTime() / DAY) * DAY;
      const existing = await telemetryRepo.partitions(db);
      let created = 0;
      for (let i = -1; i <= settings.partitionsAheadDays; i++) {
        const p = partitionOf(today + i * DAY);
        if (!existing.has(p.name)) {
          await telemetryRepo.ensurePartition(db, p.start);
          created++;
        }
        known.add(p.name);
      }
      return created;
    },

    /** Retention: drop raw partitions past TELEMETRY_RAW_RETENTION_DAYS, delete old rollups and refusal records. */
    async applyRetention(): Promise<number> {
      const now = clock.now().getTime();
      const rawCutoff = now - settings.rawRetentionDays * DAY;
      let n = 0;
      for (const [name, start] of await telemetryRepo.partitions(db)) {
        if (start + DAY <= rawCutoff) {
          await telemetryRepo.dropPartition(db, name);
          known.delete(name);
          n++;
        }
      }
      n += await telemetryRepo.purgeRollup(db, '1m', new Date(now - settings.minuteRetentionDays * DAY));
      n += await telemetryRepo.purgeRollup(db, '1h', new Date(now - settings.hourRetentionDays * DAY));
      n += await deviceRepo.purgeErrors(db, new Date(now - settings.rawRetentionDays * DAY));
      return n;
    },

    /** One message of an authenticated device. Throws 401 when the device was revoked or rotated meanwhile. */
    async ingest(device: DeviceRow, body: unknown, channel: 'http' | 'mqtt'): Promise<IngestResult> {
      const now = clock.now();
      const parsed = parsePayload(body, { now: now.getTime(), maxFutureMs: settings.maxFutureMs, maxAgeMs: settings.rawRetentionDays * DAY - DAY });
      const model = await devices.thingModelOf(device.enterpriseId, device.productModel);
      const refusals: PayloadError[] = [...parsed.errors];
      const rows: PointIn[] = [];
      const accepted: StoredBatch['points'] = [];
      for (const pt of parsed.points) {
        const r = devices.checkValue(model, pt.key, pt.value);
        if (r) {
          refusals.push({ code: 'BAD_VALUE', message: r.message, messageEn: r.messageEn, key: pt.key.slice(0, 64) });
          continue;
        }
        accepted.push({ ts: pt.ts, key: pt.key, value: pt.value });
        rows.push({ k: pt.key, t: pt.ts, n: typeof pt.value === 'number' ? pt.value : typeof pt.value === 'boolean' ? (pt.value ? 1 : 0) : null, s: typeof pt.value === 'string' ? pt.value : null });
      }
      await ensurePartitions(new Set(rows.map((r) => Math.floor(r.t / DAY) * DAY)));
      const wholeMessageRefused = rows.length === 0 && refusals.length > 0;
      const stored = await db.transaction(async (tx) => {
        const n = await telemetryRepo.insert(tx, device.id, rows);
        // conditional: still active with the same credentials (a revocation or rotation committed meanwhile → 401, nothing stored)
        const ok = await deviceRepo.touch(tx, device.id, device.secretVersion, now, { stored: n, refusedPoints: refusals.length, refusedMessage: wholeMessageRefused });
        if (!ok) throw devices.badCredentials();
        await deviceRepo.addErrors(
          tx,
          refusals.slice(0, 20).map((e) => ({ enterpriseId: device.enterpriseId, deviceId: device.id, at: now, channel, code: e.code, message: e.message, messageEn: e.messageEn, detail: { index: e.index ?? null, key: e.key ?? null } })),
        );
        return n;
      });
      // after the commit (HTTP and MQTT alike): alarm evaluation; a listener's failure never undoes the stored points
      if (accepted.length && storedListeners.length) await Promise.allSettled(storedListeners.map((l) => l({ device, points: accepted, channel })));
      return { stored, duplicates: rows.length - stored, refused: refusals.length, errors: refusals.slice(0, 50) };
    },

    /** GET /devices/{id}/telemetry: series per key, downsampled to at most `points` keeping extremes. */
    async query(p: Principal | null, id: string, q: { keys?: string[]; from?: Date; to?: Date; points?: number; resolution?: Resolution | 'auto' }) {
      const { device } = await devices.loadReadable(p, id);
      const now = clock.now();
      const to = q.to ?? now;
      const from = q.from ?? new Date(to.getTime() - 3_600_000);
      if (from.getTime() >= to.getTime()) throw errors.field('from', '须早于 to', 'must be before to');
      const keys = q.keys?.length ? q.keys : await telemetryRepo.keys(db, device.id);
      let resolution: Resolution =
        q.resolution && q.resolution !== 'auto' ? q.resolution : chooseResolution(from.getTime(), to.getTime(), now.getTime(), settings.rawRetentionDays * DAY, settings.minuteRetentionDays * DAY);
      const byKey = new Map<string, Sample[]>(keys.map((k) => [k, []]));
      if (resolution === 'raw') {
        const rows = await telemetryRepo.raw(db, device.id, keys, from, to, RAW_ROW_CAP + 1);
        if (rows.length > RAW_ROW_CAP) resolution = '1m'; // too many raw points for one answer: the minute rollup answers
        else for (const r of rows) byKey.get(r.key)?.push({ t: r.t, v: r.v });
      }
      if (resolution !== 'raw') {
        for (const r of await telemetryRepo.rollup(db, resolution, device.id, keys, from, to, RAW_ROW_CAP)) byKey.get(r.key)?.push({ t: r.t, v: r.avg, min: r.min, max: r.max });
      }
      const cap = q.points ?? DEFAULT_POINTS_CAP;
      const series: Record<string, Pair[]> = {};
      let downsampled = false;
      for (const [k, samples] of byKey) {
        if (samples.length > cap || (q.points !== undefined && resolution !== 'raw')) {
          series[k] = minMaxDownsample(samples, cap, { from: from.getTime(), to: to.getTime() });
          downsampled = true;
        } else series[k] = samples.map((s) => [s.t, s.v]);
      }
      return { deviceId: device.id, from: from.toISOString(), to: to.toISOString(), resolution, downsampled, series };
    },

    async latest(p: Principal | null, id: string) {
      const { device } = await devices.loadReadable(p, id);
      const rows = await telemetryRepo.latest(db, device.id);
      return { device, rows };
    },

    /**
     * Latest numeric value of `key` reported by the active device of a product, or null (no device, never reported).
     * A platform-internal read for other modules (orders: 以旧换再 valuation; leasing: usage-based rent) that gets
     * one number, not the device's data, so it takes no principal.
     */
    async latestNumberOfProduct(productCode: string, key: string): Promise<number | null> {
      const d = await deviceRepo.activeByProduct(db, productCode);
      if (!d) return null;
      const row = (await telemetryRepo.latest(db, d.id)).find((r) => r.key === key);
      return row?.num === null || row?.num === undefined ? null : Number(row.num);
    },
  };
}

export type TelemetryService = ReturnType<typeof createTelemetryService>;
