import { and, count, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { deviceErrors, devices, thingModels } from '../../db/schema.js';
import { ilikeEscaped, likeContains } from '../../db/like.js';

/** All SQL on devices, device_errors and thing_models (telemetry tables: telemetry.repo.ts). */
export type DeviceRow = typeof devices.$inferSelect;
export type ThingModelRow = typeof thingModels.$inferSelect;
export type DeviceErrorRow = typeof deviceErrors.$inferSelect;

export interface DeviceFilter {
  q?: string;
  status?: 'online' | 'offline' | 'revoked' | 'active';
  model?: string;
}


/** Whose devices: the maker's (with the maker's access in effect) and/or those of products held (enterprise, code). */
export interface DeviceScope {
  enterpriseId: string | null;
  products: { enterpriseId: string; code: string }[];
}

function filterWhere(scope: DeviceScope, f: DeviceFilter, onlineSince: Date): SQL | undefined {
  const q = f.q ? likeContains(f.q) : undefined;
  const held = scope.products.length
    ? sql`(${devices.enterpriseId}, ${devices.productCode}) IN (SELECT x.e::uuid, x.c FROM jsonb_to_recordset(${JSON.stringify(scope.products.map((p) => ({ e: p.enterpriseId, c: p.code })))}::jsonb) AS x(e text, c text))`
    : undefined;
  const own = scope.enterpriseId ? and(eq(devices.enterpriseId, scope.enterpriseId), eq(devices.manufacturerAccess, true)) : undefined;
  return and(
    own && held ? or(own, held) : (own ?? held ?? sql`false`),
    q ? or(ilikeEscaped(devices.name, q), ilikeEscaped(devices.productCode, q), ilikeEscaped(devices.productModel, q)) : undefined,
    f.model ? eq(devices.productModel, f.model) : undefined,
    f.status === 'revoked' ? eq(devices.status, 'revoked') : undefined,
    f.status === 'active' ? eq(devices.status, 'active') : undefined,
    f.status === 'online' ? and(eq(devices.status, 'active'), sql`${devices.lastSeenAt} >= ${onlineSince}`) : undefined,
    f.status === 'offline' ? and(eq(devices.status, 'active'), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, onlineSince))) : undefined,
  );
}

export const deviceRepo = {
  async insert(db: Db, row: typeof devices.$inferInsert) {
    const [d] = await db.insert(devices).values(row).onConflictDoNothing().returning();
    return d ?? null;
  },
  /** Several devices at once (bulk provisioning): the rows inserted; a product that is an active device already is skipped. */
  async insertMany(db: Db, rows: (typeof devices.$inferInsert)[]) {
    if (!rows.length) return [];
    return db.insert(devices).values(rows).onConflictDoNothing().returning();
  },
  async get(db: Db, id: string) {
    const [d] = await db.select().from(devices).where(eq(devices.id, id)).limit(1);
    return d ?? null;
  },
  async lock(db: Db, id: string) {
    const [d] = await db.select().from(devices).where(eq(devices.id, id)).for('update').limit(1);
    return d ?? null;
  },
  async activeByProduct(db: Db, productCode: string) {
    const [d] = await db.select({ id: devices.id }).from(devices).where(and(eq(devices.productCode, productCode), eq(devices.status, 'active'))).limit(1);
    return d ?? null;
  },
  async list(db: Db, scope: DeviceScope, f: DeviceFilter, onlineSince: Date, page: number, pageSize: number) {
    const where = filterWhere(scope, f, onlineSince);
    const [rows, [total]] = await Promise.all([
      db.select().from(devices).where(where).orderBy(desc(devices.createdAt), devices.id).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(devices).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  async setSecret(db: Db, id: string, secretHash: string) {
    const [d] = await db
      .update(devices)
      .set({ secretHash, secretVersion: sql`${devices.secretVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(devices.id, id), eq(devices.status, 'active')))
      .returning();
    return d ?? null;
  },
  async setConsent(db: Db, id: string, c: { manufacturerAccess: boolean; consentParty: string | null }, at: Date) {
    const [d] = await db.update(devices).set({ manufacturerAccess: c.manufacturerAccess, consentParty: c.consentParty, consentAt: at, updatedAt: at }).where(eq(devices.id, id)).returning();
    return d ?? null;
  },
  /** Active devices of an enterprise (the fleet view; aggregates), at most `limit`. */
  async activeOf(db: Db, enterpriseId: string, limit: number) {
    return db.select().from(devices).where(and(eq(devices.enterpriseId, enterpriseId), eq(devices.status, 'active'))).orderBy(devices.createdAt, devices.id).limit(limit);
  },
  async revoke(db: Db, id: string, at: Date) {
    const [d] = await db.update(devices).set({ status: 'revoked', revokedAt: at, updatedAt: at }).where(and(eq(devices.id, id), eq(devices.status, 'active'))).returning();
    return d ?? null;
  },
  /**
   * The ingest's conditional update: counters and last-seen of a device that is still active with the same
   * credentials (a rotation or revocation committed meanwhile makes it 0 rows → 401).
   */
  async touch(db: Db, id: string, secretVersion: number, at: Date, c: { stored: number; refusedPoints: number; refusedMessage: boolean }) {
    const [d] = await db
      .update(devices)
      .set({
        lastSeenAt: sql`GREATEST(${devices.lastSeenAt}, ${at}::timestamptz)`,
        pointsStored: sql`${devices.pointsStored} + ${c.stored}`,
        pointsRefused: sql`${devices.pointsRefused} + ${c.refusedPoints}`,
        messagesRefused: sql`${devices.messagesRefused} + ${c.refusedMessage ? 1 : 0}`,
      })
      .where(and(eq(devices.id, id), eq(devices.status, 'active'), eq(devices.secretVersion, secretVersion)))
      .returning({ id: devices.id });
    return Boolean(d);
  },
  /**
   * A batch of messages (ingest): the counters and last seen of its devices in ONE UPDATE (after `lockActive` in the
   * same transaction; still conditional on the credentials). Returns the ids updated.
   */
  async touchMany(db: Db, at: Date, rows: { id: string; v: number; stored: number; refusedPoints: number; refusedMessages: number }[]): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const r = await rowsOf<{ id: string }>(
      db,
      sql`UPDATE devices d SET last_seen_at = GREATEST(d.last_seen_at, ${at}::timestamptz), points_stored = d.points_stored + x.stored,
            points_refused = d.points_refused + x.refused_points, messages_refused = d.messages_refused + x.refused_messages
          FROM (SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.map((x) => ({ id: x.id, v: x.v, stored: x.stored, refused_points: x.refusedPoints, refused_messages: x.refusedMessages })))}::jsonb)
                AS j(id uuid, v int, stored bigint, refused_points bigint, refused_messages bigint)) x
          WHERE d.id = x.id AND d.status = 'active' AND d.secret_version = x.v
          RETURNING d.id`,
    );
    return new Set(r.map((x) => x.id));
  },
  /** Lock the devices of a batch that are still active with these credentials (device-id order): `id:version` of each. */
  async lockActive(db: Db, rows: { id: string; v: number }[]): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const r = await rowsOf<{ id: string; v: number }>(
      db,
      sql`SELECT d.id, d.secret_version AS v FROM devices d JOIN jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, v int) ON d.id = x.id AND d.secret_version = x.v
          WHERE d.status = 'active' ORDER BY d.id FOR UPDATE OF d`,
    );
    return new Set(r.map((x) => `${x.id}:${x.v}`));
  },
  async addErrors(db: Db, rows: (typeof deviceErrors.$inferInsert)[]) {
    if (rows.length) await db.insert(deviceErrors).values(rows);
  },
  async recentErrors(db: Db, deviceId: string, limit = 20) {
    return db.select().from(deviceErrors).where(eq(deviceErrors.deviceId, deviceId)).orderBy(desc(deviceErrors.at), desc(deviceErrors.id)).limit(limit);
  },
  async purgeErrors(db: Db, before: Date) {
    const r = await rowsOf<{ n: number }>(db, sql`WITH d AS (DELETE FROM device_errors WHERE at < ${before} RETURNING 1) SELECT count(*)::int AS n FROM d`);
    return r[0]?.n ?? 0;
  },
  /**
   * Counts per enterprise and installation province (aggregates for authorities): total, active, online, points
   * stored. `province`: the first two digits of the device's region code, null when none was given.
   */
  async summary(db: Db, scope: { enterpriseIds?: SQL; enterpriseId?: string }, onlineSince: Date) {
    return rowsOf<{ enterprise_id: string; province: string | null; total: number; active: number; online: number; points: number }>(
      db,
      sql`SELECT enterprise_id, left(region_code, 2) AS province, count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active,
                 count(*) FILTER (WHERE status = 'active' AND last_seen_at >= ${onlineSince})::int AS online, coalesce(sum(points_stored), 0)::float8 AS points
          FROM devices ${scope.enterpriseIds ? sql`WHERE enterprise_id IN ${scope.enterpriseIds}` : scope.enterpriseId ? sql`WHERE enterprise_id = ${scope.enterpriseId}::uuid` : sql``}
          GROUP BY enterprise_id, left(region_code, 2) ORDER BY enterprise_id, province`,
    );
  },
};

export const thingModelRepo = {
  async list(db: Db, enterpriseId: string) {
    return db.select().from(thingModels).where(eq(thingModels.enterpriseId, enterpriseId)).orderBy(thingModels.productModel);
  },
  async get(db: Db, enterpriseId: string, productModel: string) {
    const [m] = await db.select().from(thingModels).where(and(eq(thingModels.enterpriseId, enterpriseId), eq(thingModels.productModel, productModel))).limit(1);
    return m ?? null;
  },
  async upsert(db: Db, row: { enterpriseId: string; productModel: string; template: string | null; metrics: unknown }) {
    const now = new Date();
    const [m] = await db
      .insert(thingModels)
      .values({ ...row, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [thingModels.enterpriseId, thingModels.productModel], set: { template: row.template, metrics: row.metrics, updatedAt: now } })
      .returning();
    return m!;
  },
};
