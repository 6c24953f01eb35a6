import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { errors } from '../../platform/errors.js';
import ExcelJS from 'exceljs';
import { auditActionLabel, auditObjectLabel } from '../../../domain/audit-labels.js';
import { listAudit, verifyAuditChain, type AuditFilter } from '../../platform/audit.js';
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

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式为 YYYY-MM-DD / date as YYYY-MM-DD' });
/** Filters of the log and its export (issue 16 item 11): who, what, on which object, when (Asia/Shanghai days). */
const FilterQuery = z.object({
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().regex(/^[a-z0-9_.]+$/, { message: '操作代码只含小写字母、数字、下划线和点 / action code: a-z, 0-9, _ and .' }).max(100).optional(),
  objectType: z.string().trim().regex(/^[a-z0-9_]+$/, { message: '对象类型只含小写字母、数字和下划线 / object type: a-z, 0-9 and _' }).max(100).optional(),
  objectId: z.string().trim().min(1).max(200).optional(),
  from: DAY.optional(),
  to: DAY.optional(),
});
const EXPORT_MAX = 10_000;
const shanghai = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

export async function auditRoutes(root: FastifyInstance, { db }: { db: Db }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/audit', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['audit'],
      summary: '审计日志 Audit trail (newest first)',
      querystring: FilterQuery.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(EntrySchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => {
      const { page, pageSize, ...filter } = req.query;
      if (filter.from && filter.to && filter.from > filter.to) throw dateOrder();
      const { items, total } = await listAudit(db, page, pageSize, filter);
      return {
        items: items.map((r) => ({
          id: r.id, at: r.at.toISOString(), actorKind: r.actorKind, actorUsername: r.actorUsername, actorRole: r.actorRole,
          action: r.action, objectType: r.objectType, objectId: r.objectId, ip: r.ip, requestId: r.requestId, digest: r.digest, hash: r.hash,
        })),
        total, page, pageSize,
      };
    },
  });
  app.get('/api/v1/audit/export.xlsx', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['audit'],
      summary: '导出审计日志 Audit trail as .xlsx, with the same filters as the list (newest first, at most 10,000 rows)',
      querystring: FilterQuery,
    },
    handler: async (req, reply) => {
      const filter: AuditFilter = req.query;
      if (filter.from && filter.to && filter.from > filter.to) throw dateOrder();
      const { items, total } = await listAudit(db, 1, EXPORT_MAX, filter);
      const wb = new ExcelJS.Workbook();
      wb.creator = '再制造公共信息服务平台';
      const ws = wb.addWorksheet('审计日志');
      ws.columns = [
        { header: '序号 #', key: 'id', width: 9 },
        { header: '时间（北京时间）Time (CST)', key: 'at', width: 21 },
        { header: '操作人 User', key: 'actor', width: 16 },
        { header: '操作 Action', key: 'action', width: 30 },
        { header: '操作代码 Code', key: 'code', width: 28 },
        { header: '对象 Object', key: 'object', width: 16 },
        { header: '对象编号 Object id', key: 'objectId', width: 38 },
        { header: 'IP', key: 'ip', width: 16 },
      ];
      ws.getRow(1).font = { bold: true };
      for (const r of items) {
        ws.addRow({
          id: r.id, at: shanghai.format(r.at).replaceAll('/', '-'), actor: r.actorUsername ?? '—', action: auditActionLabel(r.action).zh, code: r.action,
          object: auditObjectLabel(r.objectType).zh, objectId: r.objectId ?? '', ip: r.ip ?? '',
        });
      }
      if (total > items.length) ws.addRow({ id: `共 ${total} 条，仅导出最新 ${items.length} 条；请缩小筛选范围 / ${total} entries, the newest ${items.length} exported` });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`)
        .send(Buffer.from(await wb.xlsx.writeBuffer()));
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

const dateOrder = () => errors.field('from', '起始日期不能晚于截止日期', 'must not be after to');
