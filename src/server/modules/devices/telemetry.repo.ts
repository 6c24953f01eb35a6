import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { isUniqueViolation, sqlState } from '../../platform/tx.js';

/**
 * All SQL on telemetry (raw, partitioned by UTC day), telemetry_1m / telemetry_1h (rollups) and telemetry_latest.
 * Writes are one statement per batch of messages (`insertMany`): the points go in through jsonb_to_recordset (one
 * parameter, the same on PGlite and node-postgres).
 */
export interface PointIn {
  /** key */
  k: string;
  /** epoch ms */
  t: number;
  /** number (boolean as 0/1) */
  n: number | null;
  /** string value */
  s: string | null;
}

const DAY = 86_400_000;
/** Partition name and bounds of the UTC day holding `ms`. */
export function partitionOf(ms: number) {
  const start = Math.floor(ms / DAY) * DAY;
  const d = new Date(start).toISOString().slice(0, 10);
  return { name: `telemetry_p${d.replaceAll('-', '')}`, from: `${d} 00:00:00+00`, to: `${new Date(start + DAY).toISOString().slice(0, 10)} 00:00:00+00`, start };
}

/** A point with its device (batches across devices). */
export interface PointOfDevice extends PointIn {
  /** device id */
  d: string;
}

// several devices: grouped and ordered by (device, key, bucket), the same lock order in every batch (no deadlocks)
const rollupUpsertMany = (table: 'telemetry_1m' | 'telemetry_1h', unit: 'minute' | 'hour') => sql`
  INSERT INTO ${sql.raw(table)} AS r (device_id, key, bucket, min, max, sum, count, last, last_ts)
  SELECT device_id, key, date_trunc(${sql.raw(`'${unit}'`)}, ts, 'UTC'), min(num), max(num), sum(num), count(*)::int, (array_agg(num ORDER BY ts DESC))[1], max(ts)
  FROM ins WHERE num IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (device_id, key, bucket) DO UPDATE SET
    min = LEAST(r.min, excluded.min), max = GREATEST(r.max, excluded.max), sum = r.sum + excluded.sum, count = r.count + excluded.count,
    last = CASE WHEN excluded.last_ts >= r.last_ts THEN excluded.last ELSE r.last END, last_ts = GREATEST(r.last_ts, excluded.last_ts)`;

export const telemetryRepo = {
  /** Existing partitions of telemetry: name → start (epoch ms). */
  async partitions(db: Db): Promise<Map<string, number>> {
    const rows = await rowsOf<{ name: string }>(db, sql`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'telemetry'::regclass`);
    const out = new Map<string, number>();
    for (const r of rows) {
      const m = /^telemetry_p(\d{4})(\d{2})(\d{2})$/.exec(r.name);
      if (m) out.set(r.name, Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    }
    return out;
  },

  /** Create the day partition holding `ms` unless it exists (a concurrent creator's win counts as success). */
  async ensurePartition(db: Db, ms: number): Promise<string> {
    const p = partitionOf(ms);
    try {
      await db.execute(sql.raw(`CREATE TABLE IF NOT EXISTS ${p.name} PARTITION OF telemetry FOR VALUES FROM ('${p.from}') TO ('${p.to}')`));
    } catch (err) {
      // two processes creating the same partition at once: the loser sees the catalog row of the winner
      if (!(isUniqueViolation(err) || sqlState(err) === '42P07')) throw err;
    }
    return p.name;
  },

  async dropPartition(db: Db, name: string) {
    if (!/^telemetry_p\d{8}$/.test(name)) throw new Error(`not a telemetry partition: ${name}`);
    await db.execute(sql.raw(`DROP TABLE IF EXISTS ${name}`));
  },

  /**
   * Store the points of several devices in one statement (a batch of messages, docs/monitoring.md "Ingest: batches"):
   * duplicates (device, key, ts) — within the batch or already stored — are skipped by ON CONFLICT DO NOTHING, and the
   * rollups and latest values are maintained from the rows actually inserted (RETURNING), so a replayed point never
   * counts twice. Returns the number of new points per device (devices with none are absent).
   */
  async insertMany(db: Db, points: PointOfDevice[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (points.length === 0) return out;
    const rows = await rowsOf<{ device_id: string; inserted: number }>(
      db,
      sql`WITH rows AS (
            SELECT * FROM jsonb_to_recordset(${JSON.stringify(points)}::jsonb) AS x(d uuid, k text, t bigint, n float8, s text)
          ), ins AS (
            INSERT INTO telemetry (device_id, key, ts, num, txt)
            SELECT d, k, timestamptz 'epoch' + t * interval '1 millisecond', n, s FROM rows
            ON CONFLICT DO NOTHING -- also a repeat within the batch: its first occurrence is stored, no sort needed
            RETURNING device_id, key, ts, num, txt
          ), m AS (${rollupUpsertMany('telemetry_1m', 'minute')}
          ), h AS (${rollupUpsertMany('telemetry_1h', 'hour')}
          ), l AS (
            INSERT INTO telemetry_latest AS r (device_id, key, ts, num, txt)
            SELECT DISTINCT ON (device_id, key) device_id, key, ts, num, txt FROM ins ORDER BY device_id, key, ts DESC
            ON CONFLICT (device_id, key) DO UPDATE SET ts = excluded.ts, num = excluded.num, txt = excluded.txt WHERE excluded.ts >= r.ts
          )
          SELECT device_id, count(*)::int AS inserted FROM ins GROUP BY device_id`,
    );
    for (const r of rows) out.set(r.device_id, r.inserted);
    return out;
  },

  /** Raw numeric points of some keys in [from, to), time order, at most `limit` per call. */
  async raw(db: Db, deviceId: string, keys: string[], from: Date, to: Date, limit: number) {
    return rowsOf<{ key: string; t: number; v: number }>(
      db,
      sql`SELECT key, (extract(epoch FROM ts) * 1000)::float8 AS t, num AS v FROM telemetry
          WHERE device_id = ${deviceId}::uuid AND key IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)) AND ts >= ${from} AND ts < ${to} AND num IS NOT NULL
          ORDER BY key, ts LIMIT ${limit}`,
    );
  },

  async rollup(db: Db, table: '1m' | '1h', deviceId: string, keys: string[], from: Date, to: Date, limit: number) {
    const t = sql.raw(table === '1m' ? 'telemetry_1m' : 'telemetry_1h');
    return rowsOf<{ key: string; t: number; min: number; max: number; avg: number }>(
      db,
      sql`SELECT key, (extract(epoch FROM bucket) * 1000)::float8 AS t, min, max, sum / count AS avg FROM ${t}
          WHERE device_id = ${deviceId}::uuid AND key IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)) AND bucket >= ${from} AND bucket < ${to}
          ORDER BY key, bucket LIMIT ${limit}`,
    );
  },

  async latest(db: Db, deviceId: string) {
    return rowsOf<{ key: string; t: number; num: number | null; txt: string | null }>(
      db,
      sql`SELECT key, (extract(epoch FROM ts) * 1000)::float8 AS t, num, txt FROM telemetry_latest WHERE device_id = ${deviceId}::uuid ORDER BY key`,
    );
  },

  /** Keys a device has reported (the latest table holds one row per key). */
  async keys(db: Db, deviceId: string) {
    return (await rowsOf<{ key: string }>(db, sql`SELECT key FROM telemetry_latest WHERE device_id = ${deviceId}::uuid ORDER BY key`)).map((r) => r.key);
  },

  async purgeRollup(db: Db, table: '1m' | '1h', before: Date) {
    const t = sql.raw(table === '1m' ? 'telemetry_1m' : 'telemetry_1h');
    const [r] = await rowsOf<{ n: number }>(db, sql`WITH d AS (DELETE FROM ${t} WHERE bucket < ${before} RETURNING 1) SELECT count(*)::int AS n FROM d`);
    return r?.n ?? 0;
  },
  /** Merge a device's reported attributes (…/attributes over MQTT) into its row: later keys replace, others stay. */
  async mergeAttributes(db: Db, enterpriseId: string, deviceId: string, attributes: Record<string, string | number | boolean | null>, at: Date) {
    await db.execute(sql`
      INSERT INTO device_attributes AS a (enterprise_id, device_id, attributes, updated_at)
      VALUES (${enterpriseId}::uuid, ${deviceId}::uuid, ${JSON.stringify(attributes)}::jsonb, ${at})
      ON CONFLICT (device_id) DO UPDATE SET attributes = a.attributes || excluded.attributes, updated_at = excluded.updated_at`);
  },

  async attributes(db: Db, deviceId: string) {
    const [r] = await rowsOf<{ attributes: Record<string, string | number | boolean | null>; updated_at: Date | string }>(
      db,
      sql`SELECT attributes, updated_at FROM device_attributes WHERE device_id = ${deviceId}::uuid`,
    );
    return r ? { attributes: r.attributes, updatedAt: new Date(r.updated_at) } : null;
  },
};
