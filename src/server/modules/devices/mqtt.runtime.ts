/**
 * Starting MQTT ingest with the server (src/server/main.ts; tests call it with their own settings): the embedded
 * broker (aedes) by default, or the subscriber of an external broker when MQTT_URL is set (docs/monitoring.md §Ingest).
 */
import { hostname } from 'node:os';
import type { AppConfig } from '../../config.js';
import { startEmbeddedBroker, type BrokerLog, type EmbeddedBroker } from '../../platform/mqtt/embedded-broker.js';
import { startExternalSubscriber, type ExternalSubscriber } from '../../platform/mqtt/external-subscriber.js';
import type { DeviceService } from './devices.service.js';
import type { MqttService } from './mqtt.service.js';

export type MqttRuntime =
  | { kind: 'embedded'; url: string; broker: EmbeddedBroker; close(): Promise<void> }
  | { kind: 'external'; url: string; subscriber: ExternalSubscriber; close(graceful?: boolean): Promise<void> };

type MqttConfig = Pick<AppConfig, 'MQTT_ENABLED' | 'MQTT_PORT' | 'MQTT_HOST' | 'MQTT_URL' | 'MQTT_CLIENT_ID' | 'MQTT_SHARE_GROUP' | 'MQTT_SUBSCRIBERS' | 'MQTT_SESSION_EXPIRY_SECONDS' | 'PORT'>;

export const DEFAULT_MQTT_PORT = 1883;

export async function startMqtt(o: { mqtt: MqttService; devices: DeviceService; config: MqttConfig; log: BrokerLog }): Promise<MqttRuntime | null> {
  const { config, mqtt, log } = o;
  if (!config.MQTT_ENABLED) return null;
  if (config.MQTT_URL) {
    const subscriber = await startExternalSubscriber({
      url: config.MQTT_URL,
      clientId: config.MQTT_CLIENT_ID ?? `reman-${hostname()}-${config.PORT}`,
      group: config.MQTT_SHARE_GROUP,
      clients: config.MQTT_SUBSCRIBERS,
      sessionExpirySeconds: config.MQTT_SESSION_EXPIRY_SECONDS,
      log,
      async receive(topic, payload) {
        const r = await mqtt.receiveExternal(topic, payload);
        if (r.outcome !== 'stored') log.warn({ topic: topic.slice(0, 200), outcome: r.outcome }, 'mqtt: message of no active device dropped');
        return r.out;
      },
    });
    mqtt.attachTransport({ publish: (m) => subscriber.publish(m), connected: () => null });
    return {
      kind: 'external', url: subscriber.url, subscriber,
      close: (graceful) => {
        mqtt.attachTransport(null);
        return subscriber.close(graceful);
      },
    };
  }
  const broker = await startEmbeddedBroker({ port: config.MQTT_PORT ?? DEFAULT_MQTT_PORT, explicit: config.MQTT_PORT !== undefined, host: config.MQTT_HOST, gateway: mqtt.gateway, log });
  // a rotation or revocation closes the device's connection: it must connect again with the new credentials
  o.devices.onCredentialsChanged((id) => broker.disconnect(id));
  if (broker.movedFromDefault) {
    log.warn({ port: broker.port }, `!!! MQTT: port ${DEFAULT_MQTT_PORT} is taken (another broker?); the embedded broker listens on ${broker.url} instead. Set MQTT_PORT to choose. !!!`);
  } else log.info({ url: broker.url }, 'mqtt: embedded broker listening');
  mqtt.attachTransport({ publish: (m) => broker.publish(m), connected: (id) => broker.isConnected(id) });
  return {
    kind: 'embedded', url: broker.url, broker,
    close: () => {
      mqtt.attachTransport(null);
      return broker.close();
    },
  };
}
