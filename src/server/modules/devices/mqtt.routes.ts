import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import { ENTERPRISE_ROLES } from '../../platform/policy.js';
import { SCOPE_DEVICES_READ } from './devices.policy.js';
import { DeviceIdParam } from './devices.schema.js';
import type { MqttService } from './mqtt.service.js';

const read = { roles: [...ENTERPRISE_ROLES, 'enterprise_token'] as const, scope: SCOPE_DEVICES_READ };

const AttributesSchema = z
  .object({
    deviceId: z.string(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'DeviceAttributes' });

// The external broker's HTTP calls. EMQX sends what its body template says (use these names); mosquitto-go-auth's
// http backend (http_params_mode json) sends username/password/clientid, and for ACL topic/acc.
const s = z.string().max(1000).optional();
const BrokerAuthBody = z.object({ username: s, password: s, clientid: s, clientId: s }).loose();
const BrokerAclBody = z
  .object({
    username: s,
    clientid: s,
    clientId: s,
    topic: z.string().min(1).max(1000),
    /** EMQX: publish | subscribe (| all) */
    action: z.enum(['publish', 'subscribe', 'all']).optional(),
    /** mosquitto-go-auth: 1 read, 2 write, 3 read+write, 4 subscribe */
    acc: z.coerce.number().int().min(1).max(4).optional(),
  })
  .loose();
const BrokerAnswer = z
  .object({
    /** EMQX HTTP authenticator/authorizer */
    result: z.enum(['allow', 'deny']),
    /** mosquitto-go-auth (http_response_mode json) */
    ok: z.boolean(),
    error: z.string(),
    is_superuser: z.boolean(),
  })
  .meta({ id: 'MqttBrokerAnswer' });

const answer = (ok: boolean, superuser = false) => ({ result: ok ? ('allow' as const) : ('deny' as const), ok, error: ok ? '' : 'denied', is_superuser: superuser });

/**
 * MQTT routes: device attributes (reported over MQTT), and the HTTP auth/ACL endpoints an external broker calls
 * (EMQX HTTP authenticator/authorizer, mosquitto-go-auth http backend; docs/monitoring.md §Ingest). The broker
 * endpoints are open at the route level and carry the shared secret MQTT_AUTH_SECRET in `x-reman-mqtt-secret`.
 */
export async function mqttRoutes(root: FastifyInstance, { mqtt }: { mqtt: MqttService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/devices/:id/attributes', {
    config: { policy: read },
    schema: { tags: ['devices'], summary: '设备属性（设备经 MQTT …/attributes 上报的最新状态） Device attributes (latest state reported over MQTT)', params: DeviceIdParam, response: { 200: AttributesSchema } },
    handler: async (req) => {
      const { device, stored } = await mqtt.attributes(req.principal, req.params.id);
      return { deviceId: device.id, attributes: stored?.attributes ?? {}, updatedAt: stored?.updatedAt.toISOString() ?? null };
    },
  });

  /** true: the caller is the configured broker. MQTT_AUTH_SECRET unset: every answer is "deny"; a wrong secret: 401. */
  const fromBroker = (secret: string | string[] | undefined): boolean => {
    if (!mqtt.authSecretConfigured()) return false;
    if (!mqtt.authSecretOk(typeof secret === 'string' ? secret : undefined)) {
      throw new DomainError(401, 'MQTT_BROKER_UNAUTHENTICATED', 'x-reman-mqtt-secret 无效', 'x-reman-mqtt-secret is invalid');
    }
    return true;
  };

  app.post('/api/v1/mqtt/auth', {
    config: { policy: { public: true } },
    schema: { tags: ['devices'], summary: '外部 MQTT 代理：设备连接认证 External MQTT broker: authenticate a device (EMQX / mosquitto-go-auth)', body: BrokerAuthBody, response: { 200: BrokerAnswer } },
    handler: async (req) => {
      if (!fromBroker(req.headers['x-reman-mqtt-secret'])) return answer(false);
      const b = req.body;
      const clientId = b.clientid ?? b.clientId;
      if (mqtt.brokerSuperuser(b.username)) return answer(false); // the platform's own account is the broker's, not ours to grant
      return answer(await mqtt.brokerAuthenticate({ username: b.username, password: b.password, clientId }));
    },
  });

  app.post('/api/v1/mqtt/superuser', {
    config: { policy: { public: true } },
    schema: { tags: ['devices'], summary: '外部 MQTT 代理：是否为平台自身账号 External MQTT broker: is this the platform’s own account', body: BrokerAuthBody, response: { 200: BrokerAnswer } },
    handler: async (req) => {
      if (!fromBroker(req.headers['x-reman-mqtt-secret'])) return answer(false);
      const su = mqtt.brokerSuperuser(req.body.username);
      return answer(su, su);
    },
  });

  app.post('/api/v1/mqtt/acl', {
    config: { policy: { public: true } },
    schema: { tags: ['devices'], summary: '外部 MQTT 代理：主题授权 External MQTT broker: may this device publish/subscribe on this topic', body: BrokerAclBody, response: { 200: BrokerAnswer } },
    handler: async (req) => {
      if (!fromBroker(req.headers['x-reman-mqtt-secret'])) return answer(false);
      const b = req.body;
      const access = b.action === 'publish' || b.acc === 2 ? 'publish' : b.action === 'subscribe' || b.acc === 4 || b.acc === 1 ? 'subscribe' : 'both';
      return answer(await mqtt.brokerAcl({ username: b.username, clientId: b.clientid ?? b.clientId, topic: b.topic, access }));
    },
  });
}
