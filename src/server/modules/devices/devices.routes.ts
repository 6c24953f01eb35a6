import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { THING_MODEL_TEMPLATES, TEMPLATE_NAMES, type ThingModelTemplate } from '../../../domain/monitoring/thing-model.js';
import { DomainError } from '../../platform/errors.js';
import { readOneFile } from '../../platform/multipart.js';
import { BULK_MAX_BYTES } from './bulk.service.js';
import { AUTHORITY_ROLES, BUYER_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { SCOPE_DEVICES_READ } from './devices.policy.js';
import { presentDetail, presentDevice, presentThingModel } from './devices.presenter.js';
import {
  BulkProvisionedSchema,
  ConsentBody,
  CredentialsSchema,
  DeviceHealthSchema,
  DeviceDetailSchema,
  DeviceIdParam,
  DevicePage,
  DeviceSchema,
  DeviceSummarySchema,
  FleetQuery,
  FleetSchema,
  IngestBody,
  IngestResultSchema,
  LatestSchema,
  ListDevicesQuery,
  ProvisionBody,
  ProvisionedSchema,
  StreamQuery,
  TelemetryQuery,
  TelemetrySeriesSchema,
  ThingModelBody,
  ThingModelListSchema,
  ThingModelParam,
  ThingModelSchema,
} from './devices.schema.js';
import type { DeviceService } from './devices.service.js';
import type { DeviceHealthService } from './health.service.js';
import type { TelemetryService } from './telemetry.service.js';

/** Makers (users, tokens) and holders: owners and lessees may be enterprises or registered buyer organisations. */
const READERS = [...ENTERPRISE_ROLES, ...BUYER_ROLES, 'enterprise_token'] as const;
const read = { roles: READERS, scope: SCOPE_DEVICES_READ };

/** HTTP Basic credentials of a device (username = device id). */
function basic(header: string | undefined): { username: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return null;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? null : { username: text.slice(0, i), password: text.slice(i + 1) };
}

/** Live streams (SSE) open in this process at most; each polls the latest values every STREAM_POLL_MS. */
const MAX_STREAMS = 200;
const STREAM_POLL_MS = 2000;
const STREAM_RECHECK_MS = 30_000;
let openStreams = 0;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface DeviceRouteDeps {
  devices: DeviceService;
  telemetry: TelemetryService;
  health: DeviceHealthService;
  /** where devices connect, for the provisioning sheet (null: MQTT off) */
  mqtt?: { url: string | null; port: number | null } | null;
}

export async function deviceRoutes(root: FastifyInstance, { devices, telemetry, health, mqtt = null }: DeviceRouteDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/devices/bulk/template', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['devices'], summary: '批量接入模板（.xlsx） Bulk provisioning template' },
    handler: async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="devices-bulk.xlsx"; filename*=UTF-8''${encodeURIComponent('设备批量接入模板.xlsx')}`)
        .send(await devices.bulkTemplate()),
  });

  app.post('/api/v1/devices/bulk', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: {
      tags: ['devices'],
      summary: '批量接入设备（multipart 字段 file，.xlsx；逐行校验，全部或全不；密码仅显示一次） Bulk provisioning from an .xlsx (all rows or none; passwords shown once)',
      response: { 201: BulkProvisionedSchema },
    },
    handler: async (req, reply) => {
      const { file } = await readOneFile(req, BULK_MAX_BYTES);
      const rows = await devices.provisionFile(req.ctx, file.filename, file.data);
      return reply.status(201).send({
        fileName: file.filename,
        provisioned: rows.length,
        devices: rows.map((r) => ({ row: r.row, device: presentDevice(req.principal, r.device, false), credentials: r.credentials })),
        mqtt,
      });
    },
  });

  app.get('/api/v1/devices/fleet', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: {
      tags: ['devices'],
      summary: '设备群：装机量（型号、省份）、健康分布、旧件回流预测 Fleet: installed base, health distribution, forecast of returning cores',
      querystring: FleetQuery,
      response: { 200: FleetSchema },
    },
    handler: async (req) => health.fleet(req.principal, req.query),
  });

  app.get('/api/v1/devices/:id/health', {
    config: { policy: read },
    schema: { tags: ['devices'], summary: '健康指数与剩余寿命（含区间） Health index and remaining useful life with its interval', params: DeviceIdParam, response: { 200: DeviceHealthSchema } },
    handler: async (req) => health.health(req.principal, req.params.id),
  });

  app.post('/api/v1/devices/:id/consent', {
    config: { policy: { roles: ['enterprise_admin', 'buyer_admin'] } },
    schema: {
      tags: ['devices'],
      summary: '所有者授予或撤回制造企业的服务访问 The owner grants or withdraws the maker’s service access',
      params: DeviceIdParam,
      body: ConsentBody,
      response: { 200: DeviceSchema },
    },
    handler: async (req) => {
      const { device, subject } = await devices.setConsent(req.ctx, req.params.id, req.body.manufacturerAccess);
      return presentDevice(req.principal, device, devices.online(device), subject);
    },
  });

  // Live values over Server-Sent Events: a snapshot of the latest values, then every change (poll of the latest
  // table every 2 s, so points from HTTP, the embedded broker and other processes alike). Bounded: at most
  // MAX_STREAMS per process and `maxSeconds` (≤ 15 min; EventSource reconnects with Last-Event-ID); access is
  // re-checked every 30 s (a sale or a withdrawn consent ends it); the poll stops when the client disconnects.
  app.get('/api/v1/devices/:id/stream', {
    config: { policy: read },
    schema: {
      tags: ['devices'],
      summary: '实时数据推送（SSE） Live values (Server-Sent Events: latest, then each change)',
      params: DeviceIdParam,
      querystring: StreamQuery,
      produces: ['text/event-stream'],
    },
    handler: async (req, reply) => {
      const lastEventId = Number(req.headers['last-event-id']);
      let since = req.query.since ?? (Number.isFinite(lastEventId) && lastEventId > 0 ? lastEventId : 0);
      const first = await health.changedSince(req.principal, req.params.id, since); // 404 before anything is sent
      if (openStreams >= MAX_STREAMS) throw new DomainError(503, 'TOO_MANY_STREAMS', '实时推送连接过多，请稍后再试', 'Too many live streams; try again later');
      openStreams++;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      const send = (event: string, data: unknown, id?: number) => res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const emit = (rows: typeof first) => {
        if (!rows.length) return;
        since = Math.max(since, ...rows.map((r) => r.ts));
        send('values', Object.fromEntries(rows.map((r) => [r.key, [r.ts, r.txt ?? r.num]])), since);
      };
      send('ready', { deviceId: req.params.id, pollMs: STREAM_POLL_MS });
      emit(first);
      const maxMs = (req.query.maxSeconds ?? 900) * 1000;
      const started = Date.now();
      let lastCheck = started;
      let closed = false;
      let timer: NodeJS.Timeout | undefined;
      const stop = () => {
        if (closed) return;
        closed = true;
        if (timer) clearTimeout(timer);
        openStreams--;
        if (!res.writableEnded) res.end();
      };
      res.on('close', stop);
      const tick = async () => {
        if (closed) return;
        try {
          if (Date.now() - started >= maxMs) {
            send('end', { reason: 'maxSeconds' });
            return stop();
          }
          if (Date.now() - lastCheck >= STREAM_RECHECK_MS) {
            lastCheck = Date.now();
            if (!(await health.stillReadable(req.principal, req.params.id))) {
              send('end', { reason: 'access' });
              return stop();
            }
          }
          emit(await health.changedSince(req.principal, req.params.id, since));
          res.write(': keep-alive\n\n');
        } catch (err) {
          req.log.warn({ err }, 'device stream poll failed');
          send('end', { reason: 'error' });
          return stop();
        }
        if (!closed) timer = setTimeout(tick, Math.min(STREAM_POLL_MS, Math.max(0, maxMs - (Date.now() - started))));
      };
      if (maxMs <= 0) {
        send('end', { reason: 'maxSeconds' });
        stop();
      } else timer = setTimeout(tick, Math.min(STREAM_POLL_MS, maxMs));
    },
  });

  app.post('/api/v1/devices', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['devices'], summary: '接入设备（凭据仅显示一次） Provision a device (credentials shown once)', body: ProvisionBody, response: { 201: ProvisionedSchema } },
    handler: async (req, reply) => {
      const { device, credentials } = await devices.provision(req.ctx, req.body);
      return reply.status(201).send({ device: presentDevice(req.principal, device, false), credentials });
    },
  });

  app.get('/api/v1/devices', {
    config: { policy: read },
    schema: { tags: ['devices'], summary: '设备列表 Devices of the caller’s enterprise', querystring: ListDevicesQuery, response: { 200: DevicePage } },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      const { rows, total } = await devices.list(req.principal, f, page, pageSize);
      return { items: rows.map((d) => presentDevice(req.principal, d, devices.online(d))), total, page, pageSize };
    },
  });

  app.get('/api/v1/devices/summary', {
    config: { policy: { roles: [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['devices'], summary: '设备汇总（主管部门：辖区内企业，仅汇总；按企业与安装省份） Device counts per enterprise and installation province (aggregate only)', response: { 200: DeviceSummarySchema } },
    handler: async (req) => {
      const { items, byProvince } = await devices.summary(req.principal);
      const sum = (k: 'total' | 'active' | 'online' | 'pointsStored') => items.reduce((a, r) => a + r[k], 0);
      return { items, byProvince, totals: { total: sum('total'), active: sum('active'), online: sum('online'), pointsStored: sum('pointsStored') } };
    },
  });

  app.get('/api/v1/devices/:id', {
    config: { policy: read },
    schema: { tags: ['devices'], summary: '设备详情 One device', params: DeviceIdParam, response: { 200: DeviceDetailSchema } },
    handler: async (req) => {
      const x = await devices.detail(req.principal, req.params.id);
      return presentDetail(req.principal, x, devices.online(x.device));
    },
  });

  app.post('/api/v1/devices/:id/credentials', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['devices'], summary: '重置设备凭据（新密码仅显示一次） Rotate credentials', params: DeviceIdParam, response: { 200: z.object({ device: DeviceSchema, credentials: CredentialsSchema }) } },
    handler: async (req) => {
      const { device, credentials } = await devices.rotate(req.ctx, req.params.id);
      return { device: presentDevice(req.principal, device, devices.online(device)), credentials };
    },
  });

  app.post('/api/v1/devices/:id/revoke', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['devices'], summary: '吊销设备 Revoke a device', params: DeviceIdParam, response: { 200: DeviceSchema } },
    handler: async (req) => {
      const d = await devices.revoke(req.ctx, req.params.id);
      return presentDevice(req.principal, d, false);
    },
  });

  app.get('/api/v1/devices/:id/telemetry', {
    config: { policy: read },
    schema: {
      tags: ['devices'],
      summary: '遥测曲线（points 降采样保留极值） Telemetry series, downsampled keeping extremes',
      params: DeviceIdParam,
      querystring: TelemetryQuery,
      response: { 200: TelemetrySeriesSchema },
    },
    handler: async (req) => telemetry.query(req.principal, req.params.id, req.query),
  });

  app.get('/api/v1/devices/:id/latest', {
    config: { policy: read },
    schema: { tags: ['devices'], summary: '最新值 Latest values', params: DeviceIdParam, response: { 200: LatestSchema } },
    handler: async (req) => {
      const { device, rows } = await telemetry.latest(req.principal, req.params.id);
      return { deviceId: device.id, online: devices.online(device), lastSeenAt: device.lastSeenAt?.toISOString() ?? null, values: Object.fromEntries(rows.map((r) => [r.key, { ts: r.t, value: r.txt ?? r.num }])) };
    },
  });

  // HTTP ingest: the device authenticates itself (HTTP Basic), so the route is open at the route level. The body is
  // read as text: malformed JSON is refused and counted on the device like any other bad input (never a bare 400).
  await app.register(async (sub) => {
    sub.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    sub.withTypeProvider<ZodTypeProvider>().post('/api/v1/devices/:id/telemetry', {
      config: { policy: { public: true } },
      schema: {
        tags: ['devices'],
        summary: '上报遥测（HTTP Basic：设备凭据） Ingest telemetry (HTTP Basic with the device credentials)',
        params: DeviceIdParam,
        body: IngestBody,
        response: { 200: IngestResultSchema },
      },
      handler: async (req) => {
        const cred = basic(req.headers.authorization);
        const device = cred && cred.username.toLowerCase() === req.params.id ? await devices.authenticate(cred.username, cred.password) : null;
        if (!device) throw devices.badCredentials();
        return telemetry.ingest(device, req.body, 'http');
      },
    });
  });

  app.get('/api/v1/thing-models', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['devices'], summary: '物模型（本企业各产品型号）与模板 Thing models and templates', response: { 200: ThingModelListSchema } },
    handler: async (req) => ({
      items: (await devices.thingModels(req.principal)).map(presentThingModel),
      templates: TEMPLATE_NAMES.map((id) => ({ id, name: THING_MODEL_TEMPLATES[id].name, metrics: THING_MODEL_TEMPLATES[id].metrics.map((m) => ({ ...m })) })),
    }),
  });

  app.put('/api/v1/thing-models/:model', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['devices'], summary: '设置产品型号的物模型 Set the thing model of a product model', params: ThingModelParam, body: ThingModelBody, response: { 200: ThingModelSchema } },
    handler: async (req) => presentThingModel(await devices.putThingModel(req.ctx, req.params.model, req.body as { template?: ThingModelTemplate; metrics?: never })),
  });
}
