import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { q, type EnterpriseIds } from './trace.repo.js';

/**
 * SQL of the projection's health columns of trace_projection (migration 20261205040000_jobs): consecutive failures
 * of a stream and its quarantine (docs/traceability.md §4). Kept apart from trace.repo.ts's cursor statements.
 */
export interface StreamHealth {
  enterpriseId: string;
  failures: number;
  quarantinedAt: string | null;
  quarantineReason: string | null;
}
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
type Raw = { enterprise_id: string; failures: number; quarantined_at: string | Date | null; quarantine_reason: string | null };
const toHealth = (r: Raw): StreamHealth => ({ enterpriseId: r.enterprise_id, failures: r.failures, quarantinedAt: iso(r.quarantined_at), quarantineReason: r.quarantine_reason });

export const quarantineRepo = {
  async health(db: Db, ids: EnterpriseIds): Promise<Map<string, StreamHealth>> {
    const rows = await q<Raw>(
      db,
      sql`SELECT enterprise_id::text, failures, quarantined_at, quarantine_reason FROM trace_projection
          WHERE ${ids === null ? sql`true` : sql`enterprise_id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid))`}`,
    );
    return new Map(rows.map((r) => [r.enterprise_id, toHealth(r)]));
  },
  /** One more failure in a row; at `maxFailures` the stream is quarantined with this reason. */
  async failed(db: Db, enterpriseId: string, message: string, maxFailures: number): Promise<StreamHealth | null> {
    const m = message.slice(0, 2000);
    const [r] = await q<Raw>(
      db,
      sql`UPDATE trace_projection SET last_error = ${m}, failed_at = now(), failures = failures + 1,
            quarantine_reason = CASE WHEN quarantined_at IS NULL AND failures + 1 >= ${maxFailures} THEN ${m} ELSE quarantine_reason END,
            quarantined_at = CASE WHEN quarantined_at IS NULL AND failures + 1 >= ${maxFailures} THEN now() ELSE quarantined_at END
          WHERE enterprise_id = ${enterpriseId} RETURNING enterprise_id::text, failures, quarantined_at, quarantine_reason`,
    );
    return r ? toHealth(r) : null;
  },
  /** After a successful step: the failures in a row are over. */
  async recovered(db: Db, enterpriseId: string) {
    await db.execute(sql`UPDATE trace_projection SET failures = 0 WHERE enterprise_id = ${enterpriseId} AND failures > 0 AND quarantined_at IS NULL`);
  },
  /** Operator repair: the quarantine and the failure count are cleared (inside the audited transaction). */
  async clear(db: Db, enterpriseId: string): Promise<StreamHealth | null> {
    const [before] = await q<Raw>(db, sql`SELECT enterprise_id::text, failures, quarantined_at, quarantine_reason FROM trace_projection WHERE enterprise_id = ${enterpriseId} FOR UPDATE`);
    if (!before) return null;
    await db.execute(sql`UPDATE trace_projection SET failures = 0, quarantined_at = NULL, quarantine_reason = NULL, last_error = NULL, failed_at = NULL WHERE enterprise_id = ${enterpriseId}`);
    return toHealth(before);
  },
};
