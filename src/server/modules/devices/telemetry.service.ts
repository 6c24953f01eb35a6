import { chooseResolution, minMaxDownsample, type Pair, type Resolution, type Sample } from '../../../domain/monitoring/downsample.js';
import { parsePayload, type PayloadError } from '../../../domain/monitoring/payload.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import type { DeviceService } from './devices.service.js';
import { deviceRepo, type DeviceRow } from './devices.repo.js';
import { groupCommit, type ItemResult } from '../../platform/group-commit.js';
import { partitionOf, telemetryRepo, type PointIn, type PointOfDevice } from './telemetry.repo.js';

export interface TelemetrySettings {
  rawRetentionDays: number;
  minuteRetentionDays: number;
  hourRetentionDays: number;
  partitionsAheadDays: number;
  maxFutureMs: number;
  /** points per ingest batch at most (default 20,000) */
  batchMaxPoints?: number;
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

/** Points of one device in a stored batch (values as sent), handed to the `onStored` listeners after the commit. */
export interface StoredBatch {
  device: DeviceRow;
  points: { ts: number; key: string; value: number | boolean | string }[];
  channel: 'http' | 'mqtt';
}
/** Called once per stored batch of messages with one entry per device (in the order first seen). */
export type StoredListener = (batches: StoredBatch[]) => Promise<void>;

/** A message waiting for its batch. */
interface Pending {
  device: DeviceRow;
  rows: PointIn[];
  accepted: StoredBatch['points'];
  refusals: PayloadError[];
  channel: 'http' | 'mqtt';
  at: Date;
}
interface Flushed {
  stored: number;
  /** the batch's alarm evaluation (never rejects) */
  judged: Promise<void>;
}
/** Points per batch at most (a message alone may be larger: it is never split). */
const BATCH_MAX_POINTS = 20_000;

const DAY = 86_400_000;
const RAW_ROW_CAP = 400_000;
const DEFAULT_POINTS_CAP = 10_000;

/**
 * Telemetry: ingest (HTTP and MQTT share `ingest`), storage upkeep (partitions ahead, retention) and queries.
 * Ingest of one message: parse (never throws) → check each value against the thing model → make sure the day
 * partitions exist → wait for the next batch (group commit of the messages that arrived meanwhile, `storeBatch`:
 * ONE transaction for all) → alarm evaluation of the batch → answer (MQTT: PUBACK).
 */
export function createTelemetryService(deps: { db: Db; clock: Clock; devices: DeviceService; settings: TelemetrySettings }) {
  const { db, clock, devices, settings } = deps;
  const known = new Set<string>();
  const storedListeners: StoredListener[] = [];
  let judging: Promise<void> = Promise.resolve();

  async function ensurePartitions(days: Iterable<number>) {
    for (const start of days) {
      const name = partitionOf(start).name;
      if (known.has(name)) continue;
      await telemetryRepo.ensurePartition(db, start);
      known.add(name);
    }
  }

  /**
   * A batch of messages, ONE transaction (docs/monitoring.md "Ingest: batches"): the batch's devices still active
   * with the credentials they authenticated with are locked FOR UPDATE in id order (a rotation or revocation that
   * committed meanwhile: that device's messages get 401, nothing of them stored) → one set-based insert of all points
   * with their rollups and latest values (ON CONFLICT: a point (device, key, ts) is stored once) → the devices'
   * counters and last seen → the refusal rows → commit. Then the alarm rules judge the batch (one evaluation per
   * batch, in batch order, while the next batch is being stored); each message resolves after both.
   */
  async function storeBatch(items: Pending[]): Promise<ItemResult<Flushed>[]> {
    const now = clock.now();
    const pairs = [...new Map(items.map((it) => [`${it.device.id}:${it.device.secretVersion}`, { id: it.device.id, v: it.device.secretVersion }])).values()];
    const { okKeys, stored } = await db.transaction(async (tx) => {
      const okKeys = await deviceRepo.lockActive(tx, pairs);
      const ok = items.filter((it) => okKeys.has(`${it.device.id}:${it.device.secretVersion}`));
      const points: PointOfDevice[] = [];
      for (const it of ok) for (const r of it.rows) points.push({ d: it.device.id, k: r.k, t: r.t, n: r.n, s: r.s });
      const inserted = await telemetryRepo.insertMany(tx, points);
      // new points per message: a device's new points go to its messages in order (duplicates fall on the later ones)
      const stored = new Map<Pending, number>();
      const counters = new Map<string, { id: string; v: number; stored: number; refusedPoints: number; refusedMessages: number }>();
      for (const it of ok) {
        const left = inserted.get(it.device.id) ?? 0;
        const n = Math.min(left, it.rows.length);
        inserted.set(it.device.id, left - n);
        stored.set(it, n);
        const c = counters.get(it.device.id) ?? { id: it.device.id, v: it.device.secretVersion, stored: 0, refusedPoints: 0, refusedMessages: 0 };
        c.stored += n;
        c.refusedPoints += it.refusals.length;
        c.refusedMessages += it.rows.length === 0 && it.refusals.length > 0 ? 1 : 0;
        counters.set(it.device.id, c);
      }
      await deviceRepo.touchMany(tx, now, [...counters.values()]);
      await deviceRepo.addErrors(
        tx,
        ok.flatMap((it) =>
          it.refusals.slice(0, 20).map((e) => ({ enterpriseId: it.device.enterpriseId, deviceId: it.device.id, at: it.at, channel: it.channel, code: e.code, message: e.message, messageEn: e.messageEn, detail: { index: e.index ?? null, key: e.key ?? null } })),
        ),
      );
      return { okKeys, stored };
    });
    // after the commit: alarm evaluation of the batch, one device at a time in the listener, batches in order
    const byDevice = new Map<string, StoredBatch>();
    for (const it of items) {
      if (!stored.has(it) || !it.accepted.length) continue;
      const b = byDevice.get(it.device.id) ?? { device: it.device, points: [], channel: it.channel };
      for (const p of it.accepted) b.points.push(p);
      byDevice.set(it.device.id, b);
    }
    const batches = [...byDevice.values()];
    const judged = batches.length && storedListeners.length ? (judging = judging.then(() => Promise.allSettled(storedListeners.map((l) => l(batches))).then(() => undefined))) : judging;
    return items.map((it) => (okKeys.has(`${it.device.id}:${it.device.secretVersion}`) ? { ok: { stored: stored.get(it) ?? 0, judged } } : { err: devices.badCredentials() }));
  }
  const batcher = groupCommit<Pending, Flushed>({ maxWeight: settings.batchMaxPoints ?? BATCH_MAX_POINTS, flush: storeBatch });

  return {
    /** Listen to stored points (called after each batch commits, awaited before the answers/PUBACKs). */
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

    /**
     * One message of an authenticated device (HTTP and MQTT). Parsed and checked here, then stored with the messages
     * submitted meanwhile in one transaction (group commit, `storeBatch`); resolves once stored and judged by the
     * alarm rules. Throws 401 when the device was revoked or rotated meanwhile (nothing of the message stored).
     */
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
      const r = await batcher.submit({ device, rows, accepted, refusals, channel, at: now }, Math.max(1, rows.length));
      await r.judged;
      return { stored: r.stored, duplicates: rows.length - r.stored, refused: refusals.length, errors: refusals.slice(0, 50) };
    },

    /** Messages waiting for the next batch (tests, the bench). */
    pendingMessages: () => batcher.pending(),

    /** GET /devices/{id}/telemetry: series per key, downsampled to at most `points` keeping extremes. */
    async query(p: Principal | null, id: string, q: { keys?: string[]; from?: Date; to?: Date; points?: number; resolution?: Resolution | 'auto' }) {
      const { device } = await devices.loadReadable(p, id);
      const now = clock.now();
      const to = q.to ?? now;
      const from = q.from ?? new Date(to.getTime() - 3_600_000);
      if (from.getTime() >= to.getTime()) throw errors.field('from', '须早于 to', 'must be before to');
      const keys = q.keys?.length ? q.keys : await telemetryRepo.keys(db, device.id);
      let resolution: Resolution =
        q.resolution && q.resolution !== 'auto' ? q.resolution : chooseResolution(from.getTime(), to.getTime(), now.getTime(), settings.rawRetentionDays * DAY, settings.minuteRetentionDays * DAY, q.points);
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
