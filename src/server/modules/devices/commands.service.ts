/**
 * 远程诊断 — remote commands (issue 12 "Diagnosis and warranty cases"; docs/monitoring.md "Remote commands").
 *
 * Request/response over MQTT: the platform publishes `{requestId, method, params, sentAt, timeoutAt}` QoS 1 on
 * `reman/v1/devices/{id}/commands/{requestId}`; the device answers on `…/replies/{requestId}` with `{"ok": true,
 * "result": …}` or `{"ok": false, "error": "…"}`. Sending: the device read (404) → its owner, or its maker while the
 * owner consents (403 otherwise; devices.policy `command`) → the method and parameters checked against the thing
 * model's kind (400 naming the field) → the device connected (409 DEVICE_OFFLINE) → ONE transaction: the device row
 * locked, authorized again, at most 5 commands waiting per device, the command row + audit → commit → publish (a
 * failed publish settles it `failed`, audited). The reply — on whichever platform process receives it — or the
 * timeout settles the command once (conditional UPDATE on `sent`), audited; a reply is stored before its PUBACK.
 * The sender's timer settles the timeout; a periodic sweep (`expireOverdue`, main.ts) catches timers lost to a restart.
 */
import { randomUUID } from 'node:crypto';
import { checkCommand, commandsFor, parseReply } from '../../../domain/monitoring/commands.js';
import { productKindOf } from '../../../domain/monitoring/cases.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import { commandTopic } from '../../platform/mqtt/topics.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { commandRepo, type CommandRow } from './commands.repo.js';
import { devicePolicy } from './devices.policy.js';
import type { DeviceService } from './devices.service.js';
import type { CommandReply, MqttService } from './mqtt.service.js';

export const MAX_PENDING_PER_DEVICE = 5;
export interface SendInput {
  method: string;
  params?: Record<string, unknown>;
  timeoutSec?: number;
}

const orgOf = (p: Principal | null): string | null =>
  p?.kind !== 'user' ? null : p.role === 'enterprise_admin' || p.role === 'enterprise_staff' ? p.enterpriseId : p.role === 'buyer_admin' || p.role === 'buyer_staff' ? (p.buyerOrgId ?? null) : null;

export function createCommandService(deps: { db: Db; clock: Clock; devices: DeviceService; mqtt: Pick<MqttService, 'transport' | 'onReply'>; log?: { warn(o: object, m: string): void } }) {
  const { db, clock, devices, mqtt } = deps;
  const timers = new Map<string, NodeJS.Timeout>();
  const settledListeners: ((c: CommandRow) => void)[] = [];

  async function specsOf(d: { enterpriseId: string; productModel: string | null }) {
    const model = await devices.thingModelOf(d.enterpriseId, d.productModel);
    return commandsFor(productKindOf(model?.metrics.map((m) => m.key) ?? []));
  }

  /** Settle once (reply, failure, timeout), audited in the same transaction; null when it was settled already. */
  async function settle(id: string, deviceId: string | null, outcome: { state: 'replied' | 'failed' | 'timeout'; reply?: unknown; error?: string | null }) {
    const row = await db.transaction(async (tx) => {
      const r = await commandRepo.settle(tx, id, deviceId, { ...outcome, at: clock.now() });
      if (!r) return null;
      const change = { deviceId: r.deviceId, caseId: r.caseId, method: r.method, state: r.state, error: r.error };
      if (r.state === 'replied') await recordAudit(tx, null, { action: 'device.command_replied', objectType: 'device_command', objectId: r.id, enterpriseId: r.enterpriseId, change });
      else if (r.state === 'failed') await recordAudit(tx, null, { action: 'device.command_failed', objectType: 'device_command', objectId: r.id, enterpriseId: r.enterpriseId, change });
      else await recordAudit(tx, null, { action: 'device.command_timeout', objectType: 'device_command', objectId: r.id, enterpriseId: r.enterpriseId, change });
      return r;
    });
    if (row) {
      clearTimeout(timers.get(id));
      timers.delete(id);
      for (const l of settledListeners) l(row);
    }
    return row;
  }

  /** A device's reply (mqtt.service `onReply`; on any platform process). Unknown, late or foreign replies change nothing. */
  async function onReply(r: CommandReply) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(r.requestId)) return;
    const parsed = parseReply(r.payload);
    const row = await settle(r.requestId, r.deviceId, parsed);
    if (!row) deps.log?.warn({ deviceId: r.deviceId, requestId: r.requestId }, 'command reply for no waiting command (late, repeated or unknown): ignored');
  }
  mqtt.onReply(onReply);

  function arm(id: string, at: Date) {
    const t = setTimeout(() => void settle(id, null, { state: 'timeout', error: 'no reply in time' }).catch(() => undefined), Math.max(0, at.getTime() - clock.now().getTime()));
    t.unref();
    timers.set(id, t);
  }

  return {
    specsOf,

    /** What the device page and the case page offer: the methods this caller may send to this device. */
    async available(p: Principal | null, deviceId: string) {
      const { device } = await devices.loadReadable(p, deviceId);
      return specsOf(device);
    },

    /**
     * Send a command (see the file's comment). `link.caseId`: sent from a case (the cases module checked the case,
     * its device and its state). Answers the command row in state `sent`; the reply or the timeout settles it.
     */
    async send(ctx: RequestContext, deviceId: string, input: SendInput, link: { caseId?: string } = {}) {
      const p = ctx.principal;
      const { device, subject } = await devices.loadReadable(p, deviceId);
      // authorized before the input is judged (403 before 400), and again on the locked row below
      authorize(p, devicePolicy, 'command', subject);
      const holders = await devices.holdersOf(deviceId);
      const checked = checkCommand(await specsOf(device), input.method, input.params ?? {});
      if (!checked.ok) throw errors.validation(checked.problems);
      const transport = mqtt.transport();
      if (!transport) throw errors.conflict('COMMANDS_UNAVAILABLE', '平台未启用 MQTT，无法下发命令', 'MQTT is off on this platform: no commands can be sent');
      const connected = transport.connected(deviceId);
      if (!(connected ?? devices.online(device))) throw errors.conflict('DEVICE_OFFLINE', '设备不在线，无法下发命令', 'The device is offline: no command can be sent');
      const id = randomUUID();
      const sentAt = clock.now();
      const timeoutAt = new Date(sentAt.getTime() + (input.timeoutSec ?? 30) * 1000);
      const row = await db.transaction(async (tx) => {
        const { device: d } = await devices.lockAuthorized(tx, p, deviceId, 'command', holders);
        if ((await commandRepo.pendingOf(tx, d.id)) >= MAX_PENDING_PER_DEVICE) {
          throw errors.conflict('TOO_MANY_PENDING', `该设备已有 ${MAX_PENDING_PER_DEVICE} 条命令等待应答`, `${MAX_PENDING_PER_DEVICE} commands of this device are awaiting a reply`);
        }
        const r = await commandRepo.insert(tx, {
          enterpriseId: d.enterpriseId, id, deviceId: d.id, caseId: link.caseId ?? null, method: checked.spec.method, params: checked.params,
          sentBy: p?.kind === 'user' ? p.userId : randomUUID(), sentByOrg: orgOf(p), sentAt, timeoutAt,
        });
        await recordAudit(tx, ctx, { action: 'device.command_sent', objectType: 'device_command', objectId: id, enterpriseId: d.enterpriseId, change: { deviceId: d.id, caseId: r.caseId, method: r.method, params: r.params, timeoutAt: timeoutAt.toISOString() } });
        return r;
      });
      // after commit: the device may answer at once, the reply finds the row
      arm(id, timeoutAt);
      try {
        await transport.publish({ topic: commandTopic(deviceId, id), payload: JSON.stringify({ requestId: id, method: row.method, params: row.params, sentAt: sentAt.toISOString(), timeoutAt: timeoutAt.toISOString() }) });
      } catch (err) {
        return (await settle(id, null, { state: 'failed', error: `publish failed: ${(err as Error).message}`.slice(0, 300) })) ?? row;
      }
      return row;
    },

    /** The commands of a device (newest first), or of one case of it. */
    async list(p: Principal | null, deviceId: string, f: { caseId?: string }, page: number, pageSize: number) {
      await devices.loadReadable(p, deviceId);
      return commandRepo.list(db, { deviceId, caseId: f.caseId }, page, pageSize);
    },

    async get(p: Principal | null, deviceId: string, id: string) {
      await devices.loadReadable(p, deviceId);
      const c = await commandRepo.get(db, id);
      if (!c || c.deviceId !== deviceId) throw errors.notFound('命令', 'Command');
      return c;
    },

    /** For the case page (the cases module checked the caller reads the case). */
    ofCase: (caseId: string) => commandRepo.ofCase(db, caseId),

    /** Commands past their timeout whose timer was lost (a restart): settled `timeout`. Periodic (main.ts). */
    async expireOverdue() {
      let n = 0;
      for (const { id } of await commandRepo.overdue(db, clock.now())) if (await settle(id, null, { state: 'timeout', error: 'no reply in time' })) n++;
      return n;
    },

    onReply,
    /** After a command is settled (tests, the web's live view later). */
    onSettled(fn: (c: CommandRow) => void) {
      settledListeners.push(fn);
    },
    /** Stop the timers (server shutdown; the sweep settles what is left). */
    close() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}

export type CommandService = ReturnType<typeof createCommandService>;
