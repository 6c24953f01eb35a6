import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
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
  async forSite(db: Db, enterpriseId: string, siteId: string, year: number) {
    const [r] = await db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.enterpriseId, enterpriseId), eq(annualReports.siteId, siteId), eq(annualReports.year, year)))
      .limit(1);
    return r;
  },
  async list(db: Db, scope: ReportScope, f: { year?: number; states?: string[] }) {
    return db
      .select()
      .from(annualReports)
      .where(and(scopeWhere(scope), f.year ? eq(annualReports.year, f.year) : undefined, f.states?.length ? inArray(annualReports.state, f.states) : undefined))
      .orderBy(desc(annualReports.year), asc(annualReports.createdAt));
  },
  /** undefined when the site's report of that year exists already (unique enterprise, site, year). */
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
      .where(and(eq(annualReports.authorityId, authorityId), eq(annualReports.year, year), eq(annualReports.state, 'accepted')))
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
  /** Reports counted by the statistics (reviewed), any year. */
  async counted(db: Db) {
    return db.select().from(annualReports).where(inArray(annualReports.state, ['accepted', 'forwarded']));
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
