import { and, count, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { ilikeEscaped, likeContains } from '../../db/like.js';
import type { Db } from '../../db/client.js';
import { apiTokens, knownDevices, sessions, users } from '../../db/schema.js';
import { errors } from '../../platform/errors.js';
import { uniqueOr } from '../../platform/tx.js';
import { offsetOf, type Page } from '../../platform/paging.js';

/** All SQL on users, sessions and api_tokens. */
export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type TokenRow = typeof apiTokens.$inferSelect;

export const userRepo = {
  async byUsername(db: Db, username: string): Promise<UserRow | undefined> {
    const [u] = await db.select().from(users).where(eq(users.username, username)).limit(1);
    return u;
  },
  /** One user; `lock`: its row FOR UPDATE (inside a write's transaction). */
  async byId(db: Db, id: string, lock = false): Promise<UserRow | undefined> {
    const q = db.select().from(users).where(eq(users.id, id)).limit(1);
    const [u] = lock ? await q.for('update') : await q;
    return u;
  },
  /** A concurrent create of the same username loses on the unique index: 409 USERNAME_TAKEN, not 500. */
  async insert(db: Db, row: NewUser): Promise<UserRow> {
    const [u] = await uniqueOr(
      () => db.insert(users).values(row).returning(),
      () =>
        errors.conflict('USERNAME_TAKEN', `用户名 ${row.username} 已被使用`, `Username ${row.username} is taken`, [
          { field: 'username', message: '用户名已被使用', messageEn: 'Username is taken' },
        ]),
    );
    return u!;
  },
  async update(db: Db, id: string, patch: Partial<NewUser>): Promise<UserRow | undefined> {
    const [u] = await db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).returning();
    return u;
  },
  /** Count a failed login atomically; lock when the limit is reached. Returns the new state. */
  async recordFailure(db: Db, id: string, maxFailures: number, lockMinutes: number) {
    const [u] = await db
      .update(users)
      .set({
        // an expired lock starts a fresh count
        failedLogins: sql`CASE WHEN ${users.lockedUntil} <= now() THEN 1 ELSE ${users.failedLogins} + 1 END`,
        lockedUntil: sql`CASE
          WHEN ${users.lockedUntil} <= now() THEN (CASE WHEN 1 >= ${maxFailures} THEN now() + make_interval(mins => ${lockMinutes}) END)
          WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN now() + make_interval(mins => ${lockMinutes})
          ELSE ${users.lockedUntil} END`,
      })
      .where(eq(users.id, id))
      .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
    return u;
  },
  async list(db: Db, scope: SQL | undefined, q: string | undefined, page: number, pageSize: number) {
    const where = and(scope, q ? or(ilikeEscaped(users.username, likeContains(q)), ilikeEscaped(users.displayName, likeContains(q))) : undefined);
    const [items, [total]] = await Promise.all([
      db.select().from(users).where(where).orderBy(users.username).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(users).where(where),
    ]);
    return { items, total: Number(total?.n ?? 0) };
  },
  scopeEnterprise: (enterpriseId: string) => eq(users.enterpriseId, enterpriseId),
  scopeAuthority: (authorityId: string) => eq(users.authorityId, authorityId),
  scopeBuyerOrg: (buyerOrgId: string) => eq(users.buyerOrgId, buyerOrgId),
  scopeTestingOrg: (testingOrgId: string) => eq(users.testingOrgId, testingOrgId),
};

export const sessionRepo = {
  async insert(db: Db, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },
  async findLive(db: Db, tokenHash: string) {
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
      .limit(1);
    return row;
  },
  async touch(db: Db, tokenHash: string) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
  },
  async delete(db: Db, tokenHash: string) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },
  /** Sign a user out everywhere except, optionally, one session. */
  async deleteForUser(db: Db, userId: string, keepTokenHash?: string) {
    await db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), keepTokenHash ? sql`${sessions.tokenHash} <> ${keepTokenHash}` : undefined));
  },
  /** Delete expired sessions (and expired known devices); returns how many sessions went. */
  async purgeExpired(db: Db): Promise<number> {
    await db.delete(knownDevices).where(sql`${knownDevices.expiresAt} <= now()`);
    const gone = await db.delete(sessions).where(sql`${sessions.expiresAt} <= now()`).returning({ h: sessions.tokenHash });
    return gone.length;
  },
};

/** Browsers that logged in successfully before (cookie reman_device, stored as SHA-256). */
export const deviceRepo = {
  async findLive(db: Db, tokenHash: string) {
    const [d] = await db.select().from(knownDevices).where(and(eq(knownDevices.tokenHash, tokenHash), gt(knownDevices.expiresAt, new Date()))).limit(1);
    return d;
  },
  async upsert(db: Db, tokenHash: string, userId: string, expiresAt: Date) {
    await db
      .insert(knownDevices)
      .values({ tokenHash, userId, expiresAt })
      .onConflictDoUpdate({ target: knownDevices.tokenHash, set: { lastUsedAt: new Date(), expiresAt } });
  },
  async deleteForUser(db: Db, userId: string) {
    await db.delete(knownDevices).where(eq(knownDevices.userId, userId));
  },
};

export const tokenRepo = {
  async insert(db: Db, row: typeof apiTokens.$inferInsert) {
    const [t] = await db.insert(apiTokens).values(row).returning();
    return t!;
  },
  async findActiveByHash(db: Db, tokenHash: string) {
    const [t] = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1);
    return t;
  },
  async touch(db: Db, enterpriseId: string, id: string) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(apiTokens.enterpriseId, enterpriseId), eq(apiTokens.id, id)));
  },
  async listForEnterprise(db: Db, enterpriseId: string, page: Page) {
    const where = eq(apiTokens.enterpriseId, enterpriseId);
    const [items, [n]] = await Promise.all([
      db.select().from(apiTokens).where(where).orderBy(apiTokens.createdAt, apiTokens.id).limit(page.pageSize).offset(offsetOf(page)),
      db.select({ n: count() }).from(apiTokens).where(where),
    ]);
    return { items, total: Number(n?.n ?? 0), ...page };
  },
  async get(db: Db, enterpriseId: string, id: string) {
    const [t] = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.enterpriseId, enterpriseId), eq(apiTokens.id, id)))
      .limit(1);
    return t;
  },
  /** Conditional: true only for the request that revoked it (a concurrent one finds it revoked already). */
  async revoke(db: Db, enterpriseId: string, id: string) {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.enterpriseId, enterpriseId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length === 1;
  },
};
