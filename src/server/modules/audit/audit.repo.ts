import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import { likeEscaped, likePrefix } from '../../db/like.js';

/**
 * The reads of audit_log (the log page, its export, an object's history). The writes — `recordAudit`, inside every
 * module's own transaction — and the chain check stay in platform/audit.ts beside the hash chain they keep.
 */

/** Filters of the audit log page and its export (issue 16 item 11); dates are Asia/Shanghai calendar days. */
export interface AuditFilter {
  /** actor username, exact */
  actor?: string;
  /** action code, or an area prefix (`revocation` matches `revocation.*`) */
  action?: string;
  objectType?: string;
  /** object id, exact */
  objectId?: string;
  from?: string;
  to?: string;
}

function auditWhere(f: AuditFilter) {
  const conds = [];
  if (f.actor) conds.push(eq(auditLog.actorUsername, f.actor));
  if (f.action) conds.push(f.action.includes('.') ? eq(auditLog.action, f.action) : likeEscaped(auditLog.action, likePrefix(`${f.action}.`)));
  if (f.objectType) conds.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) conds.push(eq(auditLog.objectId, f.objectId));
  if (f.from) conds.push(sql`${auditLog.at} >= (${f.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (f.to) conds.push(sql`${auditLog.at} < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  return conds.length ? and(...conds) : undefined;
}

/** One page of the trail, newest first, and the count of all matching entries. */
export async function listAudit(db: Db, page: number, pageSize: number, filter: AuditFilter = {}) {
  const where = auditWhere(filter);
  const [items, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>['items'][number];
