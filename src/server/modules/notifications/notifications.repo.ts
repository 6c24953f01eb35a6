import { and, count, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { Principal } from '../../platform/principal.js';
import { orgOf } from './notifications.policy.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

/** The policy's recipient rule as SQL. */
function recipientIs(p: Principal): SQL {
  const org = orgOf(p);
  return p.kind === 'user' ? or(eq(notifications.userId, p.userId), org ? eq(notifications.orgId, org) : undefined)! : eq(notifications.orgId, org!);
}

/** All SQL of the notifications table. */
export const notificationRepo = {
  insert: (db: Db, rows: NewNotification[]) => db.insert(notifications).values(rows),
  page: (db: Db, p: Principal, page: Page) =>
    db.select().from(notifications).where(recipientIs(p)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(page.pageSize).offset(offsetOf(page)),
  async count(db: Db, p: Principal, unreadOnly: boolean) {
    const [r] = await db.select({ n: count() }).from(notifications).where(unreadOnly ? and(recipientIs(p), isNull(notifications.readAt)) : recipientIs(p));
    return Number(r?.n ?? 0);
  },
  /** Mark the caller's unread notifications read (a conditional UPDATE: only the caller's rows); the ids marked. */
  markAllRead: (db: Db, p: Principal, at: Date) => db.update(notifications).set({ readAt: at }).where(and(recipientIs(p), isNull(notifications.readAt))).returning({ id: notifications.id }),
  /** Mark one read if it is the caller's; undefined when it is not (or does not exist). */
  async markRead(db: Db, p: Principal, id: string, at: Date) {
    const [n] = await db.update(notifications).set({ readAt: at }).where(and(eq(notifications.id, id), recipientIs(p))).returning({ id: notifications.id });
    return n;
  },
};
