import { and, asc, count, desc, eq, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alarmEvents, alarmRules, alarms, alarmStates, webhookDeliveries, webhooks } from '../../db/schema.js';

/** All SQL on alarm_rules, alarm_states, alarms, alarm_events, webhooks and webhook_deliveries. */
export type RuleRow = typeof alarmRules.$inferSelect;
export type StateRow = typeof alarmStates.$inferSelect;
export type AlarmRow = typeof alarms.$inferSelect;
export type AlarmEventRow = typeof alarmEvents.$inferSelect;
export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export interface RuleFilter {
  model?: string;
  deviceId?: string;
  key?: string;
}
export interface AlarmFilter {
  deviceId?: string;
  status?: 'active' | 'cleared';
  acknowledged?: boolean;
  severity?: string;
  ruleId?: string;
}

const paged = async <T>(rows: Promise<T[]>, total: Promise<{ n: number }[]>) => {
  const [r, [t]] = await Promise.all([rows, total]);
  return { rows: r, total: Number(t?.n ?? 0) };
};

export const ruleRepo = {
  async insert(db: Db, row: typeof alarmRules.$inferInsert) {
    const [r] = await db.insert(alarmRules).values(row).returning();
    return r!;
  },
  async get(db: Db, id: string) {
    const [r] = await db.select().from(alarmRules).where(eq(alarmRules.id, id)).limit(1);
    return r ?? null;
  },
  async lock(db: Db, id: string) {
    const [r] = await db.select().from(alarmRules).where(eq(alarmRules.id, id)).for('update').limit(1);
    return r ?? null;
  },
  async update(db: Db, id: string, version: number, patch: Partial<typeof alarmRules.$inferInsert>) {
    const [r] = await db
      .update(alarmRules)
      .set({ ...patch, version: sql`${alarmRules.version} + 1`, updatedAt: new Date() })
      .where(and(eq(alarmRules.id, id), eq(alarmRules.version, version)))
      .returning();
    return r ?? null;
  },
  async delete(db: Db, id: string) {
    const r = await db.delete(alarmRules).where(eq(alarmRules.id, id)).returning({ id: alarmRules.id });
    return r.length > 0;
  },
  list(db: Db, enterpriseId: string, f: RuleFilter, page: number, pageSize: number) {
    const where = and(
      eq(alarmRules.enterpriseId, enterpriseId),
      f.model ? eq(alarmRules.productModel, f.model) : undefined,
      f.deviceId ? eq(alarmRules.deviceId, f.deviceId) : undefined,
      f.key ? eq(alarmRules.key, f.key) : undefined,
    );
    return paged(
      db.select().from(alarmRules).where(where).orderBy(asc(alarmRules.productModel), asc(alarmRules.key), asc(alarmRules.createdAt), asc(alarmRules.id)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(alarmRules).where(where),
    );
  },
  /** Every rule of an enterprise (export; bounded by the enterprise's own rule count). */
  all(db: Db, enterpriseId: string, f: RuleFilter) {
    return db
      .select()
      .from(alarmRules)
      .where(and(eq(alarmRules.enterpriseId, enterpriseId), f.model ? eq(alarmRules.productModel, f.model) : undefined, f.deviceId ? eq(alarmRules.deviceId, f.deviceId) : undefined))
      .orderBy(asc(alarmRules.productModel), asc(alarmRules.key), asc(alarmRules.createdAt), asc(alarmRules.id))
      .limit(10_000);
  },
  /** Whether a device has rules of its own for a key (they override the model's). */
  async overridden(db: Db, deviceId: string, key: string) {
    const [r] = await db.select({ id: alarmRules.id }).from(alarmRules).where(and(eq(alarmRules.deviceId, deviceId), eq(alarmRules.key, key))).limit(1);
    return !!r;
  },
  /** Rules that may apply to a device: its own, and its model's in its enterprise. */
  ofDevice(db: Db, d: { id: string; enterpriseId: string; productModel: string | null }) {
    return db
      .select()
      .from(alarmRules)
      .where(or(eq(alarmRules.deviceId, d.id), d.productModel ? and(eq(alarmRules.enterpriseId, d.enterpriseId), eq(alarmRules.productModel, d.productModel)) : undefined))
      .orderBy(asc(alarmRules.createdAt), asc(alarmRules.id));
  },
};

export const stateRepo = {
  /**
   * The states of a stored batch (several devices): make sure the (rule, device) states exist, then lock them in
   * (device, rule) order — the same order in every batch and process, so evaluations never deadlock. Two statements.
   */
  async lockAll(db: Db, pairs: { enterpriseId: string; ruleId: string; deviceId: string; deviceName: string; productCode: string; state: unknown }[]): Promise<StateRow[]> {
    if (!pairs.length) return [];
    await db.insert(alarmStates).values(pairs).onConflictDoNothing();
    const keys = JSON.stringify(pairs.map((p) => ({ r: p.ruleId, d: p.deviceId })));
    return db
      .select()
      .from(alarmStates)
      .where(sql`(${alarmStates.ruleId}, ${alarmStates.deviceId}) IN (SELECT x.r, x.d FROM jsonb_to_recordset(${keys}::jsonb) AS x(r uuid, d uuid))`)
      .orderBy(asc(alarmStates.deviceId), asc(alarmStates.ruleId))
      .for('update');
  },
  /** Save several states in one statement (after `lockAll`). */
  async saveAll(db: Db, rows: { ruleId: string; deviceId: string; state: unknown; nextDue: Date | null; deviceName: string }[]) {
    if (!rows.length) return;
    const data = JSON.stringify(rows.map((r) => ({ r: r.ruleId, d: r.deviceId, s: r.state, n: r.nextDue?.toISOString() ?? null, name: r.deviceName })));
    await db.execute(sql`
      UPDATE alarm_states a SET state = x.s, next_due = x.n, device_name = x.name, updated_at = now()
      FROM jsonb_to_recordset(${data}::jsonb) AS x(r uuid, d uuid, s jsonb, n timestamptz, name text)
      WHERE a.rule_id = x.r AND a.device_id = x.d`);
  },
  async lock(db: Db, ruleId: string, deviceId: string) {
    const [s] = await db.select().from(alarmStates).where(and(eq(alarmStates.ruleId, ruleId), eq(alarmStates.deviceId, deviceId))).for('update').limit(1);
    return s ?? null;
  },
  async save(db: Db, ruleId: string, deviceId: string, state: unknown, nextDue: Date | null, deviceName?: string) {
    await db
      .update(alarmStates)
      .set({ state, nextDue, updatedAt: new Date(), ...(deviceName ? { deviceName } : {}) }).where(and(eq(alarmStates.ruleId, ruleId), eq(alarmStates.deviceId, deviceId)));
  },
  /** States whose clocks are due (tick job), oldest first. */
  due(db: Db, now: Date, limit: number) {
    return db
      .select({ ruleId: alarmStates.ruleId, deviceId: alarmStates.deviceId })
      .from(alarmStates)
      .where(lte(alarmStates.nextDue, now))
      .orderBy(asc(alarmStates.nextDue))
      .limit(limit);
  },
};

export const alarmRepo = {
  async insert(db: Db, row: typeof alarms.$inferInsert) {
    const [a] = await db.insert(alarms).values(row).returning();
    return a!;
  },
  async get(db: Db, id: string) {
    const [a] = await db.select().from(alarms).where(eq(alarms.id, id)).limit(1);
    return a ?? null;
  },
  async lock(db: Db, id: string) {
    const [a] = await db.select().from(alarms).where(eq(alarms.id, id)).for('update').limit(1);
    return a ?? null;
  },
  async activeOf(db: Db, ruleId: string, deviceId: string) {
    const [a] = await db.select().from(alarms).where(and(eq(alarms.ruleId, ruleId), eq(alarms.deviceId, deviceId), eq(alarms.status, 'active'))).for('update').limit(1);
    return a ?? null;
  },
  async activeOfRule(db: Db, ruleId: string) {
    return db.select().from(alarms).where(and(eq(alarms.ruleId, ruleId), eq(alarms.status, 'active'))).for('update');
  },
  async update(db: Db, id: string, patch: Partial<typeof alarms.$inferInsert>) {
    const [a] = await db.update(alarms).set({ ...patch, updatedAt: new Date() }).where(eq(alarms.id, id)).returning();
    return a!;
  },
  list(db: Db, scope: { enterpriseId: string } | { deviceId: string }, f: AlarmFilter, page: number, pageSize: number) {
    const where: SQL | undefined = and(
      'enterpriseId' in scope ? eq(alarms.enterpriseId, scope.enterpriseId) : eq(alarms.deviceId, scope.deviceId),
      f.deviceId ? eq(alarms.deviceId, f.deviceId) : undefined,
      f.status ? eq(alarms.status, f.status) : undefined,
      f.acknowledged !== undefined ? eq(alarms.acknowledged, f.acknowledged) : undefined,
      f.severity ? eq(alarms.severity, f.severity as AlarmRow['severity']) : undefined,
      f.ruleId ? eq(alarms.ruleId, f.ruleId) : undefined,
    );
    return paged(
      db.select().from(alarms).where(where).orderBy(desc(alarms.raisedAt), desc(alarms.id)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(alarms).where(where),
    );
  },
  async addEvent(db: Db, e: typeof alarmEvents.$inferInsert) {
    await db.insert(alarmEvents).values(e);
  },
  events(db: Db, alarmId: string) {
    return db.select().from(alarmEvents).where(eq(alarmEvents.alarmId, alarmId)).orderBy(asc(alarmEvents.id)).limit(500);
  },
};

export const webhookRepo = {
  async insert(db: Db, row: typeof webhooks.$inferInsert) {
    const [w] = await db.insert(webhooks).values(row).returning();
    return w!;
  },
  async get(db: Db, id: string) {
    const [w] = await db.select().from(webhooks).where(eq(webhooks.id, id)).limit(1);
    return w ?? null;
  },
  async lock(db: Db, id: string) {
    const [w] = await db.select().from(webhooks).where(eq(webhooks.id, id)).for('update').limit(1);
    return w ?? null;
  },
  async deactivate(db: Db, id: string) {
    const [w] = await db.update(webhooks).set({ active: false, updatedAt: new Date() }).where(and(eq(webhooks.id, id), eq(webhooks.active, true))).returning();
    return w ?? null;
  },
  list(db: Db, enterpriseId: string, page: number, pageSize: number) {
    const where = and(eq(webhooks.enterpriseId, enterpriseId), eq(webhooks.active, true));
    return paged(db.select().from(webhooks).where(where).orderBy(desc(webhooks.createdAt), webhooks.id).limit(pageSize).offset((page - 1) * pageSize), db.select({ n: count() }).from(webhooks).where(where));
  },
  /** Active webhooks of an enterprise subscribed to an event ('*' subscribes to all). */
  subscribed(db: Db, enterpriseId: string, event: string) {
    return db
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.enterpriseId, enterpriseId), eq(webhooks.active, true), sql`(${event} = ANY(${webhooks.events}) OR '*' = ANY(${webhooks.events}))`));
  },
  async insertDelivery(db: Db, row: typeof webhookDeliveries.$inferInsert) {
    await db.insert(webhookDeliveries).values(row);
  },
  async delivery(db: Db, id: string) {
    const [d] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).limit(1);
    return d ?? null;
  },
  async recordAttempt(db: Db, id: string, r: { ok: boolean; statusCode: number | null; error: string | null; at: Date }) {
    await db
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatusCode: r.statusCode,
        lastError: r.error,
        lastAttemptAt: r.at,
        ...(r.ok ? { status: 'delivered' as const, deliveredAt: r.at } : {}),
      })
      .where(eq(webhookDeliveries.id, id));
  },
  async markFailed(db: Db, id: string, error: string) {
    await db.update(webhookDeliveries).set({ status: 'failed', lastError: error }).where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')));
  },
  deliveries(db: Db, webhookId: string, page: number, pageSize: number) {
    const where = eq(webhookDeliveries.webhookId, webhookId);
    return paged(
      db.select().from(webhookDeliveries).where(where).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(webhookDeliveries).where(where),
    );
  },
};


