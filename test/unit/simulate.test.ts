import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import http from 'node:http';
import { Aedes } from 'aedes';
import { provision, simulate, POINTS_PER_MESSAGE } from '../../scripts/simulate.js';

// An in-process broker on an ephemeral port stands in for the platform's; it records what the simulator publishes.
let broker: Aedes;
let server: net.Server;
let url = '';
const received: { topic: string; payload: string; clientId: string | null; qos: number }[] = [];

beforeAll(async () => {
  broker = await Aedes.createBroker();
  broker.on('publish', (packet, client) => {
    if (client && packet.topic.endsWith('/telemetry')) received.push({ topic: packet.topic, payload: packet.payload.toString(), clientId: client.id, qos: packet.qos });
  });
  server = net.createServer(broker.handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `mqtt://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await new Promise<void>((r) => broker.close(() => r()));
});

describe('npm run simulate', () => {
  it('publishes engine telemetry per device on its own topic, QoS 1, every message acknowledged', async () => {
    const devices = ['d-1', 'd-2', 'd-3'].map((id) => ({ id, credentials: { clientId: id } }));
    const lines: string[] = [];
    const s = await simulate({ url, devices, rate: 300, duration: 2, speedup: 5, seed: 3, report: 1, log: (l) => lines.push(l) });
    expect(s.connected).toBe(3);
    expect(s.failed).toBe(0);
    expect(s.acked).toBe(s.messages);
    // the scheduler catches up on its timer: close to rate × duration even on a busy machine
    expect(s.messages).toBeGreaterThan((0.5 * 300 * 2) / POINTS_PER_MESSAGE);
    expect(s.messages).toBeLessThanOrEqual((300 * 2.2) / POINTS_PER_MESSAGE);
    expect(received).toHaveLength(s.messages);
    for (const m of received) {
      expect(m.qos).toBe(1);
      expect(m.topic).toBe(`reman/v1/devices/${m.clientId}/telemetry`);
      const body = JSON.parse(m.payload) as { ts: number; values: Record<string, number> };
      expect(Math.abs(body.ts - Date.now())).toBeLessThan(60_000);
      expect(Object.keys(body.values)).toEqual(expect.arrayContaining(['coolantTemp', 'rpm', 'runHours', 'vibrationRms']));
    }
    // run hours advance per device (wear you can watch: speedup 5 h per simulated second)
    const hours = received.filter((m) => m.clientId === 'd-1').map((m) => (JSON.parse(m.payload) as { values: { runHours: number } }).values.runHours);
    expect(hours[hours.length - 1]).toBeGreaterThan(hours[0]);
    expect(lines.some((l) => l.includes('points/s'))).toBe(true);
    expect(s.latencyMs).not.toBeNull();
  });
  it('sends malformed messages when asked, for the platform\'s refusal counters', async () => {
    received.length = 0;
    const s = await simulate({ url, devices: [{ id: 'bad-1', credentials: { clientId: 'bad-1' } }], rate: 500, duration: 1, bad: 0.5, seed: 1, log: () => {} });
    expect(s.malformed).toBeGreaterThan(0);
    const unparsable = received.filter((m) => {
      try {
        const b = JSON.parse(m.payload) as { values?: Record<string, unknown> };
        return typeof b.values?.coolantTemp !== 'number';
      } catch {
        return true;
      }
    });
    expect(unparsable.length).toBe(s.malformed);
  });
});

describe('provisioning through the platform API', () => {
  it('posts one device per product code with the token and keeps the credentials (either answer shape)', async () => {
    const seen: { auth?: string; body: unknown }[] = [];
    let n = 0;
    const api = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
        const credentials = { clientId: `c${n}`, username: `u${n}`, password: `p${n}` };
        const id = `dev-${n++}`;
        res.writeHead(req.url === '/api/v1/devices' && req.method === 'POST' ? 201 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(n === 1 ? { id, productCode: 'RM1', credentials } : { device: { id }, credentials }));
      });
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', () => r()));
    try {
      const base = `http://127.0.0.1:${(api.address() as net.AddressInfo).port}`;
      const creds = await provision(base, 'tok', ['RM1', 'RM2'], () => {});
      expect(creds).toEqual([
        { id: 'dev-0', credentials: { clientId: 'c0', username: 'u0', password: 'p0' } },
        { id: 'dev-1', credentials: { clientId: 'c1', username: 'u1', password: 'p1' } },
      ]);
      expect(seen.map((x) => [x.auth, (x.body as { productCode: string }).productCode])).toEqual([
        ['Bearer tok', 'RM1'],
        ['Bearer tok', 'RM2'],
      ]);
      await expect(provision(`${base}/elsewhere/`, 'tok', ['RM3'], () => {})).resolves.toHaveLength(1);
    } finally {
      await new Promise<void>((r) => api.close(() => r()));
    }
  });
});
