import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES_ALL_USERS } from '../../platform/policy.js';
import type { NotificationService } from './notifications.service.js';
import { PageQuery, pageOf } from '../../platform/paging.js';

const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  titleEn: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export async function notificationRoutes(root: FastifyInstance, { notifications: svc }: { notifications: NotificationService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/notifications', {
    config: { policy: { roles: ROLES_ALL_USERS } },
    schema: { tags: ['workflow'], summary: '通知（分页，最新在前） Notifications, newest first', querystring: PageQuery, response: { 200: pageOf(NotificationSchema).extend({ unread: z.number() }) } },
    handler: async (req) => {
      const r = await svc.list(req.principal!, req.query);
      return { ...r, items: r.items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, titleEn: n.titleEn, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) };
    },
  });
  app.post('/api/v1/notifications/read-all', {
    config: { policy: { roles: ROLES_ALL_USERS } },
    schema: { tags: ['workflow'], summary: '全部标为已读 Mark all read', response: { 200: z.object({ marked: z.number() }) } },
    handler: async (req) => ({ marked: await svc.markAllRead(req.principal!) }),
  });
  app.post('/api/v1/notifications/:id/read', {
    config: { policy: { roles: ROLES_ALL_USERS } },
    schema: { tags: ['workflow'], summary: '标为已读 Mark read', params: z.object({ id: z.uuid() }), response: { 204: z.undefined() } },
    handler: async (req, reply) => {
      await svc.markRead(req.principal!, req.params.id);
      return reply.status(204).send();
    },
  });
}
