/**
 * The embedded MQTT broker (aedes, in the server process; issue 12 "Ingest", docs/monitoring.md §Ingest).
 * Generic: who may connect and what a publish does come from a gateway (the devices module's mqtt.service.ts).
 *
 * At-least-once (QoS 1): aedes calls `authorizePublish` before it writes the PUBACK, so the gateway stores the points
 * there and the callback — hence the PUBACK — follows the commit. A store that fails (database down) closes the
 * connection without a PUBACK: the device sends the message again after reconnecting. Telemetry is never retained and
 * no device may subscribe to another device's topics, so nothing is forwarded.
 */
import { createServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { mayPublish, maySubscribe, parseInbound, type InboundTopic } from './topics.js';

export interface Outbound {
  topic: string;
  payload: string;
}

/** What the broker asks of the platform. `I` is the authenticated identity (a device row). */
export interface MqttGateway<I> {
  /** CONNECT: the identity behind (clientId, username, password), or null (refused). `reason` 'clientId' → return code 2. */
  authenticate(clientId: string, username: string | undefined, password: Buffer | undefined): Promise<{ identity: I } | { refused: 'credentials' | 'clientId' }>;
  deviceIdOf(identity: I): string;
  /** A publish on the device's own topic: resolves once stored; the answer is published back (e.g. to …/errors). */
  receive(identity: I, topic: InboundTopic, payload: Buffer): Promise<Outbound[]>;
}

export interface BrokerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface EmbeddedBroker {
  port: number;
  url: string;
  /** true when the default port was taken and the next free one is used */
  movedFromDefault: boolean;
  connectedClients(): number;
  /** publish from the platform (commands, error reports) */
  publish(o: Outbound): Promise<void>;
  /** is this device connected now? */
  isConnected(deviceId: string): boolean;
  /** close the connection of a device (credentials rotated or revoked) */
  disconnect(deviceId: string): void;
  close(): Promise<void>;
}

export class MqttPortInUseError extends Error {}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

const authError = (returnCode: number, message: string): AuthenticateError => Object.assign(new Error(message), { returnCode }) as AuthenticateError;

/**
 * Start the broker on `port`. `explicit`: the port was configured (MQTT_PORT) — in use is a startup error naming the
 * variable. Otherwise (the default 1883, which Mosquitto often holds) the next free port up to +20 is taken and the
 * caller says so loudly (docs/decisions.md "Embedded MQTT broker port").
 */
export async function startEmbeddedBroker<I>(o: { port: number; host: string; explicit: boolean; gateway: MqttGateway<I>; log: BrokerLog }): Promise<EmbeddedBroker> {
  const { gateway, log } = o;
  const identities = new WeakMap<Client, I>();
  const byDevice = new Map<string, Client>();

  const broker = await Aedes.createBroker({
    // a device that connects and says nothing is dropped after 10 s; memory stays bounded under a connection storm
    connectTimeout: 10_000,
    authenticate(client, username, password, done) {
      gateway.authenticate(client.id, username ?? undefined, password ?? undefined).then(
        (r) => {
          if ('identity' in r) {
            identities.set(client, r.identity);
            const id = gateway.deviceIdOf(r.identity);
            byDevice.set(id, client);
            done(null, true);
          } else if (r.refused === 'clientId') done(authError(2, 'client id is not the device’s'), false);
          else done(authError(4, 'bad device credentials'), false);
        },
        (err: unknown) => {
          log.error({ err }, 'mqtt authenticate failed');
          done(authError(3, 'server unavailable'), false);
        },
      );
    },
    authorizeSubscribe(client, sub, done) {
      const identity = identities.get(client);
      if (identity && maySubscribe(gateway.deviceIdOf(identity), sub.topic)) return done(null, sub);
      // MQTT 3.1.1 SUBACK 0x80 for this filter; the connection stays
      done(null, null);
    },
    authorizePublish(client, packet, done) {
      const identity = client ? identities.get(client) : undefined;
      const topic = parseInbound(packet.topic);
      if (!client || !identity || !topic || !mayPublish(gateway.deviceIdOf(identity), packet.topic)) {
        // a device publishing outside its own topics is disconnected (MQTT 3.1.1 has no per-publish refusal)
        return done(new Error(`topic not allowed: ${packet.topic.slice(0, 200)}`));
      }
      packet.retain = false;
      gateway.receive(identity, topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload)).then(
        async (out) => {
          for (const m of out) await publish(m).catch(() => undefined);
          done(null); // → PUBACK (QoS 1), after the points are stored
        },
        (err: Error & { statusCode?: number }) => {
          if (err.statusCode !== 401) log.error({ err, deviceId: topic.deviceId }, 'mqtt ingest failed; the device will resend');
          done(err); // → connection closed without PUBACK
        },
      );
    },
  });

  broker.on('clientDisconnect', (client) => {
    const identity = identities.get(client);
    if (identity) {
      const id = gateway.deviceIdOf(identity);
      if (byDevice.get(id) === client) byDevice.delete(id);
    }
  });

  function publish(m: Outbound): Promise<void> {
    return new Promise((resolve, reject) =>
      broker.publish({ cmd: 'publish', topic: m.topic, payload: Buffer.from(m.payload), qos: 1, retain: false, dup: false }, (err) => (err ? reject(err) : resolve())),
    );
  }

  const server = createServer(broker.handle);
  let port = o.port;
  let moved = false;
  for (let attempt = 0; ; attempt++) {
    try {
      port = await listen(server, port, o.host);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE') throw err;
      if (o.explicit) throw new MqttPortInUseError(`MQTT_PORT=${o.port}: port in use — the embedded MQTT broker cannot listen (set another MQTT_PORT, MQTT_ENABLED=0, or MQTT_URL for an external broker)`);
      if (attempt >= 20) throw new MqttPortInUseError(`MQTT_PORT (default ${o.port}) and the next 20 ports are in use — set MQTT_PORT`);
      port++;
      moved = true;
    }
  }
  const host = o.host === '0.0.0.0' || o.host === '::' ? 'localhost' : o.host;
  return {
    port,
    url: `mqtt://${host}:${port}`,
    movedFromDefault: moved,
    connectedClients: () => broker.connectedClients,
    publish,
    isConnected: (deviceId) => byDevice.get(deviceId)?.connected === true,
    disconnect(deviceId) {
      byDevice.get(deviceId)?.close();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close();
        broker.close(() => resolve());
      }),
  };
}
