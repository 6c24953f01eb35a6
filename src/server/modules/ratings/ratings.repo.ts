import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';

/** All SQL on trade_ratings. */
export interface RatingRow {
  enterprise_id: string;
  order_id: string;
  buyer_org_id: string;
  product_name: string;
  model: string | null;
  units: number;
  unit_score: number;
  seller_score: number;
  comment: string;
  created_by: string | null;
  created_at: Date | string;
}
const COLS = sql.raw('enterprise_id, order_id, buyer_org_id, product_name, model, units, unit_score, seller_score, comment, created_by, created_at');
const uuidArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb)::uuid)`;

export const ratingRepo = {
  /** Once per order: false when the order is rated already (primary key). */
  async insert(db: Db, r: Omit<RatingRow, 'created_at'>, at: Date): Promise<boolean> {
    const x = await rowsOf<{ order_id: string }>(db, sql`INSERT INTO trade_ratings (enterprise_id, order_id, buyer_org_id, product_name, model, units, unit_score, seller_score, comment, created_by, created_at)
      VALUES (${r.enterprise_id}, ${r.order_id}, ${r.buyer_org_id}, ${r.product_name}, ${r.model}, ${r.units}, ${r.unit_score}, ${r.seller_score}, ${r.comment}, ${r.created_by}, ${at.toISOString()})
      ON CONFLICT (enterprise_id, order_id) DO NOTHING RETURNING order_id`);
    return x.length === 1;
  },
  async ofOrder(db: Db, orderId: string): Promise<RatingRow | undefined> {
    return (await rowsOf<RatingRow>(db, sql`SELECT ${COLS} FROM trade_ratings WHERE order_id = ${orderId} LIMIT 1`))[0];
  },
  async page(db: Db, enterpriseId: string, limit: number, offset: number): Promise<{ rows: RatingRow[]; total: number }> {
    const rows = await rowsOf<RatingRow & { total: number }>(db, sql`SELECT ${COLS}, count(*) OVER ()::int AS total FROM trade_ratings WHERE enterprise_id = ${enterpriseId} ORDER BY created_at DESC, order_id LIMIT ${limit} OFFSET ${offset}`);
    return { rows, total: rows[0]?.total ?? 0 };
  },
  async summary(db: Db, enterpriseIds: string[]): Promise<{ enterprise_id: string; n: number; unit: string; seller: string }[]> {
    if (!enterpriseIds.length) return [];
    return rowsOf(db, sql`SELECT enterprise_id, count(*)::int AS n, avg(unit_score)::text AS unit, avg(seller_score)::text AS seller FROM trade_ratings WHERE enterprise_id = ANY(${uuidArray(enterpriseIds)}) GROUP BY enterprise_id`);
  },
};
