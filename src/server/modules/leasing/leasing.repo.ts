import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import type { Billing, LeaseKind, LeaseStatus, RentPeriod, RentStatus, ReturnDisposition } from '../../../domain/trading/lease.js';

/** All SQL on leases and lease_rents. */
export interface LeaseRow {
  enterprise_id: string;
  id: string;
  product_code: string;
  model: string | null;
  product_name: string;
  lessee_org_id: string;
  kind: LeaseKind;
  financier_org_id: string | null;
  status: LeaseStatus;
  start_on: string;
  months: number;
  deposit_cny: string;
  billing: Billing;
  monthly_rent_cny: string | null;
  rate_per_hour_cny: string | null;
  minimum_monthly_cny: string | null;
  start_hours: string;
  start_hours_source: 'monitoring' | 'declared';
  purchase_price_cny: string | null;
  terminate_reason: string | null;
  return_disposition: ReturnDisposition | null;
  core_epc: string | null;
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  closed_at: Date | string | null;
}
export interface RentRow {
  enterprise_id: string;
  lease_id: string;
  seq: number;
  period_from: string;
  period_to: string;
  due_on: string;
  amount_cny: string | null;
  reading_hours: string | null;
  hours: string | null;
  reading_source: 'monitoring' | 'declared' | null;
  status: RentStatus;
  paid_cny: string | null;
  paid_reference: string | null;
  paid_at: Date | string | null;
}

const COLS = sql.raw(
  "enterprise_id, id, product_code, model, product_name, lessee_org_id, kind, financier_org_id, status, to_char(start_on, 'YYYY-MM-DD') AS start_on, months, deposit_cny, billing, monthly_rent_cny, rate_per_hour_cny, minimum_monthly_cny, start_hours, start_hours_source, purchase_price_cny, terminate_reason, return_disposition, core_epc, created_by, created_at, updated_at, closed_at",
);
const RENT_COLS = sql.raw(
  "enterprise_id, lease_id, seq, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, to_char(due_on, 'YYYY-MM-DD') AS due_on, amount_cny, reading_hours, hours, reading_source, status, paid_cny, paid_reference, paid_at",
);
const uuidArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb)::uuid)`;

export type LeasePatch = Partial<Pick<LeaseRow, 'status' | 'terminate_reason' | 'return_disposition' | 'core_epc'>> & { closed_at?: Date };
export type RentPatch = Partial<Pick<RentRow, 'amount_cny' | 'reading_hours' | 'hours' | 'reading_source' | 'status' | 'paid_cny' | 'paid_reference'>> & { paid_at?: Date };

export const leaseRepo = {
  /** The insert; false when the unit has a live lease already (leases_live_unit). */
  async insert(db: Db, l: Omit<LeaseRow, 'status' | 'terminate_reason' | 'return_disposition' | 'core_epc' | 'created_at' | 'updated_at' | 'closed_at'>, at: Date): Promise<boolean> {
    const r = await rowsOf<{ id: string }>(
      db,
      sql`INSERT INTO leases (enterprise_id, id, product_code, model, product_name, lessee_org_id, kind, financier_org_id, start_on, months, deposit_cny, billing, monthly_rent_cny, rate_per_hour_cny, minimum_monthly_cny, start_hours, start_hours_source, purchase_price_cny, created_by, created_at, updated_at)
        VALUES (${l.enterprise_id}, ${l.id}, ${l.product_code}, ${l.model}, ${l.product_name}, ${l.lessee_org_id}, ${l.kind}, ${l.financier_org_id}, ${l.start_on}, ${l.months}, ${l.deposit_cny}, ${l.billing}, ${l.monthly_rent_cny}, ${l.rate_per_hour_cny}, ${l.minimum_monthly_cny}, ${l.start_hours}, ${l.start_hours_source}, ${l.purchase_price_cny}, ${l.created_by}, ${at.toISOString()}, ${at.toISOString()})
        ON CONFLICT (enterprise_id, product_code) WHERE status IN ('active', 'ended', 'terminated') DO NOTHING RETURNING id`,
    );
    return r.length === 1;
  },
  /** Whether the unit has a live lease (not yet returned or purchased): the market does not list it. */
  async unitLeased(db: Db, enterpriseId: string, code: string): Promise<boolean> {
    const r = await rowsOf<{ id: string }>(db, sql`SELECT id FROM leases WHERE enterprise_id = ${enterpriseId} AND product_code = ${code} AND status IN ('active', 'ended', 'terminated') LIMIT 1`);
    return r.length > 0;
  },
  /**
   * Market statistics: leases started in [from, to) per lessor enterprise — count, 以租代购 count, and the contract
   * value (the rents not void: fixed amounts as scheduled, usage rents as billed).
   */
  async aggregates(db: Db, enterpriseIds: string[] | null, from: string, to: string): Promise<{ enterprise_id: string; leases: number; rent_to_own: number; value_cny: string }[]> {
    const scope = enterpriseIds ? sql`l.enterprise_id = ANY(${uuidArray(enterpriseIds)})` : sql`true`;
    return rowsOf(db, sql`SELECT l.enterprise_id, count(*)::int AS leases, count(*) FILTER (WHERE l.purchase_price_cny IS NOT NULL)::int AS rent_to_own,
        coalesce(sum((SELECT sum(r.amount_cny) FROM lease_rents r WHERE r.enterprise_id = l.enterprise_id AND r.lease_id = l.id AND r.status <> 'void')), 0)::text AS value_cny
      FROM leases l WHERE l.start_on >= ${from}::date AND l.start_on < ${to}::date AND ${scope} GROUP BY l.enterprise_id`);
  },
  /** The schedule, set-based (one INSERT for all periods). */
  async insertRents(db: Db, enterpriseId: string, leaseId: string, periods: RentPeriod[]) {
    await db.execute(sql`INSERT INTO lease_rents (enterprise_id, lease_id, seq, period_from, period_to, due_on, amount_cny, status)
      SELECT ${enterpriseId}::uuid, ${leaseId}::uuid, x.seq, x.f::date, x.t::date, x.d::date, x.a, 'scheduled'
      FROM jsonb_to_recordset(${JSON.stringify(periods.map((p) => ({ seq: p.seq, f: p.from, t: p.to, d: p.dueOn, a: p.amountCny })))}::jsonb) AS x(seq int, f text, t text, d text, a numeric)`);
  },
  async get(db: Db, id: string): Promise<LeaseRow | undefined> {
    return (await rowsOf<LeaseRow>(db, sql`SELECT ${COLS} FROM leases WHERE id = ${id} LIMIT 1`))[0];
  },
  async lock(db: Db, id: string): Promise<LeaseRow | undefined> {
    return (await rowsOf<LeaseRow>(db, sql`SELECT ${COLS} FROM leases WHERE id = ${id} LIMIT 1 FOR UPDATE`))[0];
  },
  async update(db: Db, l: LeaseRow, patch: LeasePatch, at: Date): Promise<void> {
    const sets: SQL[] = [sql`updated_at = ${at.toISOString()}`];
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) sets.push(sql`${sql.identifier(k)} = ${v instanceof Date ? v.toISOString() : v}`);
    await db.execute(sql`UPDATE leases SET ${sql.join(sets, sql`, `)} WHERE enterprise_id = ${l.enterprise_id} AND id = ${l.id}`);
  },
  async rents(db: Db, leaseIds: string[]): Promise<RentRow[]> {
    if (!leaseIds.length) return [];
    return rowsOf<RentRow>(db, sql`SELECT ${RENT_COLS} FROM lease_rents WHERE lease_id = ANY(${uuidArray(leaseIds)}) ORDER BY lease_id, seq`);
  },
  async updateRent(db: Db, l: LeaseRow, seq: number, patch: RentPatch): Promise<void> {
    const sets: SQL[] = [];
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) sets.push(sql`${sql.identifier(k)} = ${v instanceof Date ? v.toISOString() : v}`);
    await db.execute(sql`UPDATE lease_rents SET ${sql.join(sets, sql`, `)} WHERE enterprise_id = ${l.enterprise_id} AND lease_id = ${l.id} AND seq = ${seq}`);
  },
  /** Early termination: the rents not yet due are void (those due already stay owed). */
  async voidFutureRents(db: Db, l: LeaseRow, today: string): Promise<number> {
    const r = await rowsOf<{ seq: number }>(db, sql`UPDATE lease_rents SET status = 'void' WHERE enterprise_id = ${l.enterprise_id} AND lease_id = ${l.id} AND status IN ('scheduled', 'billed') AND period_from >= ${today}::date RETURNING seq`);
    return r.length;
  },
  /** Leases of a lessor enterprise, a lessee or financier organisation, or all (MIIT). */
  async page(db: Db, f: { enterpriseId?: string; orgId?: string; status?: string }, limit: number, offset: number): Promise<{ rows: LeaseRow[]; total: number }> {
    const where: SQL[] = [sql`true`];
    if (f.enterpriseId) where.push(sql`enterprise_id = ${f.enterpriseId}`);
    if (f.orgId) where.push(sql`(lessee_org_id = ${f.orgId} OR financier_org_id = ${f.orgId})`);
    if (f.status) where.push(sql`status = ${f.status}`);
    const rows = await rowsOf<LeaseRow & { total: number }>(db, sql`SELECT ${COLS}, count(*) OVER ()::int AS total FROM leases WHERE ${sql.join(where, sql` AND `)} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`);
    return { rows, total: rows[0]?.total ?? 0 };
  },
};
