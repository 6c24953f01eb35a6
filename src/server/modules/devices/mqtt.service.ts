/**
 * MQTT ingest of devices (issue 12 "Ingest", docs/monitoring.md §Ingest): what the embedded broker and the external-
 * broker subscriber (platform/mqtt/*) ask of the devices module, and the HTTP auth/ACL answers for EMQX and
 * mosquitto-go-auth. Telemetry goes through `telemetry.ingest` — the one path that stores points, the same as HTTP.
 */
import { parseAttributes } from '../../../domain/monitoring/attributes.js';
import type { PayloadError } from '../../../domain/monitoring/payload.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { MqttGateway, Outbound } from '../../platform/mqtt/embedded-broker.js';
import { TOPIC_ROOT, errorsTopic, mayPublish, maySubscribe, parseInbound, type InboundTopic } from '../../platform/mqtt/topics.js';
import type { DeviceService } from './devices.service.js';
import { deviceRepo, type DeviceRow } from './devices.repo.js';
import type { TelemetryService } from './telemetry.service.js';
import { telemetryRepo } from './telemetry.repo.js';

export interface MqttSettings {
  /** username of the platform's own client at an external broker (a superuser there: it subscribes to all devices) */
  platformUsername: string | null;
  /** shared secret the broker's HTTP auth/ACL calls carry (header `x-reman-mqtt-secret`); null: endpoints closed */
  authSecret: string | null;
}

export interface CommandReply {
  deviceId: string;
  requestId: string;
  payload: Buffer;
}

/** What a device is told on `…/errors` after a message was refused in whole or in part. */
export function errorReport(topic: string, r: { stored?: number; duplicates?: number; refused: number; errors: PayloadError[] }) {
  return JSON.stringify({ topic, at: new Date().toISOString(), stored: r.stored ?? 0, duplicates: r.duplicates ?? 0, refused: r.refused, errors: r.errors.slice(0, 20) });
}

/**
 * How the platform reaches devices (remote commands): the running broker's publish, and whether a device is
 * connected now (the embedded broker knows; an external broker does not: null, then "online" is the last-seen rule).
 */
export interface MqttTransport {
  publish(o: Outbound): Promise<void>;
  connected(deviceId: string): boolean | null;
}

export function createMqttService(deps: { db: Db; clock: Clock; devices: DeviceService; telemetry: TelemetryService; settings: MqttSettings }) {
  const { db, clock, devices, telemetry, settings } = deps;
  const replyListeners: ((r: CommandReply) => void | Promise<void>)[] = [];
  let transport: MqttTransport | null = null;
  // external broker: the device row per id, kept briefly (a rotation or revocation makes ingest answer 401: reloaded)
  const rows = new Map<string, { row: DeviceRow | null; at: number }>();

  async function deviceById(id: string, fresh = false): Promise<DeviceRow | null> {
    const hit = rows.get(id);
    if (!fresh && hit && Date.now() - hit.at < 30_000) return hit.row;
    const row = (await deviceRepo.get(db, id)) ?? null;
    if (rows.size > 50_000) rows.clear();
    rows.set(id, { row: row?.status === 'active' ? row : null, at: Date.now() });
    return row?.status === 'active' ? row : null;
  }

  /** Attributes: merged into the device's row in one transaction with the device's conditional update (as ingest). */
  async function storeAttributes(device: DeviceRow, payload: Buffer) {
    const now = clock.now();
    const { attributes, errors } = parseAttributes(payload);
    const keys = Object.keys(attributes).length;
    await db.transaction(async (tx) => {
      if (keys) await telemetryRepo.mergeAttributes(tx, device.enterpriseId, device.id, attributes, now);
      const ok = await deviceRepo.touch(tx, device.id, device.secretVersion, now, { stored: 0, refusedPoints: errors.length, refusedMessage: keys === 0 && errors.length > 0 });
      if (!ok) throw devices.badCredentials();
      await deviceRepo.addErrors(
        tx,
        errors.slice(0, 20).map((e) => ({ enterpriseId: device.enterpriseId, deviceId: device.id, at: now, channel: 'mqtt' as const, code: e.code, message: e.message, messageEn: e.messageEn, detail: { key: e.key ?? null, attributes: true } })),
      );
    });
    return { stored: keys, refused: errors.length, errors };
  }

  /** One publish of an authenticated device on its own topic; resolves once stored. */
  async function receive(device: DeviceRow, topic: InboundTopic, payload: Buffer, raw: string): Promise<Outbound[]> {
    if (topic.kind === 'reply') {
      // stored before the PUBACK, like telemetry (a lost reply would time out a command that was answered)
      for (const l of replyListeners) await l({ deviceId: device.id, requestId: topic.requestId!, payload });
      return [];
    }
    const r = topic.kind === 'telemetry' ? await telemetry.ingest(device, payload, 'mqtt') : await storeAttributes(device, payload);
    return r.refused > 0 ? [{ topic: errorsTopic(device.id), payload: errorReport(raw, r) }] : [];
  }

  /** The gateway of the embedded broker: device credentials at CONNECT, then its own topics only. */
  const gateway: MqttGateway<DeviceRow> = {
    async authenticate(clientId, username, password) {
      const d = await devices.authenticate(username, password);
      if (!d) return { refused: 'credentials' };
      if (d.clientId !== clientId) return { refused: 'clientId' };
      return { identity: d };
    },
    deviceIdOf: (d) => d.id,
    receive: (d, topic, payload) => receive(d, topic, payload, `${TOPIC_ROOT}/${topic.deviceId}/${topic.kind === 'reply' ? `replies/${topic.requestId}` : topic.kind}`),
  };

  return {
    gateway,

    /**
     * A message the platform received from an external broker (shared subscription). The broker authenticated the
     * device (HTTP auth/ACL below); the topic names it. Unknown or revoked devices: dropped (logged by the caller).
     * Resolves once stored: the caller acknowledges after.
     */
    async receiveExternal(topicName: string, payload: Buffer): Promise<{ outcome: 'stored' | 'unknown-device' | 'bad-topic'; out: Outbound[] }> {
      const topic = parseInbound(topicName);
      if (!topic) return { outcome: 'bad-topic', out: [] };
      let d = await deviceById(topic.deviceId);
      if (!d) return { outcome: 'unknown-device', out: [] };
      try {
        return { outcome: 'stored', out: await receive(d, topic, payload, topicName) };
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 401) throw err;
        // rotated meanwhile: the broker authenticated the publisher when it connected; reload once
        d = await deviceById(topic.deviceId, true);
        if (!d) return { outcome: 'unknown-device', out: [] };
        return { outcome: 'stored', out: await receive(d, topic, payload, topicName) };
      }
    },

    /** Command replies (`…/replies/{requestId}`), for the diagnosis cases that send commands. */
    onReply(fn: (r: CommandReply) => void | Promise<void>) {
      replyListeners.push(fn);
    },

    /** The running broker (mqtt.runtime.ts attaches it at start and detaches it at close); null: MQTT is off. */
    attachTransport(t: MqttTransport | null) {
      transport = t;
    },
    transport: (): MqttTransport | null => transport,

    /** Device attributes last reported, for the device page. */
    async attributes(p: Parameters<DeviceService['loadReadable']>[0], id: string) {
      const { device } = await devices.loadReadable(p, id);
      return { device, stored: await telemetryRepo.attributes(db, device.id) };
    },

    // ---- HTTP auth/ACL for an external broker (EMQX HTTP authenticator/authorizer, mosquitto-go-auth http backend) ----
    authSecretConfigured: () => settings.authSecret !== null,
    authSecretOk(given: string | undefined): boolean {
      return settings.authSecret !== null && given !== undefined && given.length === settings.authSecret.length && timingSafe(given, settings.authSecret);
    },

    /** CONNECT at the external broker: device id + password, and the client id must be the device's. */
    async brokerAuthenticate(i: { username?: string; password?: string; clientId?: string }): Promise<boolean> {
      const d = await devices.authenticate(i.username, i.password);
      return d !== null && (i.clientId === undefined || i.clientId === d.clientId);
    },

    /** Superuser at the external broker: only the platform's own client (MQTT_URL's username). */
    brokerSuperuser(username: string | undefined): boolean {
      return settings.platformUsername !== null && username === settings.platformUsername;
    },

    /**
     * ACL: may this device publish on / subscribe to this topic? `access`: 'publish' | 'subscribe' (EMQX `action`),
     * or mosquitto-go-auth's `acc` (1 read, 2 write, 3 read+write, 4 subscribe). The device must still exist and be active.
     */
    async brokerAcl(i: { username?: string; clientId?: string; topic: string; access: 'publish' | 'subscribe' | 'both' }): Promise<boolean> {
      if (this.brokerSuperuser(i.username)) return true;
      if (!i.username || !/^[0-9a-f-]{36}$/i.test(i.username)) return false;
      const d = await deviceById(i.username.toLowerCase());
      if (!d || (i.clientId !== undefined && i.clientId !== d.clientId)) return false;
      const pub = mayPublish(d.id, i.topic);
      const sub = maySubscribe(d.id, i.topic);
      return i.access === 'publish' ? pub : i.access === 'subscribe' ? sub : pub && sub;
    },

    /** A rotation or revocation: forget the cached row (the broker drops the connection itself). */
    forget: (id: string) => {
      rows.delete(id);
    },
  };
}

function timingSafe(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type MqttService = ReturnType<typeof createMqttService>;

/** The username in MQTT_URL (the platform's own client at the external broker), or null. */
export function mqttUsername(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return decodeURIComponent(new URL(url).username) || null;
  } catch {
    return null;
  }
}
