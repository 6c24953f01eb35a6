import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES_ALL_USERS } from '../../platform/policy.js';
import { presentNotification } from './notifications.presenter.js';
import { IdParam, Marked, NotificationPage, NotificationQuery } from './notifications.schema.js';
import type { NotificationService } from './notifications.service.js';

export async function notificationRoutes(root: FastifyInstance, { notifications: svc }: { notifications: NotificationService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/notifications', {
    config: { policy: { roles: ROLES_ALL_USERS } },
    schema: { tags: ['workflow'], summary: '通知（分页，最新在前） Notifications, newest first', querystring: NotificationQuery, response: { 200: NotificationPage } },
    handler: async (req) => {
      const r = await svc.list(req.principal!, req.query);
      return { ...r, items: r.items.map(presentNotification) };
    },
  });
  app.post('/api/v1/notifications/read-all', {
    config: { policy: { roles: ROLES_ALL_USERS } },
    schema: { tags: ['workflow'], summary: '全部标为已读 Mark all read', response: { 200: Marked } },
    handler: async (req) => ({ marked: await svc.markAllRead(req.principal!) }),
  });
  app.post('/api/v1/notifications/:id/read', {
    config: { policy: { roles: ROLES_ALL_USERS } },
    schema: { tags: ['workflow'], summary: '标为已读 Mark read', params: IdParam, response: { 204: z.undefined() } },
    handler: async (req, reply) => {
      await svc.markRead(req.principal!, req.params.id);
      return reply.status(204).send();
    },
  });
}
