import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditWorkbook, presentAuditEntry } from './audit.presenter.js';
import { AuditFilterQuery, AuditPage, AuditQuery, ChainVerification } from './audit.schema.js';
import type { AuditService } from './audit.service.js';

export async function auditRoutes(root: FastifyInstance, { audit }: { audit: AuditService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/audit', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['audit'], summary: '审计日志 Audit trail (newest first)', querystring: AuditQuery, response: { 200: AuditPage } },
    handler: async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { items, total } = await audit.page(req.principal, page, pageSize, filter);
      return { items: items.map(presentAuditEntry), total, page, pageSize };
    },
  });
  app.get('/api/v1/audit/export.xlsx', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['audit'], summary: '导出审计日志 Audit trail as .xlsx, with the same filters as the list (newest first, at most 10,000 rows)', querystring: AuditFilterQuery },
    handler: async (req, reply) => {
      const { items, total } = await audit.exportRows(req.principal, req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`)
        .send(await auditWorkbook(items, total));
    },
  });
  app.get('/api/v1/audit/verify', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['audit'], summary: '校验审计链 Recompute the hash chain', response: { 200: ChainVerification } },
    handler: async (req) => audit.verify(req.principal),
  });
}
