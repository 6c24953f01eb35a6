/**
 * The platform as a subscriber of an external broker (Mosquitto, EMQX; `MQTT_URL`; docs/monitoring.md §Ingest).
 *
 * - MQTT 5 shared subscription `$share/<group>/reman/v1/devices/+/telemetry` (and attributes, replies): the broker
 *   splits the stream between all platform processes (and between the `clients` connections of one process).
 * - Persistent session: clean start false + a session expiry, a stable client id per process and connection. QoS 1
 *   messages the broker accepted stay in the session until acknowledged; the PUBACK is sent only after `receive`
 *   resolved (mqtt.js sends it when `handleMessage`'s callback is called). A crash before that → the broker sends the
 *   message again when the process comes back (at-least-once; duplicates are stored once).
 * - A store failing (database down) is retried with backoff; the PUBACK waits, so nothing is lost.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { BrokerLog, Outbound } from './embedded-broker.js';
import { sharedFilters } from './topics.js';

export interface ExternalSubscriber {
  url: string;
  clientIds: string[];
  /** messages received and acknowledged so far */
  acknowledged(): number;
  publish(o: Outbound): Promise<void>;
  /** stop: `graceful` false drops the connections without DISCONNECT (a crash, as the broker sees it) */
  close(graceful?: boolean): Promise<void>;
}

export async function startExternalSubscriber(o: {
  url: string;
  /** base of the client ids (`<base>-<i>`): stable across restarts of this process */
  clientId: string;
  group: string;
  clients: number;
  sessionExpirySeconds: number;
  receive(topic: string, payload: Buffer): Promise<Outbound[]>;
  log: BrokerLog;
}): Promise<ExternalSubscriber> {
  let acked = 0;
  let closing = false;
  const filters = sharedFilters(o.group);
  const clients: MqttClient[] = [];

  async function store(topic: string, payload: Buffer, client: MqttClient) {
    for (let attempt = 0; ; attempt++) {
      try {
        const out = await o.receive(topic, payload);
        for (const m of out) client.publish(m.topic, m.payload, { qos: 1 });
        return;
      } catch (err) {
        if (closing) throw err;
        if (attempt === 0 || attempt % 20 === 0) o.log.error({ err, topic }, 'mqtt: storing a message failed; retrying (not acknowledged)');
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** Math.min(attempt, 6))));
      }
    }
  }

  for (let i = 0; i < o.clients; i++) {
    const client = mqtt.connect(o.url, {
      clientId: `${o.clientId}-${i}`,
      protocolVersion: 5,
      clean: false,
      properties: { sessionExpiryInterval: o.sessionExpirySeconds },
      reconnectPeriod: 1_000,
      connectTimeout: 10_000,
      // manual flow control: one message at a time per connection, acknowledged after it is stored
      manualConnect: true,
    });
    client.handleMessage = (packet, done) => {
      store(packet.topic.toString(), Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload), client).then(
        () => {
          acked++;
          done();
        },
        () => undefined, // closing: no PUBACK; the broker keeps the message in the session
      );
    };
    client.on('error', (err) => o.log.warn({ err: err.message, clientId: `${o.clientId}-${i}` }, 'mqtt external broker error'));
    clients.push(client);
  }

  // connect all, then subscribe (a resumed session keeps its subscriptions; subscribing again is harmless)
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve, reject) => {
          const fail = (err: Error) => reject(new Error(`MQTT_URL: cannot connect to ${redact(o.url)}: ${err.message}`));
          c.once('error', fail);
          c.once('connect', () => {
            c.off('error', fail);
            c.subscribeAsync(filters, { qos: 1 }).then((granted) => {
              const refused = granted.filter((g) => g.qos > 2);
              if (refused.length) reject(new Error(`MQTT_URL: the broker refused the shared subscription (${refused.map((g) => g.topic).join(', ')})`));
              else resolve();
            }, reject);
          });
          c.connect();
        }),
    ),
  );
  o.log.info({ url: redact(o.url), group: o.group, clients: o.clients }, 'mqtt: subscribed to the external broker (shared subscription, persistent session)');

  return {
    url: redact(o.url),
    clientIds: clients.map((c) => c.options.clientId!),
    acknowledged: () => acked,
    publish: (m) => Promise.all(clients.slice(0, 1).map((c) => c.publishAsync(m.topic, m.payload, { qos: 1 }))).then(() => undefined),
    async close(graceful = true) {
      closing = true;
      await Promise.all(clients.map((c) => c.endAsync(!graceful)));
    },
  };
}

/** mqtt://user:pass@host → mqtt://user:***@host (logs, banner) */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
