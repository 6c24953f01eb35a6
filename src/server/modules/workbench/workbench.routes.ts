import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROLES_ALL_USERS } from '../../platform/policy.js';
import { TodoPage, TodoQuery } from './workbench.schema.js';
import type { WorkbenchService } from './workbench.service.js';

export async function workbenchRoutes(root: FastifyInstance, { workbench }: { workbench: WorkbenchService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/todos', {
    config: { policy: { roles: ROLES_ALL_USERS } },
    schema: { tags: ['workflow'], summary: '待办事项（分页；counts 为全部待办按状态计数） To-do list, paged', querystring: TodoQuery, response: { 200: TodoPage } },
    handler: async (req) => workbench.todos(req.principal!, req.query),
  });
}
