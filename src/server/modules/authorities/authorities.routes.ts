import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthorityRow } from './authorities.repo.js';
import type { AuthorityService } from './authorities.service.js';

const AuthoritySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['ministry', 'province', 'plan_city', 'xpcc']),
    regionCode: z.string().nullable(),
    name: z.string(),
    nameEn: z.string(),
  })
  .meta({ id: 'Authority' });

export const presentAuthority = (a: AuthorityRow) => ({ id: a.id, kind: a.kind, regionCode: a.regionCode, name: a.name, nameEn: a.nameEn });

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
    schema: {
      tags: ['reference'],
      summary: '修改主管部门名称 Rename an authority',
      params: z.object({ id: z.string().max(40) }),
      body: z
        .object({ name: z.string().trim().min(2).max(100).optional(), nameEn: z.string().trim().min(2).max(200).optional() })
        .refine((b) => b.name !== undefined || b.nameEn !== undefined, { message: 'Nothing to change', params: { zh: '没有要修改的字段' } }),
      response: { 200: AuthoritySchema },
    },
    handler: async (req) => presentAuthority(await authorities.update(req.ctx, req.params.id, req.body)),
  });
}
