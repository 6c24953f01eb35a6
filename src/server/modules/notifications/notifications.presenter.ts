import type { NotificationRow } from './notifications.repo.js';

export const presentNotification = (n: NotificationRow) => ({
  id: n.id, kind: n.kind, title: n.title, titleEn: n.titleEn, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
});
