import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import type { RequestContext } from './principal.js';

/**
 * Append-only, hash-chained audit trail. Every write use case calls recordAudit() inside its own transaction,
 * so the row exists if and only if the change does. Each entry stores a SHA-256 digest of the change and
 * hash = sha256(prev_hash + canonical(entry)); the first entry chains from GENESIS. A trigger refuses UPDATE,
 * DELETE and TRUNCATE; verifyAuditChain() detects edits made around it (e.g. by a superuser).
 */
export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK = 727002;

export interface AuditInput {
  action: string;
  objectType: string;
  objectId?: string | null;
  enterpriseId?: string | null;
  /** The change (new values, or {before, after}); only its digest is kept here. */
  change?: unknown;
}

/** JSON with sorted keys, so equal values always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type Row = typeof auditLog.$inferSelect;
type Hashable = Omit<Row, 'id' | 'hash'>;

function entryHash(e: Hashable): string {
  return sha256(
    e.prevHash +
      canonicalJson({
        at: e.at.toISOString(),
        actorKind: e.actorKind,
        actorId: e.actorId,
        actorUsername: e.actorUsername,
        actorRole: e.actorRole,
        actorOrg: e.actorOrg,
        action: e.action,
        objectType: e.objectType,
        objectId: e.objectId,
        enterpriseId: e.enterpriseId,
        ip: e.ip,
        requestId: e.requestId,
        digest: e.digest,
      }),
  );
}

export async function recordAudit(tx: Db, ctx: RequestContext | null, input: AuditInput): Promise<void> {
  // Serialise appends so the chain stays linear under concurrent transactions.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const p = ctx?.principal ?? null;
  const entry: Hashable = {
    at: new Date(),
    actorKind: p ? p.kind : ctx ? 'public' : 'system',
    actorId: p ? (p.kind === 'user' ? p.userId : p.tokenId) : null,
    actorUsername: p ? (p.kind === 'user' ? p.username : `token:${p.tokenName}`) : null,
    actorRole: p ? p.role : null,
    actorOrg: p ? (p.kind === 'user' ? (p.enterpriseId ?? p.authorityId ?? p.expertId) : p.enterpriseId) : null,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId ?? null,
    enterpriseId: input.enterpriseId ?? null,
    ip: ctx?.ip ?? null,
    requestId: ctx?.requestId ?? null,
    digest: sha256(canonicalJson(input.change ?? null)),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...entry, hash: entryHash(entry) });
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** id of the first entry whose stored hash or link does not match, or null. */
  firstBrokenAt: number | null;
}

/** Recompute the whole chain in id order, in pages, without loading it all at once. */
export async function verifyAuditChain(db: Db, pageSize = 1000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let entries = 0;
  let firstBrokenAt: number | null = null;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      entries++;
      if (firstBrokenAt === null && (r.prevHash !== prev || entryHash(r) !== r.hash)) firstBrokenAt = r.id;
      prev = r.hash;
      lastId = r.id;
    }
  }
  return { ok: firstBrokenAt === null, entries, firstBrokenAt };
}
