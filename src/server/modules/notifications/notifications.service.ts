import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { DEFAULT_PAGE_SIZE, type Page } from '../../platform/paging.js';
import { notificationRepo } from './notifications.repo.js';

/**
 * Notifications to an organisation (every user of an enterprise, an authority, MIIT, an expert, a buyer or insurer) or to one
 * user. Written by other modules inside their own transactions, so a notification exists iff its event does.
 * Who reads which: notifications.policy.ts.
 */
export interface NotificationInput {
  orgId?: string | null;
  userId?: string | null;
  kind: string;
  title: string;
  titleEn: string;
  link?: string | null;
}

export function createNotificationService({ db }: { db: Db }) {
  return {
    async notify(tx: Db, items: NotificationInput[]) {
      if (items.length === 0) return;
      await notificationRepo.insert(
        tx,
        items.map((n) => ({ id: randomUUID(), orgId: n.orgId ?? null, userId: n.userId ?? null, kind: n.kind, title: n.title, titleEn: n.titleEn, link: n.link ?? null })),
      );
    },
    /** One page of the caller's notifications, newest first, with the total and the unread count. */
    async list(p: Principal, page: Page = { page: 1, pageSize: DEFAULT_PAGE_SIZE }) {
      const [items, total, unread] = await Promise.all([notificationRepo.page(db, p, page), notificationRepo.count(db, p, false), notificationRepo.count(db, p, true)]);
      return { items, total, ...page, unread };
    },
    async markAllRead(p: Principal) {
      return (await notificationRepo.markAllRead(db, p, new Date())).length;
    },
    async markRead(p: Principal, id: string) {
      if (!(await notificationRepo.markRead(db, p, id, new Date()))) throw errors.notFound('通知', 'Notification');
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
