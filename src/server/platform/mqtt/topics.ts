/**
 * Device topics of the platform (issue 12 "Ingest"): `reman/v1/devices/{deviceId}/…`. Pure: shared by the embedded
 * broker (aedes), the external-broker subscriber and the HTTP auth/ACL endpoints that EMQX and mosquitto-go-auth call,
 * so the three enforce the same rule — a device publishes and subscribes only on its own topics.
 *
 *   publish:   reman/v1/devices/{ownId}/telemetry      payload {"ts","values"} or an array of such
 *              reman/v1/devices/{ownId}/attributes     payload {"<key>": scalar, …} (latest state)
 *              reman/v1/devices/{ownId}/replies/{requestId}   a command reply
 *   subscribe: reman/v1/devices/{ownId}/commands/#     commands to the device
 *              reman/v1/devices/{ownId}/errors         what the platform refused of the device's messages
 */
export const TOPIC_ROOT = 'reman/v1/devices';

export type InboundKind = 'telemetry' | 'attributes' | 'reply';

export interface InboundTopic {
  deviceId: string;
  kind: InboundKind;
  /** the request id of a command reply */
  requestId?: string;
}

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const INBOUND = new RegExp(`^${TOPIC_ROOT}/(${ID})/(?:(telemetry|attributes)|replies/([A-Za-z0-9_.:-]{1,64}))$`);

/** A topic a device may publish on, parsed; null for anything else (wildcards, other roots, unknown kinds). */
export function parseInbound(topic: string): InboundTopic | null {
  const m = INBOUND.exec(topic);
  if (!m) return null;
  return m[2] ? { deviceId: m[1]!, kind: m[2] as InboundKind } : { deviceId: m[1]!, kind: 'reply', requestId: m[3]! };
}

export const telemetryTopic = (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/telemetry`;
export const attributesTopic = (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/attributes`;
export const errorsTopic = (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/errors`;
export const commandTopic = (deviceId: string, requestId: string) => `${TOPIC_ROOT}/${deviceId}/commands/${requestId}`;

/** May this device publish on this topic? Only its own telemetry, attributes and replies. */
export function mayPublish(deviceId: string, topic: string): boolean {
  const t = parseInbound(topic);
  return t !== null && t.deviceId === deviceId.toLowerCase();
}

/**
 * May this device subscribe to this topic filter? Only its own commands (`…/commands/#`, `…/commands/+`,
 * `…/commands/<id>`) and errors. A filter with wildcards elsewhere (`reman/v1/devices/+/errors`, `#`) is refused:
 * it would reach other devices' topics.
 */
export function maySubscribe(deviceId: string, filter: string): boolean {
  const own = `${TOPIC_ROOT}/${deviceId.toLowerCase()}/`;
  if (!filter.startsWith(own)) return false;
  const rest = filter.slice(own.length);
  if (rest === 'errors') return true;
  return rest === 'commands/#' || rest === 'commands/+' || /^commands\/[A-Za-z0-9_.:-]{1,64}$/.test(rest);
}

/** Shared-subscription filters of the platform at an external broker (MQTT 5 `$share/<group>/…`). */
export function sharedFilters(group: string): string[] {
  return [`$share/${group}/${TOPIC_ROOT}/+/telemetry`, `$share/${group}/${TOPIC_ROOT}/+/attributes`, `$share/${group}/${TOPIC_ROOT}/+/replies/+`];
}
