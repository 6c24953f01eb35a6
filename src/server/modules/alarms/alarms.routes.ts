import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BUYER_ROLES, ENTERPRISE_ROLES } from '../../platform/policy.js';
import { exportedRule, presentAlarm, presentDelivery, presentEvent, presentRule, presentWebhook } from './alarms.presenter.js';
import {
  AlarmDetailSchema,
  AlarmListQuery,
  AlarmPage,
  AlarmSchema,
  AssignBody,
  CommentBody,
  DeliveryPage,
  ExportQuery,
  ExportSchema,
  IdParam,
  ImportBody,
  ImportResultSchema,
  RuleBody,
  RuleListQuery,
  RulePage,
  RuleSchema,
  WebhookBody,
  WebhookCreatedSchema,
  WebhookPage,
  WebhookSchema,
} from './alarms.schema.js';
import type { AlarmService } from './alarms.service.js';
import { PageQuery } from '../../platform/paging.js';

const tags = ['alarms'];
const admin = { roles: ['enterprise_admin'] as const };
const users = { roles: ENTERPRISE_ROLES };
/** Alarms follow their device: also the product's owner or possessor per the trace (a registered buyer organisation), alarmPolicy decides. */
const handlers = { roles: [...ENTERPRISE_ROLES, ...BUYER_ROLES] as const };

export async function alarmRoutes(root: FastifyInstance, { alarms: svc }: { alarms: AlarmService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { rules, alarms, webhooks } = svc;

  // ---- rules
  app.post('/api/v1/alarm-rules', {
    config: { policy: admin },
    schema: { tags, summary: '新建告警规则（按型号或单台设备） Create an alarm rule (per model or per device)', body: RuleBody, response: { 201: RuleSchema } },
    handler: async (req, reply) => reply.status(201).send(presentRule(req.principal, await rules.create(req.ctx, req.body))),
  });
  app.get('/api/v1/alarm-rules', {
    config: { policy: users },
    schema: { tags, summary: '告警规则列表 Alarm rules of the caller’s enterprise', querystring: RuleListQuery, response: { 200: RulePage } },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      const { rows, total } = await rules.list(req.principal, f, page, pageSize);
      return { items: rows.map((r) => presentRule(req.principal, r)), total, page, pageSize };
    },
  });
  app.get('/api/v1/alarm-rules/export', {
    config: { policy: users },
    schema: { tags, summary: '导出告警规则（JSON） Export alarm rules as JSON', querystring: ExportQuery, response: { 200: ExportSchema } },
    handler: async (req, reply) => {
      const rows = await rules.exportRules(req.principal, req.query);
      void reply.header('content-disposition', 'attachment; filename="alarm-rules.json"');
      return rows.map(exportedRule);
    },
  });
  app.post('/api/v1/alarm-rules/import', {
    config: { policy: admin },
    schema: { tags, summary: '导入告警规则（JSON 数组，全部校验通过才写入） Import alarm rules (all or nothing)', body: ImportBody, response: { 200: ImportResultSchema } },
    handler: async (req) => {
      const r = await rules.importRules(req.ctx, req.body);
      return { created: r.created, updated: r.updated, rules: r.rules.map((x) => presentRule(req.principal, x)) };
    },
  });
  app.get('/api/v1/alarm-rules/:id', {
    config: { policy: users },
    schema: { tags, summary: '告警规则 One alarm rule', params: IdParam, response: { 200: RuleSchema } },
    handler: async (req) => presentRule(req.principal, await rules.load(req.principal, req.params.id)),
  });
  app.put('/api/v1/alarm-rules/:id', {
    config: { policy: admin },
    schema: { tags, summary: '修改告警规则（范围不变） Replace an alarm rule (same scope)', params: IdParam, body: RuleBody, response: { 200: RuleSchema } },
    handler: async (req) => presentRule(req.principal, await rules.update(req.ctx, req.params.id, req.body)),
  });
  app.delete('/api/v1/alarm-rules/:id', {
    config: { policy: admin },
    schema: { tags, summary: '删除告警规则（其活动告警随之清除） Delete an alarm rule (its active alarms are cleared)', params: IdParam, response: { 204: z.undefined() } },
    handler: async (req, reply) => {
      await rules.remove(req.ctx, req.params.id);
      return reply.status(204).send();
    },
  });

  // ---- alarms
  app.get('/api/v1/alarms', {
    config: { policy: handlers },
    schema: { tags, summary: '告警列表（按设备、状态、级别） Alarms, paged', querystring: AlarmListQuery, response: { 200: AlarmPage } },
    handler: async (req) => {
      const { page, pageSize, status, ...f } = req.query;
      const st =
        status === 'active' || status === 'cleared' ? { status }
        : status ? { status: status.startsWith('ACTIVE') ? ('active' as const) : ('cleared' as const), acknowledged: status.endsWith('_ACK') }
        : {};
      const { rows, total } = await alarms.list(req.principal, { ...f, ...st }, page, pageSize);
      const items = await Promise.all(rows.map(async (a) => presentAlarm(req.principal, a, await alarms.subjectOf(req.principal, a))));
      return { items, total, page, pageSize };
    },
  });
  app.get('/api/v1/alarms/:id', {
    config: { policy: handlers },
    schema: { tags, summary: '告警详情（含处理记录） One alarm with its history', params: IdParam, response: { 200: AlarmDetailSchema } },
    handler: async (req) => {
      const x = await alarms.detail(req.principal, req.params.id);
      return { ...presentAlarm(req.principal, x.alarm, x.subject), events: x.events.map(presentEvent) };
    },
  });
  const one = async (p: Parameters<typeof presentAlarm>[0], a: Parameters<typeof presentAlarm>[1]) => presentAlarm(p, a, await alarms.subjectOf(p, a));
  app.post('/api/v1/alarms/:id/ack', {
    config: { policy: handlers },
    schema: { tags, summary: '确认告警（停止升级与重复通知） Acknowledge an alarm', params: IdParam, response: { 200: AlarmSchema } },
    handler: async (req) => one(req.principal, await alarms.acknowledge(req.ctx, req.params.id)),
  });
  app.post('/api/v1/alarms/:id/assign', {
    config: { policy: users },
    schema: { tags, summary: '指派告警（userId 为 null 取消指派） Assign an alarm', params: IdParam, body: AssignBody, response: { 200: AlarmSchema } },
    handler: async (req) => one(req.principal, await alarms.assign(req.ctx, req.params.id, req.body.userId)),
  });
  app.post('/api/v1/alarms/:id/comments', {
    config: { policy: handlers },
    schema: { tags, summary: '评论告警 Comment on an alarm', params: IdParam, body: CommentBody, response: { 201: AlarmSchema } },
    handler: async (req, reply) => reply.status(201).send(await one(req.principal, await alarms.comment(req.ctx, req.params.id, req.body.text))),
  });
  app.post('/api/v1/alarms/:id/clear', {
    config: { policy: handlers },
    schema: { tags, summary: '手动清除告警 Clear an alarm by hand', params: IdParam, response: { 200: AlarmSchema } },
    handler: async (req) => one(req.principal, await alarms.clear(req.ctx, req.params.id)),
  });

  // ---- webhooks
  app.post('/api/v1/webhooks', {
    config: { policy: admin },
    schema: { tags, summary: '登记 Webhook（签名密钥仅显示一次） Register a webhook (secret shown once)', body: WebhookBody, response: { 201: WebhookCreatedSchema } },
    handler: async (req, reply) => {
      const w = await webhooks.create(req.ctx, req.body);
      return reply.status(201).send({ ...presentWebhook(w), secret: w.secret });
    },
  });
  app.get('/api/v1/webhooks', {
    config: { policy: admin },
    schema: { tags, summary: 'Webhook 列表 Webhooks of the enterprise', querystring: PageQuery, response: { 200: WebhookPage } },
    handler: async (req) => {
      const { rows, total } = await webhooks.list(req.principal, req.query.page, req.query.pageSize);
      return { items: rows.map(presentWebhook), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });
  app.delete('/api/v1/webhooks/:id', {
    config: { policy: admin },
    schema: { tags, summary: '删除 Webhook Remove a webhook', params: IdParam, response: { 200: WebhookSchema } },
    handler: async (req) => presentWebhook(await webhooks.remove(req.ctx, req.params.id)),
  });
  app.get('/api/v1/webhooks/:id/deliveries', {
    config: { policy: admin },
    schema: { tags, summary: '投递记录 Delivery log of a webhook', params: IdParam, querystring: PageQuery, response: { 200: DeliveryPage } },
    handler: async (req) => {
      const { rows, total } = await webhooks.deliveries(req.principal, req.params.id, req.query.page, req.query.pageSize);
      return { items: rows.map(presentDelivery), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });
}
