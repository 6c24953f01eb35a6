import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BUYER_ROLES, ENTERPRISE_ROLES } from '../../platform/policy.js';
import { DeviceIdParam } from './devices.schema.js';
import { CommandIdParams, CommandListQuery, CommandMethodsSchema, CommandPage, CommandSchema, presentCommand, SendCommandBody } from './commands.schema.js';
import type { CommandService } from './commands.service.js';

const tags = ['devices'];
/** users of the maker and of the holders; who may send is the device policy's `command` (owner, maker with consent) */
const users = { roles: [...ENTERPRISE_ROLES, ...BUYER_ROLES] as const };

/** 远程诊断: remote commands to a device (issue 12; docs/monitoring.md "Remote commands"). */
export async function commandRoutes(root: FastifyInstance, { commands }: { commands: CommandService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/devices/:id/commands/methods', {
    config: { policy: users },
    schema: { tags, summary: '设备可接受的命令 Methods the device accepts', params: DeviceIdParam, response: { 200: CommandMethodsSchema } },
    handler: async (req) => ({ items: (await commands.available(req.principal, req.params.id)).map((s) => ({ ...s, params: [...s.params].map((x) => ({ ...x, values: x.values ? [...x.values] : undefined })) })) }),
  });
  app.post('/api/v1/devices/:id/commands', {
    config: { policy: users },
    schema: { tags, summary: '向设备下发命令（MQTT 请求/应答，超时） Send a command to the device', params: DeviceIdParam, body: SendCommandBody, response: { 201: CommandSchema } },
    handler: async (req, reply) => reply.status(201).send(presentCommand(await commands.send(req.ctx, req.params.id, req.body))),
  });
  app.get('/api/v1/devices/:id/commands', {
    config: { policy: users },
    schema: { tags, summary: '设备的命令记录 Commands sent to the device', params: DeviceIdParam, querystring: CommandListQuery, response: { 200: CommandPage } },
    handler: async (req) => {
      const { page, pageSize, caseId } = req.query;
      const { rows, total } = await commands.list(req.principal, req.params.id, { caseId }, page, pageSize);
      return { items: rows.map(presentCommand), total, page, pageSize };
    },
  });
  app.get('/api/v1/devices/:id/commands/:commandId', {
    config: { policy: users },
    schema: { tags, summary: '一条命令及其应答 One command and its reply', params: CommandIdParams, response: { 200: CommandSchema } },
    handler: async (req) => presentCommand(await commands.get(req.principal, req.params.id, req.params.commandId)),
  });
}
