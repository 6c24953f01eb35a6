import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import type { ClaimStatus } from '../../../domain/trading/insurance.js';

/** All SQL on insurance_policies and insurance_claims. */
export interface PolicyRow {
  enterprise_id: string;
  id: string;
  product_code: string;
  product_name: string;
  model: string | null;
  insurer_org_id: string;
  holder_org_id: string;
  order_id: string | null;
  lease_id: string | null;
  policy_number: string;
  cover_cny: string;
  coverage: string;
  premium_cny: string;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: Date | string;
}
export interface ClaimRow {
  enterprise_id: string;
  case_id: string;
  policy_id: string;
  insurer_org_id: string;
  case_number: string;
  product_code: string;
  title: string;
  description: string | null;
  opened_at: Date | string;
  warranty_until: string | null;
  status: ClaimStatus;
  amount_cny: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
}
export type ClaimWithPolicy = ClaimRow & { policy_number: string; cover_cny: string; starts_on: string; ends_on: string; holder_org_id: string };

const P_COLS = sql.raw(
  "p.enterprise_id, p.id, p.product_code, p.product_name, p.model, p.insurer_org_id, p.holder_org_id, p.order_id, p.lease_id, p.policy_number, p.cover_cny, p.coverage, p.premium_cny, to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on, p.created_by, p.created_at",
);
const C_COLS = sql.raw(
  "c.enterprise_id, c.case_id, c.policy_id, c.insurer_org_id, c.case_number, c.product_code, c.title, c.description, c.opened_at, to_char(c.warranty_until, 'YYYY-MM-DD') AS warranty_until, c.status, c.amount_cny, c.reason, c.decided_by, c.decided_at, p.policy_number, p.cover_cny, to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on, p.holder_org_id",
);

/** Who sees which rows of a list: an enterprise its units', an organisation those it insures or holds, MIIT all. */
export type Scope = { enterpriseId: string } | { orgId: string } | 'all';
const policyScope = (s: Scope): SQL => (s === 'all' ? sql`true` : 'enterpriseId' in s ? sql`p.enterprise_id = ${s.enterpriseId}` : sql`(p.insurer_org_id = ${s.orgId} OR p.holder_org_id = ${s.orgId})`);
const uuidArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb)::uuid)`;

export const insuranceRepo = {
  /** The policies of one unit (its enterprise's), oldest term first. */
  async ofUnit(db: Db, enterpriseId: string, code: string): Promise<PolicyRow[]> {
    return rowsOf<PolicyRow>(db, sql`SELECT ${P_COLS} FROM insurance_policies p WHERE p.enterprise_id = ${enterpriseId} AND p.product_code = ${code} ORDER BY p.starts_on, p.id`);
  },
  /** The public view of a unit by its code (codes are platform-wide). */
  async byCode(db: Db, code: string): Promise<PolicyRow[]> {
    return rowsOf<PolicyRow>(db, sql`SELECT ${P_COLS} FROM insurance_policies p WHERE p.product_code = ${code} ORDER BY p.starts_on, p.id LIMIT 20`);
  },
  async insert(db: Db, r: Omit<PolicyRow, 'created_at'>, at: Date) {
    await db.execute(sql`INSERT INTO insurance_policies (enterprise_id, id, product_code, product_name, model, insurer_org_id, holder_org_id, order_id, lease_id, policy_number, cover_cny, coverage, premium_cny, starts_on, ends_on, created_by, created_at)
      VALUES (${r.enterprise_id}, ${r.id}, ${r.product_code}, ${r.product_name}, ${r.model}, ${r.insurer_org_id}, ${r.holder_org_id}, ${r.order_id}, ${r.lease_id}, ${r.policy_number}, ${r.cover_cny}, ${r.coverage}, ${r.premium_cny}, ${r.starts_on}, ${r.ends_on}, ${r.created_by}, ${at.toISOString()})`);
  },
  async get(db: Db, id: string): Promise<PolicyRow | undefined> {
    return (await rowsOf<PolicyRow>(db, sql`SELECT ${P_COLS} FROM insurance_policies p WHERE p.id = ${id} LIMIT 1`))[0];
  },
  async lockPolicy(db: Db, enterpriseId: string, id: string): Promise<PolicyRow | undefined> {
    return (await rowsOf<PolicyRow>(db, sql`SELECT ${P_COLS} FROM insurance_policies p WHERE p.enterprise_id = ${enterpriseId} AND p.id = ${id} FOR UPDATE`))[0];
  },
  async page(db: Db, scope: Scope, f: { productCode?: string }, limit: number, offset: number): Promise<{ rows: PolicyRow[]; total: number }> {
    const where: SQL[] = [policyScope(scope)];
    if (f.productCode) where.push(sql`p.product_code = ${f.productCode}`);
    const rows = await rowsOf<PolicyRow & { total: number }>(db, sql`SELECT ${P_COLS}, count(*) OVER ()::int AS total FROM insurance_policies p WHERE ${sql.join(where, sql` AND `)} ORDER BY p.created_at DESC, p.id LIMIT ${limit} OFFSET ${offset}`);
    return { rows, total: rows[0]?.total ?? 0 };
  },
  /** Claims filed and paid per policy. */
  async claimSums(db: Db, policyIds: string[]): Promise<Map<string, { claims: number; paid: number }>> {
    if (!policyIds.length) return new Map();
    const rows = await rowsOf<{ policy_id: string; claims: number; paid: string }>(db, sql`SELECT policy_id, count(*)::int AS claims, coalesce(sum(amount_cny) FILTER (WHERE status = 'accepted'), 0)::text AS paid FROM insurance_claims WHERE policy_id = ANY(${uuidArray(policyIds)}) GROUP BY policy_id`);
    return new Map(rows.map((r) => [r.policy_id, { claims: r.claims, paid: Number(r.paid) }]));
  },
  /** ON CONFLICT DO NOTHING: one claim per case. */
  async insertClaim(db: Db, c: Pick<ClaimRow, 'enterprise_id' | 'case_id' | 'policy_id' | 'insurer_org_id' | 'case_number' | 'product_code' | 'title' | 'description' | 'warranty_until'> & { opened_at: Date }) {
    await db.execute(sql`INSERT INTO insurance_claims (enterprise_id, case_id, policy_id, insurer_org_id, case_number, product_code, title, description, opened_at, warranty_until)
      VALUES (${c.enterprise_id}, ${c.case_id}, ${c.policy_id}, ${c.insurer_org_id}, ${c.case_number}, ${c.product_code}, ${c.title}, ${c.description}, ${c.opened_at.toISOString()}, ${c.warranty_until}) ON CONFLICT DO NOTHING`);
  },
  async claim(db: Db, caseId: string, lock = false): Promise<ClaimWithPolicy | undefined> {
    const q = sql`SELECT ${C_COLS} FROM insurance_claims c JOIN insurance_policies p ON p.enterprise_id = c.enterprise_id AND p.id = c.policy_id WHERE c.case_id = ${caseId} LIMIT 1`;
    return (await rowsOf<ClaimWithPolicy>(db, lock ? sql`${q} FOR UPDATE OF c` : q))[0];
  },
  async paidOnPolicy(db: Db, enterpriseId: string, policyId: string): Promise<number> {
    const [r] = await rowsOf<{ paid: string }>(db, sql`SELECT coalesce(sum(amount_cny), 0)::text AS paid FROM insurance_claims WHERE enterprise_id = ${enterpriseId} AND policy_id = ${policyId} AND status = 'accepted'`);
    return Number(r?.paid ?? 0);
  },
  async decide(db: Db, c: ClaimRow, patch: { status: ClaimStatus; amount_cny: string | null; reason: string; decided_by: string | null }, at: Date) {
    await db.execute(sql`UPDATE insurance_claims SET status = ${patch.status}, amount_cny = ${patch.amount_cny}, reason = ${patch.reason}, decided_by = ${patch.decided_by}, decided_at = ${at.toISOString()} WHERE enterprise_id = ${c.enterprise_id} AND case_id = ${c.case_id}`);
  },
  async claimPage(db: Db, scope: Scope, f: { status?: string }, limit: number, offset: number): Promise<{ rows: ClaimWithPolicy[]; total: number }> {
    const where: SQL[] = [policyScope(scope)];
    if (f.status) where.push(sql`c.status = ${f.status}`);
    const rows = await rowsOf<ClaimWithPolicy & { total: number }>(db, sql`SELECT ${C_COLS}, count(*) OVER ()::int AS total FROM insurance_claims c JOIN insurance_policies p ON p.enterprise_id = c.enterprise_id AND p.id = c.policy_id
      WHERE ${sql.join(where, sql` AND `)} ORDER BY c.opened_at DESC, c.case_id LIMIT ${limit} OFFSET ${offset}`);
    return { rows, total: rows[0]?.total ?? 0 };
  },
  /** Per-enterprise figures (enterpriseIds null: all; insurerOrgId: only that insurer's policies). */
  async figures(db: Db, f: { enterpriseIds: string[] | null; insurerOrgId?: string }, today: string) {
    const where: SQL[] = [f.enterpriseIds ? sql`p.enterprise_id = ANY(${uuidArray(f.enterpriseIds)})` : sql`true`];
    if (f.insurerOrgId) where.push(sql`p.insurer_org_id = ${f.insurerOrgId}`);
    return rowsOf<{ enterprise_id: string; insured_units: number; policies: number; premium: string; cover: string; claims: number; pending: number; accepted: number; paid: string }>(
      db,
      sql`SELECT p.enterprise_id,
          count(DISTINCT p.product_code) FILTER (WHERE p.starts_on <= ${today}::date AND p.ends_on >= ${today}::date)::int AS insured_units,
          count(*)::int AS policies, sum(p.premium_cny)::text AS premium, sum(p.cover_cny)::text AS cover,
          coalesce(sum(c.claims), 0)::int AS claims, coalesce(sum(c.pending), 0)::int AS pending, coalesce(sum(c.accepted), 0)::int AS accepted, coalesce(sum(c.paid), 0)::text AS paid
        FROM insurance_policies p
        LEFT JOIN (SELECT enterprise_id, policy_id, count(*) AS claims, count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'accepted') AS accepted, sum(amount_cny) FILTER (WHERE status = 'accepted') AS paid
                   FROM insurance_claims GROUP BY enterprise_id, policy_id) c ON c.enterprise_id = p.enterprise_id AND c.policy_id = p.id
        WHERE ${sql.join(where, sql` AND `)} GROUP BY p.enterprise_id ORDER BY p.enterprise_id`,
    );
  },
};
