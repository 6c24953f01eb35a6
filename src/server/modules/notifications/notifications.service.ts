import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { DEFAULT_PAGE_SIZE, offsetOf, type Page } from '../../platform/paging.js';

/**
 * Notifications to an organisation (every user of an enterprise, an authority, MIIT or an expert) or to one
 * user. Written by other modules inside their own transactions, so a notification exists iff its event does.
 */
export interface NotificationInput {
  orgId?: string | null;
  userId?: string | null;
  kind: string;
  title: string;
  titleEn: string;
  link?: string | null;
}

const orgOf = (p: Principal) => (p.kind === 'user' ? (p.enterpriseId ?? p.authorityId ?? p.expertId) : p.enterpriseId);

function mine(p: Principal): SQL {
  const org = orgOf(p);
  return p.kind === 'user' ? or(eq(notifications.userId, p.userId), org ? eq(notifications.orgId, org) : undefined)! : eq(notifications.orgId, org!);
}

export function createNotificationService({ db }: { db: Db }) {
  return {
    async notify(tx: Db, items: NotificationInput[]) {
      if (items.length === 0) return;
      await tx.insert(notifications).values(
        items.map((n) => ({ id: randomUUID(), orgId: n.orgId ?? null, userId: n.userId ?? null, kind: n.kind, title: n.title, titleEn: n.titleEn, link: n.link ?? null })),
      );
    },
    /** One page of the caller's notifications, newest first, with the total and the unread count. */
    async list(p: Principal, page: Page = { page: 1, pageSize: DEFAULT_PAGE_SIZE }) {
      const [items, [total], [unread]] = await Promise.all([
        db.select().from(notifications).where(mine(p)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(page.pageSize).offset(offsetOf(page)),
        db.select({ n: count() }).from(notifications).where(mine(p)),
        db.select({ n: count() }).from(notifications).where(and(mine(p), isNull(notifications.readAt))),
      ]);
      return { items, total: Number(total?.n ?? 0), ...page, unread: Number(unread?.n ?? 0) };
    },
    async markAllRead(p: Principal) {
      const rows = await db.update(notifications).set({ readAt: new Date() }).where(and(mine(p), isNull(notifications.readAt))).returning({ id: notifications.id });
      return rows.length;
    },
    async markRead(p: Principal, id: string) {
      const [n] = await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, id), mine(p))).returning({ id: notifications.id });
      if (!n) throw errors.notFound('通知', 'Notification');
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;

