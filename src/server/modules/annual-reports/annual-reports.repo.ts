import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { COUNTED_REPORT_STATES } from '../../../domain/annual-report/index.js';
import { rowsOf, type Db } from '../../db/client.js';
import { annualReportForwardings, annualReportImports, annualReportReminders, annualReports } from '../../db/schema.js';
import type { ReportScope } from './annual-reports.policy.js';

/** All SQL on the annual-report tables. */
export type AnnualReportRow = typeof annualReports.$inferSelect;
export type ImportRow = typeof annualReportImports.$inferSelect;
export type ForwardingRow = typeof annualReportForwardings.$inferSelect;

/** Rows a caller may list (drafts stay the enterprise's own working copy). */
function scopeWhere(scope: ReportScope): SQL | undefined {
  switch (scope.kind) {
    case 'enterprise':
      return eq(annualReports.enterpriseId, scope.enterpriseId);
    case 'authority':
      return eq(annualReports.authorityId, scope.authorityId);
    case 'ministry':
      return undefined;
    case 'none':
      return sql`false`;
  }
}

/** Counted (reviewed) reports, optionally of one authority; `alias`: the table alias used in the query. */
function countedWhere(authorityId: string | null, alias?: string): SQL {
  const col = (c: string) => sql.raw(alias ? `${alias}.${c}` : c);
  const states = sql.join(COUNTED_REPORT_STATES.map((s) => sql`${s}`), sql`, `);
  const own = sql`${col('state')} IN (${states}) AND ${col('merged_into')} IS NULL`;
  return authorityId ? sql`${own} AND ${col('authority_id')} = ${authorityId}` : own;
}

export const annualReportRepo = {
  async get(db: Db, id: string) {
    const [r] = await db.select().from(annualReports).where(eq(annualReports.id, id)).limit(1);
    return r;
  },
  /** Lock by id alone (the first read of a write: its decision is taken on this row). */
  async lockById(db: Db, id: string) {
    const [r] = await db.select().from(annualReports).where(eq(annualReports.id, id)).for('update').limit(1);
    return r;
  },
  async lock(db: Db, enterpriseId: string, id: string) {
    const [r] = await db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.enterpriseId, enterpriseId), eq(annualReports.id, id)))
      .for('update')
      .limit(1);
    return r;
  },
  async forEnterprise(db: Db, enterpriseId: string, year: number) {
    const [r] = await db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.enterpriseId, enterpriseId), eq(annualReports.year, year), isNull(annualReports.mergedInto)))
      .limit(1);
    return r;
  },
  async list(db: Db, scope: ReportScope, f: { year?: number; states?: string[] }) {
    return db
      .select()
      .from(annualReports)
      .where(and(scopeWhere(scope), isNull(annualReports.mergedInto), f.year ? eq(annualReports.year, f.year) : undefined, f.states?.length ? inArray(annualReports.state, f.states) : undefined))
      .orderBy(desc(annualReports.year), asc(annualReports.createdAt));
  },
  /** 附2 三: MIIT's review of a forwarded report, once (the row count decides: undefined when reviewed already or not forwarded). */
  async ministryReview(db: Db, r: { enterpriseId: string; id: string }, patch: { ministryOpinion: string; ministryReviewedAt: Date; ministryReviewedBy: string | null; onsiteInspectionOn: string | null; onsiteInspectionNote: string | null }) {
    const [row] = await db
      .update(annualReports)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(annualReports.enterpriseId, r.enterpriseId), eq(annualReports.id, r.id), eq(annualReports.state, 'forwarded'), sql`${annualReports.ministryReviewedAt} IS NULL`))
      .returning();
    return row;
  },
  /** Submitted (or later) reports that carry 三(三)/三(四) figures (the conditions watch, 七(二)4(1)). */
  withFigures(db: Db) {
    return db
      .select({ id: annualReports.id, enterpriseId: annualReports.enterpriseId, siteId: annualReports.siteId, authorityId: annualReports.authorityId, year: annualReports.year, figures: sql<unknown>`${annualReports.form}->'figures'` })
      .from(annualReports)
      .where(and(inArray(annualReports.state, ['submitted', 'accepted', 'forwarded']), isNull(annualReports.mergedInto), sql`${annualReports.form} ? 'figures'`))
      .orderBy(desc(annualReports.year));
  },
  /** undefined when the enterprise's report of that year exists already (unique enterprise, year among unmerged rows). */
  async insertIfAbsent(db: Db, row: typeof annualReports.$inferInsert) {
    const [r] = await db.insert(annualReports).values(row).onConflictDoNothing().returning();
    return r;
  },
  async update(db: Db, enterpriseId: string, id: string, patch: Partial<typeof annualReports.$inferInsert>) {
    const [r] = await db
      .update(annualReports)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(annualReports.enterpriseId, enterpriseId), eq(annualReports.id, id)))
      .returning();
    return r!;
  },
  /** Accepted reports of a year in an authority's jurisdiction, locked for forwarding. */
  async lockAccepted(db: Db, authorityId: string, year: number) {
    return db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.authorityId, authorityId), eq(annualReports.year, year), eq(annualReports.state, 'accepted'), isNull(annualReports.mergedInto)))
      .orderBy(asc(annualReports.id))
      .for('update');
  },
  async insertForwarding(db: Db, row: typeof annualReportForwardings.$inferInsert) {
    const [r] = await db.insert(annualReportForwardings).values(row).returning();
    return r!;
  },
  async forwardings(db: Db, authorityId: string | null, year: number) {
    return db
      .select()
      .from(annualReportForwardings)
      .where(and(eq(annualReportForwardings.year, year), authorityId ? eq(annualReportForwardings.authorityId, authorityId) : undefined))
      .orderBy(asc(annualReportForwardings.forwardedAt));
  },

  /**
   * Statistics over the counted (reviewed) reports, aggregated in SQL. `authorityId`: one jurisdiction (the
   * report's own authority), else national. Sums are float8 so that node-postgres answers numbers.
   */
  async sumsByYear(db: Db, authorityId: string | null) {
    return rowsOf<{ year: number; reports: number; recovered: number; remanufactured: number; sold: number }>(db, sql`
      SELECT year, count(*)::int AS reports, coalesce(sum(recovered_total), 0)::float8 AS recovered,
             coalesce(sum(reman_total), 0)::float8 AS remanufactured, coalesce(sum(sold_total), 0)::float8 AS sold
      FROM annual_reports WHERE ${countedWhere(authorityId)} GROUP BY year ORDER BY year`);
  },
  /**
   * 本年度再制造产值（万元） (附2 提纲 二, form.operations.outputValue) of the counted reports, summed per report year;
   * `reports` counts the reports that state it (reports reviewed before the figure existed have none).
   */
  async outputValueByYear(db: Db, authorityId: string | null) {
    return rowsOf<{ year: number; reports: number; output_value: number }>(db, sql`
      SELECT year, count(*)::int AS reports, sum((form->'operations'->>'outputValue')::float8)::float8 AS output_value
      FROM annual_reports
      WHERE ${countedWhere(authorityId)} AND jsonb_typeof(form->'operations'->'outputValue') = 'number'
      GROUP BY year ORDER BY year`);
  },
  /** One year's sums by province: the site's announced province, else the enterprise's (derived tables of those modules). */
  async sumsByProvince(db: Db, authorityId: string | null, year: number, announcedSites: SQL, jurisdictions: SQL) {
    return rowsOf<{ region_code: string; reports: number; recovered: number; remanufactured: number; sold: number }>(db, sql`
      SELECT coalesce(s.province_code, j.province_code, '000000') AS region_code, count(*)::int AS reports,
             coalesce(sum(r.recovered_total), 0)::float8 AS recovered, coalesce(sum(r.reman_total), 0)::float8 AS remanufactured,
             coalesce(sum(r.sold_total), 0)::float8 AS sold
      FROM annual_reports r
      LEFT JOIN ${announcedSites} s ON s.enterprise_id = r.enterprise_id AND s.site_id = r.site_id
      LEFT JOIN ${jurisdictions} j ON j.enterprise_id = r.enterprise_id
      WHERE ${countedWhere(authorityId, 'r')} AND r.year = ${year}
      GROUP BY 1 ORDER BY 1`);
  },
  /** One year's units remanufactured by field (表2-3 再制造情况 of every site part: rows with a field and a numeric count). */
  async remanByField(db: Db, authorityId: string | null, year: number) {
    return rowsOf<{ field: string; remanufactured: number }>(db, sql`
      SELECT x->>'field' AS field, sum((x->>'count')::float8)::float8 AS remanufactured
      FROM annual_reports r
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(r.form->'sites') = 'array' THEN r.form->'sites' ELSE '[]'::jsonb END) AS part
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(part->'table23'->'reman'->'rows') = 'array' THEN part->'table23'->'reman'->'rows' ELSE '[]'::jsonb END) AS x
      WHERE ${countedWhere(authorityId, 'r')} AND r.year = ${year} AND coalesce(x->>'field', '') <> '' AND jsonb_typeof(x->'count') = 'number'
      GROUP BY 1`);
  },

  /** Record a reminder once: true when this call inserted it (the primary key refuses repeats). */
  async claimReminder(db: Db, row: { enterpriseId: string; siteId: string; year: number; daysBefore: number }) {
    const r = await db.insert(annualReportReminders).values(row).onConflictDoNothing().returning({ year: annualReportReminders.year });
    return r.length > 0;
  },
  async reminders(db: Db, enterpriseId: string) {
    return db.select().from(annualReportReminders).where(eq(annualReportReminders.enterpriseId, enterpriseId));
  },

  async insertImport(db: Db, row: typeof annualReportImports.$inferInsert) {
    const [r] = await db.insert(annualReportImports).values(row).returning();
    return r!;
  },
  async updateImport(db: Db, enterpriseId: string, id: string, patch: Partial<typeof annualReportImports.$inferInsert>) {
    await db.update(annualReportImports).set(patch).where(and(eq(annualReportImports.enterpriseId, enterpriseId), eq(annualReportImports.id, id)));
  },
  async getImport(db: Db, enterpriseId: string, reportId: string, id: string) {
    const [r] = await db
      .select()
      .from(annualReportImports)
      .where(and(eq(annualReportImports.enterpriseId, enterpriseId), eq(annualReportImports.reportId, reportId), eq(annualReportImports.id, id)))
      .limit(1);
    return r;
  },
};
