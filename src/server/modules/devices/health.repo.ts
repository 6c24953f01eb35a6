import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

/**
 * The reads of the health, fleet and live-stream views (issue 12) on the telemetry tables. The raw table is
 * partitioned by day with the primary key (device_id, key, ts): "the last N values of a key" is an index scan
 * backwards per key (LATERAL), never a scan of the device's history.
 */
export const healthRepo = {
  /** The newest `n` numeric values of each key (the health index's recent window), time order. */
  async recent(db: Db, deviceId: string, keys: readonly string[], n: number) {
    if (!keys.length) return [];
    return rowsOf<{ key: string; ts: number; value: number }>(
      db,
      sql`SELECT k.key, t.ts, t.value FROM jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) AS k(key)
          CROSS JOIN LATERAL (
            SELECT (extract(epoch FROM ts) * 1000)::float8 AS ts, num AS value FROM telemetry
            WHERE device_id = ${deviceId}::uuid AND telemetry.key = k.key AND num IS NOT NULL ORDER BY ts DESC LIMIT ${n}
          ) t ORDER BY k.key, t.ts`,
    );
  },

  /**
   * One real sample per hour and key over the whole history: the hour's last value at its own timestamp (the
   * 1-hour rollup's `last`, `last_ts`). A device reporting its keys together yields samples whose rpm, run hours
   * and vibration belong to the same instant (the RUL method reads the operating regime from the rpm).
   */
  async hourlyLast(db: Db, deviceId: string, keys: readonly string[], limit: number) {
    return rowsOf<{ key: string; ts: number; value: number }>(
      db,
      sql`SELECT key, (extract(epoch FROM last_ts) * 1000)::float8 AS ts, last AS value FROM telemetry_1h
          WHERE device_id = ${deviceId}::uuid AND key IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
          ORDER BY bucket DESC, key LIMIT ${limit}`,
    );
  },

  /** Latest values changed after `since` (epoch ms): the live stream's poll. */
  async latestSince(db: Db, deviceId: string, since: number) {
    return rowsOf<{ key: string; ts: number; num: number | null; txt: string | null }>(
      db,
      sql`SELECT key, (extract(epoch FROM ts) * 1000)::float8 AS ts, num, txt FROM telemetry_latest
          WHERE device_id = ${deviceId}::uuid AND ts > timestamptz 'epoch' + ${since}::float8 * interval '1 millisecond' ORDER BY ts, key`,
    );
  },

  /** Keys a device has reported. */
  async keys(db: Db, deviceId: string) {
    return (await rowsOf<{ key: string }>(db, sql`SELECT key FROM telemetry_latest WHERE device_id = ${deviceId}::uuid ORDER BY key`)).map((r) => r.key);
  },
};
