import { and, asc, count, desc, eq, inArray, isNull, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  applicationAttachments,
  applicationEvents,
  applications,
  applicationVersions,
  expertAssignments,
  onsiteChecks,
} from '../../db/schema.js';
import { standardKeySql } from '../../../domain/portal/standard-code.js';
import type { ApplicationScope } from './applications.policy.js';

/** All SQL on applications and the tables that belong to them. */
export type ApplicationRow = typeof applications.$inferSelect;
export type AttachmentRow = typeof applicationAttachments.$inferSelect;
export type EventRow = typeof applicationEvents.$inferSelect;
export type AssignmentRow = typeof expertAssignments.$inferSelect;
export type OnsiteRow = typeof onsiteChecks.$inferSelect;
export type VersionRow = typeof applicationVersions.$inferSelect;

function scopeWhere(scope: ApplicationScope): SQL | undefined {
  switch (scope.kind) {
    case 'enterprise':
      return eq(applications.enterpriseId, scope.enterpriseId);
    case 'authority':
      return and(eq(applications.authorityId, scope.authorityId), ne(applications.state, 'draft'));
    case 'ministry':
      return ne(applications.state, 'draft');
    case 'expert':
      return sql`EXISTS (SELECT 1 FROM ${expertAssignments} ea WHERE ea.enterprise_id = ${applications.enterpriseId}
        AND ea.application_id = ${applications.id} AND ea.expert_id = ${scope.expertId})`;
    case 'none':
      return sql`false`;
  }
}

/** Filters of the applications list (issue 16 item 11): state, reviewing authority, enterprise, submission days. */
export interface ApplicationListFilter {
  states?: string[];
  enterpriseId?: string;
  awaitingOpinionOf?: string;
  authorityId?: string;
  /** a subquery of enterprise ids (the enterprises service's `idsMatching`) */
  enterpriseIn?: SQL;
  submittedFrom?: string;
  submittedTo?: string;
}

export const applicationRepo = {
  /** 申请书 row 30 of submitted applications: the standards an enterprise declares (keys: domain/portal/standard-code.ts); the portal shows announced enterprises only. */
  async declaredStandards(db: Db, keys: readonly string[]) {
    if (!keys.length) return [];
    const r = await db.execute(sql`
      SELECT DISTINCT a.enterprise_id AS "enterpriseId", s->>'code' AS code, s->>'title' AS title
      FROM applications a, jsonb_array_elements(CASE WHEN jsonb_typeof(a.form->'table12'->'standards') = 'array' THEN a.form->'table12'->'standards' ELSE '[]'::jsonb END) s
      WHERE a.state <> 'draft' AND ${sql.raw(standardKeySql("(s->>'code')"))} = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))`);
    return (r as unknown as { rows: { enterpriseId: string; code: string; title: string | null }[] }).rows;
  },
  async get(db: Db, id: string) {
    const [a] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
    return a;
  },
  async getMany(db: Db, ids: string[]) {
    if (ids.length === 0) return [];
    return db.select().from(applications).where(inArray(applications.id, ids));
  },
  /** Lock the row for a state change (concurrent transitions serialise here). */
  async lock(db: Db, enterpriseId: string, id: string) {
    const [a] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.enterpriseId, enterpriseId), eq(applications.id, id)))
      .for('update')
      .limit(1);
    return a;
  },
  /** Lock by id alone (the first read of a write: its decision is taken on this row). */
  async lockById(db: Db, id: string) {
    const [a] = await db.select().from(applications).where(eq(applications.id, id)).for('update').limit(1);
    return a;
  },
  /** Lock several rows in id order, so that two transactions locking overlapping sets never deadlock. */
  async lockMany(db: Db, ids: string[]) {
    if (ids.length === 0) return [];
    return db.select().from(applications).where(inArray(applications.id, ids)).orderBy(asc(applications.id)).for('update');
  },
  async list(db: Db, scope: ApplicationScope, f: ApplicationListFilter, page: number, pageSize: number) {
    const where = and(
      scopeWhere(scope),
      // an expert's open assignments (no opinion yet), joined in SQL
      f.awaitingOpinionOf
        ? sql`EXISTS (SELECT 1 FROM expert_assignments ea WHERE ea.enterprise_id = applications.enterprise_id
            AND ea.application_id = applications.id AND ea.expert_id = ${f.awaitingOpinionOf} AND ea.submitted_at IS NULL)`
        : undefined,
      f.states?.length ? inArray(applications.state, f.states) : undefined,
      f.enterpriseId ? eq(applications.enterpriseId, f.enterpriseId) : undefined,
      f.authorityId ? eq(applications.authorityId, f.authorityId) : undefined,
      f.enterpriseIn ? sql`${applications.enterpriseId} IN ${f.enterpriseIn}` : undefined,
      // submitted on calendar days in Asia/Shanghai (a never-submitted draft has no date and drops out)
      f.submittedFrom ? sql`${applications.submittedAt} >= (${f.submittedFrom}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'` : undefined,
      f.submittedTo ? sql`${applications.submittedAt} < ((${f.submittedTo}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')` : undefined,
    );
    const [items, [total]] = await Promise.all([
      db.select().from(applications).where(where).orderBy(desc(applications.updatedAt), applications.id).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(applications).where(where),
    ]);
    return { items, total: Number(total?.n ?? 0) };
  },
  async countByState(db: Db, scope: ApplicationScope) {
    return db.select({ state: applications.state, n: count() }).from(applications).where(scopeWhere(scope)).groupBy(applications.state);
  },
  async openForSite(db: Db, enterpriseId: string, siteId: string) {
    const [a] = await db
      .select({ id: applications.id, state: applications.state })
      .from(applications)
      .where(
        and(
          eq(applications.enterpriseId, enterpriseId),
          eq(applications.siteId, siteId),
          notInArray(applications.state, ['provincial_rejected', 'rejected', 'withdrawn', 'announced', 'closed']),
        ),
      )
      .limit(1);
    return a;
  },
  /** The enterprise's drafts (七(一)3 一并提交: the other sites' drafts a submission must account for). */
  draftsOfEnterprise(db: Db, enterpriseId: string) {
    return db
      .select({ applicationId: applications.id, siteId: applications.siteId })
      .from(applications)
      .where(and(eq(applications.enterpriseId, enterpriseId), eq(applications.state, 'draft')))
      .orderBy(asc(applications.createdAt), asc(applications.id));
  },
  /** The enterprise's applications not in a terminal state, locked in id order (七(二)4: closed on revocation). */
  openOfEnterpriseForUpdate(db: Db, enterpriseId: string) {
    return db
      .select()
      .from(applications)
      .where(and(eq(applications.enterpriseId, enterpriseId), notInArray(applications.state, ['provincial_rejected', 'rejected', 'withdrawn', 'announced', 'closed'])))
      .orderBy(asc(applications.id))
      .for('update');
  },
  /** Insert unless the site has an open application (unique index applications_open_per_site): undefined then. */
  async insertIfNoneOpen(db: Db, row: typeof applications.$inferInsert) {
    const [a] = await db.insert(applications).values(row).onConflictDoNothing().returning();
    return a;
  },
  async update(db: Db, enterpriseId: string, id: string, patch: Partial<typeof applications.$inferInsert>) {
    const [a] = await db
      .update(applications)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(applications.enterpriseId, enterpriseId), eq(applications.id, id)))
      .returning();
    return a!;
  },
  async addEvent(db: Db, row: typeof applicationEvents.$inferInsert) {
    await db.insert(applicationEvents).values(row);
  },
  async events(db: Db, enterpriseId: string, id: string) {
    return db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.enterpriseId, enterpriseId), eq(applicationEvents.applicationId, id)))
      .orderBy(asc(applicationEvents.id));
  },
  async insertVersion(db: Db, row: typeof applicationVersions.$inferInsert) {
    await db.insert(applicationVersions).values(row);
  },
  async versions(db: Db, enterpriseId: string, id: string) {
    return db
      .select()
      .from(applicationVersions)
      .where(and(eq(applicationVersions.enterpriseId, enterpriseId), eq(applicationVersions.applicationId, id)))
      .orderBy(asc(applicationVersions.version));
  },
  async version(db: Db, enterpriseId: string, id: string, version: number) {
    const [v] = await db
      .select()
      .from(applicationVersions)
      .where(and(eq(applicationVersions.enterpriseId, enterpriseId), eq(applicationVersions.applicationId, id), eq(applicationVersions.version, version)))
      .limit(1);
    return v;
  },
};

export const attachmentRepo = {
  /** Current (not superseded) attachments of an application. */
  async current(db: Db, enterpriseId: string, applicationId: string) {
    return db
      .select()
      .from(applicationAttachments)
      .where(
        and(
          eq(applicationAttachments.enterpriseId, enterpriseId),
          eq(applicationAttachments.applicationId, applicationId),
          isNull(applicationAttachments.supersededAt),
        ),
      )
      .orderBy(asc(applicationAttachments.slot), asc(applicationAttachments.uploadedAt));
  },
  async all(db: Db, enterpriseId: string, applicationId: string) {
    return db
      .select()
      .from(applicationAttachments)
      .where(and(eq(applicationAttachments.enterpriseId, enterpriseId), eq(applicationAttachments.applicationId, applicationId)))
      .orderBy(asc(applicationAttachments.uploadedAt));
  },
  /** Current files per slot for many applications in one query. */
  async slotCounts(db: Db, applicationIds: string[]) {
    if (applicationIds.length === 0) return [];
    return db
      .select({ applicationId: applicationAttachments.applicationId, slot: applicationAttachments.slot, n: count() })
      .from(applicationAttachments)
      .where(and(inArray(applicationAttachments.applicationId, applicationIds), isNull(applicationAttachments.supersededAt)))
      .groupBy(applicationAttachments.applicationId, applicationAttachments.slot);
  },
  async get(db: Db, enterpriseId: string, id: string) {
    const [r] = await db
      .select()
      .from(applicationAttachments)
      .where(and(eq(applicationAttachments.enterpriseId, enterpriseId), eq(applicationAttachments.id, id)))
      .limit(1);
    return r;
  },
  async insert(db: Db, row: typeof applicationAttachments.$inferInsert) {
    const [r] = await db.insert(applicationAttachments).values(row).returning();
    return r!;
  },
  /** Conditional: only a current attachment is superseded; false when another request did it first. */
  async supersede(db: Db, enterpriseId: string, id: string) {
    const rows = await db
      .update(applicationAttachments)
      .set({ supersededAt: new Date() })
      .where(and(eq(applicationAttachments.enterpriseId, enterpriseId), eq(applicationAttachments.id, id), isNull(applicationAttachments.supersededAt)))
      .returning({ id: applicationAttachments.id });
    return rows.length === 1;
  },
};

export const reviewRepo = {
  /** One expert's assignments among some applications (their list's 待我处理 / 已提交意见). */
  async expertAssignmentsOf(db: Db, expertId: string, applicationIds: string[]) {
    if (!applicationIds.length) return [];
    return db
      .select({ applicationId: expertAssignments.applicationId, submittedAt: expertAssignments.submittedAt })
      .from(expertAssignments)
      .where(and(eq(expertAssignments.expertId, expertId), inArray(expertAssignments.applicationId, applicationIds)));
  },
  async assignments(db: Db, enterpriseId: string, applicationId: string) {
    return db
      .select()
      .from(expertAssignments)
      .where(and(eq(expertAssignments.enterpriseId, enterpriseId), eq(expertAssignments.applicationId, applicationId)))
      .orderBy(asc(expertAssignments.assignedAt));
  },
  async isAssigned(db: Db, applicationId: string, expertId: string) {
    const [r] = await db
      .select({ id: expertAssignments.expertId })
      .from(expertAssignments)
      .where(and(eq(expertAssignments.applicationId, applicationId), eq(expertAssignments.expertId, expertId)))
      .limit(1);
    return Boolean(r);
  },
  async assign(db: Db, rows: (typeof expertAssignments.$inferInsert)[]) {
    await db.insert(expertAssignments).values(rows);
  },
  async saveOpinion(db: Db, enterpriseId: string, applicationId: string, expertId: string, opinion: unknown, at: Date) {
    await db
      .update(expertAssignments)
      .set({ opinion, submittedAt: at })
      .where(and(eq(expertAssignments.enterpriseId, enterpriseId), eq(expertAssignments.applicationId, applicationId), eq(expertAssignments.expertId, expertId)));
  },
  async insertOnsite(db: Db, row: typeof onsiteChecks.$inferInsert) {
    await db.insert(onsiteChecks).values(row);
  },
  async onsite(db: Db, enterpriseId: string, applicationId: string) {
    return db
      .select()
      .from(onsiteChecks)
      .where(and(eq(onsiteChecks.enterpriseId, enterpriseId), eq(onsiteChecks.applicationId, applicationId)))
      .orderBy(asc(onsiteChecks.recordedAt));
  },
  /** Applications an expert is assigned to, with whether they have answered. */
  async forExpert(db: Db, expertId: string) {
    return db.select().from(expertAssignments).where(eq(expertAssignments.expertId, expertId));
  },
};
