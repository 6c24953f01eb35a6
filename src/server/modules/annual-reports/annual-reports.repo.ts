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

/** Counted (reviewed) reports: accepted or forwarded, not folded into another (`alias`: the table alias used in the query). */
function countedWhere(alias: string): SQL {
  const states = sql.join(COUNTED_REPORT_STATES.map((s) => sql`${s}`), sql`, `);
  return sql`${sql.raw(alias)}.state IN (${states}) AND ${sql.raw(alias)}.merged_into IS NULL`;
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
   * The statistics' facts (issue 15 item 14; domain/annual-report/statistics.ts): one row per site part of every
   * counted report — the part's 表2-3 totals, its 再制造情况 units per 涉及领域 and its stated 产值, with the report's
   * 产值, its reviewer and the enterprise's registered province, and the site's announced province and register
   * region (derived tables of those modules). No 表2-3 row leaves the database; a report without parts gives one
   * row with its own totals. `year`: one report year, else all.
   */
  async partFacts(db: Db, tables: { announcedSites: SQL; jurisdictions: SQL; siteRegions: SQL }, year?: number) {
    const num = (e: SQL) => sql`CASE WHEN jsonb_typeof(${e}) = 'number' THEN (${e})::text::float8 END`;
    const arr = (e: SQL) => sql`CASE WHEN jsonb_typeof(${e}) = 'array' THEN ${e} ELSE '[]'::jsonb END`;
    return rowsOf<{
      report_id: string; year: number; authority_id: string; registered_province: string | null; output_value: number | null;
      site_id: string; site_region: string | null; announced_province: string | null; recovered: number | null; remanufactured: number | null; sold: number | null;
      part_value: number | null; fields: Record<string, number> | null;
    }>(db, sql`
      SELECT r.id AS report_id, r.year, r.authority_id, j.province_code AS registered_province,
             ${num(sql`r.form->'operations'->'outputValue'`)} AS output_value,
             coalesce(part.value->>'siteId', r.site_id::text) AS site_id, sr.region_code AS site_region, s.province_code AS announced_province,
             CASE WHEN part.value IS NULL THEN r.recovered_total::float8 ELSE ${num(sql`part.value->'table23'->'recovery'->'total'`)} END AS recovered,
             CASE WHEN part.value IS NULL THEN r.reman_total::float8 ELSE ${num(sql`part.value->'table23'->'reman'->'total'`)} END AS remanufactured,
             CASE WHEN part.value IS NULL THEN r.sold_total::float8 ELSE ${num(sql`part.value->'table23'->'sales'->'total'`)} END AS sold,
             ${num(sql`part.value->'outputValue'`)} AS part_value,
             (SELECT jsonb_object_agg(f.field, f.n) FROM (
                SELECT x->>'field' AS field, sum((x->>'count')::float8) AS n
                FROM jsonb_array_elements(${arr(sql`part.value->'table23'->'reman'->'rows'`)}) AS x
                WHERE coalesce(x->>'field', '') <> '' AND jsonb_typeof(x->'count') = 'number' GROUP BY 1) f) AS fields
      FROM annual_reports r
      LEFT JOIN ${tables.jurisdictions} j ON j.enterprise_id = r.enterprise_id
      LEFT JOIN LATERAL jsonb_array_elements(${arr(sql`r.form->'sites'`)}) WITH ORDINALITY AS part(value, ord) ON true
      LEFT JOIN ${tables.announcedSites} s ON s.enterprise_id = r.enterprise_id AND s.site_id::text = coalesce(part.value->>'siteId', r.site_id::text)
      LEFT JOIN ${tables.siteRegions} sr ON sr.enterprise_id = r.enterprise_id AND sr.site_id::text = coalesce(part.value->>'siteId', r.site_id::text)
      WHERE ${countedWhere('r')} ${year === undefined ? sql`` : sql`AND r.year = ${year}`}
      ORDER BY r.year, r.id, part.ord`);
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
