/**
 * Issue 12 "At-least-once": kill -9 during ingest loses no acknowledged point. The platform runs as a child process
 * (src/server/main.ts with its embedded broker) on a database that outlives it — a PGlite directory, or a scratch
 * PostgreSQL database with TEST_DATABASE_URL. A device publishes QoS 1 messages with many in flight and notes every
 * PUBACK; the platform is killed with SIGKILL mid-stream (batches being stored, PUBACKs unsent), started again, and
 * every acknowledged point is found stored, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { freePort } from '../support/net.js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { reopenableDatabase } from '../support/db.js';
import { buildEnterprise, buildProduct, buildUser } from '../support/factories.js';

const dir = mkdtempSync(join(tmpdir(), 'reman-kill-'));
let db: Awaited<ReturnType<typeof reopenableDatabase>> | undefined;
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});




function startPlatform(env: Record<string, string>) {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, NODE_ENV: 'test', REMAN_DEMO: '0', LOG_LEVEL: 'warn', HOST: '127.0.0.1', MQTT_HOST: '127.0.0.1', FILE_STORE_DIR: join(dir, 'files'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, exited, out: () => out };
}

/** Ready = the MQTT broker accepts the device (the HTTP server listens first; the broker starts after it). */
async function connectWhenUp(url: string, device: { clientId: string; username: string; password: string }, p: { out(): string; child: ChildProcess }, ms = 240_000) {
  const until = Date.now() + ms;
  for (;;) {
    if (p.child.exitCode !== null) throw new Error(`platform exited:\n${p.out().slice(-3000)}`);
    try {
      return await mqtt.connectAsync(url, { ...device, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 2000 });
    } catch {
      if (Date.now() > until) throw new Error(`broker at ${url} did not come up:\n${p.out().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250)); // polling a port that is not open yet: nothing to wait on
    }
  }
}

describe('kill -9 during MQTT ingest', () => {
  it('every point acknowledged before the kill is stored after the restart', async () => {
    // where the data lives: the same for the provisioning step, both platform runs and the final count
    const opts = (db = await reopenableDatabase());
    // provision a device in-process on that database, then close it
    let database: Database = await opts.open();
    const app = await buildApp({ config: testConfig(), database, serveWeb: false });
    const s = app.services;
    const e = await buildEnterprise(s);
    const a = await buildUser(s, 'enterprise_admin', { organizationId: e.id });
    const ctx = { principal: principalOf((await s.identity.findByUsername(a.username))!, null), ip: '127.0.0.1', requestId: 'kill-test' };
    const p = await buildProduct(s, e.id, { model: 'KILL' });
    const { device, credentials } = await s.devices.provision(ctx, { productCode: p.code });
    await app.close(); // closes the database too

    const [port, mqttPort] = [await freePort(), await freePort()];
    const env = { ...opts.env, PORT: String(port), MQTT_PORT: String(mqttPort) };
    const url = `mqtt://127.0.0.1:${mqttPort}`;
    const topic = `reman/v1/devices/${device.id}/telemetry`;
    const t0 = Date.now() - 3_600_000;
    const acked = new Set<number>(); // message numbers acknowledged (each message: 5 points at ts t0 + 5i … t0 + 5i + 4)
    const body = (i: number) => JSON.stringify(Array.from({ length: 5 }, (_, j) => ({ ts: t0 + i * 5 + j, values: { rpm: 1000 + j, runHours: i } })));

    const first = startPlatform(env);
    const c = await connectWhenUp(url, credentials as { clientId: string; username: string; password: string }, first);
    let next = 0;
    let killed = false;
    let resolveKillPoint!: () => void;
    const killPoint = new Promise<void>((r) => (resolveKillPoint = r));
    // 40 messages in flight at any time until the connection drops
    const lane = async () => {
      while (!killed && c.connected) {
        const i = next++;
        try {
          await c.publishAsync(topic, body(i), { qos: 1 });
          acked.add(i);
          if (acked.size === 300) resolveKillPoint();
        } catch {
          return; // connection gone: this message was not acknowledged
        }
      }
    };
    const lanes = Array.from({ length: 40 }, lane);
    await killPoint;
    killed = true;
    first.child.kill('SIGKILL');
    await first.exited;
    c.end(true);
    await Promise.allSettled(lanes);
    const ackedAtKill = acked.size;
    expect(ackedAtKill).toBeGreaterThanOrEqual(300);
    expect(next).toBeGreaterThan(ackedAtKill); // messages were in flight, unacknowledged, when it died

    // start again on the same data; the device reconnects and its resend of an unacknowledged message is stored once
    const second = startPlatform(env);
    const c2 = await connectWhenUp(url, credentials as { clientId: string; username: string; password: string }, second);
    const missing = [...Array(next).keys()].find((i) => !acked.has(i))!;
    await c2.publishAsync(topic, body(missing), { qos: 1 });
    await c2.publishAsync(topic, body(missing), { qos: 1 });
    await c2.endAsync();
    second.child.kill('SIGTERM');
    await second.exited;

    database = await opts.open();
    try {
      const rows = (await database.raw.query<{ t: string }>(`SELECT (extract(epoch FROM ts) * 1000)::bigint AS t FROM telemetry WHERE device_id = $1 AND key = 'rpm'`, [device.id])).rows;
      const storedTs = new Set(rows.map((r) => Number(r.t)));
      expect(storedTs.size).toBe(rows.length); // once each
      const lost = [...acked].filter((i) => [0, 1, 2, 3, 4].some((j) => !storedTs.has(t0 + i * 5 + j)));
      expect(lost, `acknowledged messages not stored: ${lost.slice(0, 10).join(', ')}`).toEqual([]);
      for (let j = 0; j < 5; j++) expect(storedTs.has(t0 + missing * 5 + j)).toBe(true);
    } finally {
      await database.close();
    }
  }, 600_000); // two cold starts of the server under load
});
