import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { listAudit, verifyAuditChain } from '../../platform/audit.js';
import { verifyEventChains } from '../epcis/index.js';

const EntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  digest: z.string(),
  hash: z.string(),
});

export async function auditRoutes(root: FastifyInstance, { db }: { db: Db }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/audit', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['audit'],
      summary: '审计日志 Audit trail (newest first)',
      querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(EntrySchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => {
      const { page, pageSize } = req.query;
      const { items, total } = await listAudit(db, page, pageSize);
      return {
        items: items.map((r) => ({
          id: r.id, at: r.at.toISOString(), actorKind: r.actorKind, actorUsername: r.actorUsername, actorRole: r.actorRole,
          action: r.action, objectType: r.objectType, objectId: r.objectId, ip: r.ip, requestId: r.requestId, digest: r.digest, hash: r.hash,
        })),
        total, page, pageSize,
      };
    },
  });
  app.get('/api/v1/audit/verify', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['audit'],
      summary: '校验审计链 Recompute the hash chain',
      response: {
        200: z.object({
          ok: z.boolean(),
          entries: z.number(),
          firstBrokenAt: z.number().nullable(),
          /** the per-enterprise EPCIS event chains (src/server/modules/epcis/epcis-chain.ts) */
          eventChains: z.object({ ok: z.boolean(), events: z.number(), streams: z.number(), firstBrokenAt: z.object({ enterpriseId: z.string(), seq: z.number() }).nullable() }),
        }),
      },
    },
    handler: async () => {
      const audit = await verifyAuditChain(db);
      const eventChains = await verifyEventChains(db);
      return { ...audit, ok: audit.ok && eventChains.ok, eventChains };
    },
  });
}
