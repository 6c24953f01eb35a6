import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { presentAuthority } from './authorities.presenter.js';
import { AuthorityParams, AuthoritySchema, RenameAuthorityBody } from './authorities.schema.js';
import type { AuthorityService } from './authorities.service.js';

export async function authorityRoutes(root: FastifyInstance, { authorities }: { authorities: AuthorityService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/authorities', {
    config: { policy: { public: true } },
    schema: {
      tags: ['reference'],
      summary: '主管部门（工信部及37个省级主管部门） The 38 reviewing authorities',
      response: { 200: z.object({ items: z.array(AuthoritySchema) }) },
    },
    handler: async () => ({ items: (await authorities.list()).map(presentAuthority) }),
  });

  app.patch('/api/v1/authorities/:id', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['reference'], summary: '修改主管部门名称 Rename an authority', params: AuthorityParams, body: RenameAuthorityBody, response: { 200: AuthoritySchema } },
    handler: async (req) => presentAuthority(await authorities.rename(req.ctx, req.params.id, req.body)),
  });
}
