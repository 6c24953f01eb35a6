import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/** Advisory-lock class of the per-unit trading lock (next to the audit chain's 727004/727005 keys). */
const TRADE_UNIT_LOCK = 727010;

/**
 * The per-unit lock of the market (issue 13): a listing and a lease of the same unit serialise on it, so the one
 * that commits second re-reads the other's row inside its own transaction and refuses (409). Transaction-scoped
 * (`pg_advisory_xact_lock`, the same on PGlite and PostgreSQL); taken FIRST in the transaction, before any row,
 * stream or audit-chain lock, and over several units in code order, so two writers never wait on each other in a
 * circle.
 */
export async function lockTradeUnits(tx: Db, enterpriseId: string, codes: readonly string[]): Promise<void> {
  for (const code of [...new Set(codes)].sort()) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${TRADE_UNIT_LOCK}, hashtext(${`${enterpriseId}:${code}`}))`);
  }
}
