import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { THING_MODEL_TEMPLATES, TEMPLATE_NAMES, type ThingModelTemplate } from '../../../domain/monitoring/thing-model.js';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { SCOPE_DEVICES_READ } from './devices.policy.js';
import { presentDetail, presentDevice, presentThingModel } from './devices.presenter.js';
import {
  CredentialsSchema,
  DeviceDetailSchema,
  DeviceIdParam,
  DevicePage,
  DeviceSchema,
  DeviceSummarySchema,
  IngestBody,
  IngestResultSchema,
  LatestSchema,
  ListDevicesQuery,
  ProvisionBody,
  ProvisionedSchema,
  TelemetryQuery,
  TelemetrySeriesSchema,
  ThingModelBody,
  ThingModelListSchema,
  ThingModelParam,
  ThingModelSchema,
} from './devices.schema.js';
import type { DeviceService } from './devices.service.js';
import type { TelemetryService } from './telemetry.service.js';

const READERS = [...ENTERPRISE_ROLES, 'enterprise_token'] as const;
const read = { roles: READERS, scope: SCOPE_DEVICES_READ };

/** HTTP Basic credentials of a device (username = device id). */
function basic(header: string | undefined): { username: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return null;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? null : { username: text.slice(0, i), password: text.slice(i + 1) };
}

export async function deviceRoutes(root: FastifyInstance, { devices, telemetry }: { devices: DeviceService; telemetry: TelemetryService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();

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
    schema: { tags: ['devices'], summary: '设备汇总（主管部门：辖区内企业，仅汇总） Device counts per enterprise (aggregate only)', response: { 200: DeviceSummarySchema } },
    handler: async (req) => {
      const items = await devices.summary(req.principal);
      const sum = (k: 'total' | 'active' | 'online' | 'pointsStored') => items.reduce((a, r) => a + r[k], 0);
      return { items, totals: { total: sum('total'), active: sum('active'), online: sum('online'), pointsStored: sum('pointsStored') } };
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
