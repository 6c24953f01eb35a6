/**
 * `npm run simulate -- --devices N --rate R [options]` — publishes realistic engine telemetry (degradation, operating
 * regimes, sensor faults: src/domain/monitoring/synthetic.ts) over MQTT on `reman/v1/devices/{deviceId}/telemetry`
 * with payload `{"ts", "values": {…}}` at R points/s in total (5 points a message), QoS 1, printing throughput
 * and publish→PUBACK latency. See docs/monitoring-health.md "Simulator".
 *
 * Devices, one of:
 *   --api http://localhost:3000 --token <API token> --products RM1,RM2,… | --products-file codes.txt
 *        provisions one device per product code through `POST /api/v1/devices` (credentials in the answer);
 *        --save creds.json keeps them for the next run
 *   --credentials creds.json   devices provisioned earlier: [{ "id", "credentials": {clientId, username, password} }]
 *   neither                    anonymous devices sim-0001… (a development broker that allows anonymous clients)
 * Options:
 *   --url mqtt://127.0.0.1:1883   broker (the platform's embedded one by default)
 *   --duration 60                 seconds (0: until Ctrl-C)
 *   --speedup 1                   run hours of wear per second of simulation (degradation you can watch)
 *   --seed 1                      fleet seed
 *   --bad 0                       share of malformed messages (exercises the platform's refusal counters)
 *   --report 5                    seconds between throughput lines
 *   --mqtt5                       connect with MQTT 5 (default 3.1.1)
 *   --json                        print the summary as one last line `SUMMARY {…}` (bench/ingest.ts reads it)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { createRng, type Rng } from '../src/domain/monitoring/prng.js';
import { drawUnitParams, engineUnit, type EngineMetric } from '../src/domain/monitoring/synthetic.js';

export interface DeviceCredentials {
  id: string;
  credentials: { clientId: string; username?: string; password?: string };
}

export interface SimulateOptions {
  url: string;
  devices: DeviceCredentials[];
  /** points per second in total */
  rate: number;
  /** seconds; 0 = until stop() */
  duration: number;
  speedup?: number;
  seed?: number;
  bad?: number;
  report?: number;
  /** MQTT protocol version: 4 (3.1.1, default) or 5 */
  protocol?: 4 | 5;
  log?: (line: string) => void;
  /** resolves to stop early */
  signal?: AbortSignal;
}

export interface SimulateSummary {
  devices: number;
  connected: number;
  messages: number;
  points: number;
  acked: number;
  failed: number;
  malformed: number;
  refusals: number;
  seconds: number;
  pointsPerSecond: number;
  latencyMs: { p50: number; p99: number } | null;
}

export const POINTS_PER_MESSAGE = 5;

interface SimDevice {
  cred: DeviceCredentials;
  client: MqttClient | null;
  rng: Rng;
  unit: ReturnType<typeof engineUnit>;
  lastTs: number;
  /** the last values published, for getDiagnostics */
  last: Partial<Record<EngineMetric, number>>;
  reportIntervalSec: number;
  startedAt: number;
  faultCodes: string[];
}

/**
 * 远程诊断: what a simulated terminal answers on `…/replies/{requestId}` (docs/monitoring.md "Remote commands"):
 * diagnostics from its engine's last values, fault codes from its vibration and coolant, a reboot acknowledged.
 * A method it does not know: `{ok: false}`.
 */
export function answerCommand(d: SimDevice, method: string, params: Record<string, unknown>): { ok: boolean; result?: unknown; error?: string } {
  switch (method) {
    case 'getDiagnostics':
      return { ok: true, result: { firmware: 'sim-1.0', uptimeSec: Math.round((Date.now() - d.startedAt) / 1000), runHours: d.last.runHours ?? null, values: d.last, faultCodes: d.faultCodes } };
    case 'getConfig':
      return { ok: true, result: { reportIntervalSec: d.reportIntervalSec } };
    case 'setReportInterval':
      d.reportIntervalSec = Number(params.seconds);
      return { ok: true, result: { reportIntervalSec: d.reportIntervalSec } };
    case 'reboot':
      d.startedAt = Date.now() + Number(params.delaySec ?? 0) * 1000;
      return { ok: true, result: { rebootingInSec: Number(params.delaySec ?? 0) } };
    case 'readFaultCodes':
      return { ok: true, result: { codes: d.faultCodes } };
    case 'clearFaultCodes':
      d.faultCodes = [];
      return { ok: true, result: { cleared: true } };
    case 'runSelfTest':
      return { ok: true, result: { test: params.test ?? null, passed: (d.last.vibrationRms ?? 0) < 7.1 } };
    default:
      return { ok: false, error: `unknown method ${method.slice(0, 64)}` };
  }
}

function newUnit(rng: Rng, id: string) {
  const params = drawUnitParams(rng, id);
  // start somewhere in the first 80 % of an expected life, so a fleet shows a spread of health
  const start = rng.uniform(0, 0.8) * (Math.log(5.6 / params.theta) / params.beta);
  return engineUnit(rng, params, Math.round(start));
}

function payload(d: SimDevice, hours: number): { values: Partial<Record<EngineMetric, number>>; replaced: boolean } {
  let replaced = false;
  if (d.unit.failed) {
    d.unit = newUnit(d.rng, d.cred.id); // the engine is withdrawn and a remanufactured one installed
    replaced = true;
  }
  const s = d.unit.advance(hours);
  const values: Partial<Record<EngineMetric, number>> = { ...s.values };
  // live sensor faults: a spike now and then, a metric missing now and then
  if (d.rng.chance(0.002)) values.vibrationRms = Math.round(s.values.vibrationRms * d.rng.uniform(2, 4) * 1000) / 1000;
  if (d.rng.chance(0.002)) delete values.oilPressure;
  return { values, replaced };
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

export async function simulate(opts: SimulateOptions): Promise<SimulateSummary> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const seedRng = createRng(opts.seed ?? 1);
  const devices: SimDevice[] = opts.devices.map((cred) => {
    const rng = seedRng.fork();
    return { cred, client: null, rng, unit: newUnit(rng, cred.id), lastTs: 0, last: {}, reportIntervalSec: 5, startedAt: Date.now(), faultCodes: [] };
  });
  let refusals = 0;
  // connect, at most 50 at a time
  let connected = 0;
  for (let i = 0; i < devices.length; i += 50) {
    await Promise.all(
      devices.slice(i, i + 50).map(
        (d) =>
          new Promise<void>((resolve) => {
            const c = mqtt.connect(opts.url, {
              clientId: d.cred.credentials.clientId,
              username: d.cred.credentials.username,
              password: d.cred.credentials.password,
              protocolVersion: opts.protocol ?? 4,
              reconnectPeriod: 2000,
              connectTimeout: 10_000,
            });
            const done = () => resolve();
            c.once('connect', () => {
              connected++;
              d.client = c;
              c.subscribe(`reman/v1/devices/${d.cred.id}/errors`, { qos: 0 });
              c.subscribe(`reman/v1/devices/${d.cred.id}/commands/+`, { qos: 1 });
              done();
            });
            c.on('message', (topic, message) => {
              const cmd = /\/commands\/([A-Za-z0-9_.:-]{1,64})$/.exec(topic);
              if (!cmd) return void refusals++;
              let m: { method?: unknown; params?: unknown };
              try {
                m = JSON.parse(message.toString()) as typeof m;
              } catch {
                m = {};
              }
              const answer = answerCommand(d, String(m.method ?? ''), (m.params && typeof m.params === 'object' ? m.params : {}) as Record<string, unknown>);
              c.publish(`reman/v1/devices/${d.cred.id}/replies/${cmd[1]}`, JSON.stringify(answer), { qos: 1 });
            });
            c.once('error', (e) => {
              log(`device ${d.cred.id}: ${e.message}`);
              c.end(true);
              done();
            });
            setTimeout(done, 12_000).unref();
          }),
      ),
    );
  }
  const live = devices.filter((d) => d.client);
  log(`connected ${live.length}/${devices.length} devices to ${opts.url}; publishing ${opts.rate} points/s (${(opts.rate / POINTS_PER_MESSAGE).toFixed(1)} messages/s)`);
  const msgRate = opts.rate / POINTS_PER_MESSAGE;
  const perDeviceInterval = live.length / Math.max(msgRate, 1e-9); // seconds between a device's messages
  const hoursPerMessage = (opts.speedup ?? 1) * perDeviceInterval;
  const latencies: number[] = [];
  let messages = 0;
  let acked = 0;
  let failed = 0;
  let malformed = 0;
  let next = 0;
  const t0 = performance.now();
  let lastReport = t0;
  let lastMessages = 0;
  const reportEvery = (opts.report ?? 5) * 1000;
  await new Promise<void>((resolve) => {
    const finish = () => {
      clearInterval(timer);
      resolve();
    };
    opts.signal?.addEventListener('abort', finish, { once: true });
    const timer = setInterval(() => {
      const now = performance.now();
      const elapsed = (now - t0) / 1000;
      if (opts.duration > 0 && elapsed >= opts.duration) return finish();
      const due = Math.floor(elapsed * msgRate) - messages;
      for (let k = 0; k < due && live.length > 0; k++) {
        const d = live[next++ % live.length];
        // strictly increasing per device: messages of one device in the same millisecond are distinct points
        const ts = Math.max(Date.now(), d.lastTs + 1);
        d.lastTs = ts;
        let body: string;
        if (opts.bad && d.rng.chance(opts.bad)) {
          body = d.rng.chance(0.5) ? '{"ts":' : JSON.stringify({ ts, values: { coolantTemp: 'hot', unknownKey: 1 } });
          malformed++;
        } else {
          const { values, replaced } = payload(d, hoursPerMessage);
          if (replaced) log(`device ${d.cred.id}: engine reached its failure level; a remanufactured one continues`);
          body = JSON.stringify({ ts, values });
          d.last = values;
          // the terminal's own fault memory (cleared by clearFaultCodes): P0217 overheating, P0300-like vibration
          if ((values.coolantTemp ?? 0) > 105 && !d.faultCodes.includes('P0217')) d.faultCodes.push('P0217');
          if ((values.vibrationRms ?? 0) > 7.1 && !d.faultCodes.includes('VIB-HIGH')) d.faultCodes.push('VIB-HIGH');
        }
        const sentAt = performance.now();
        messages++;
        d.client!.publish(`reman/v1/devices/${d.cred.id}/telemetry`, body, { qos: 1 }, (err) => {
          if (err) failed++;
          else {
            acked++;
            latencies.push(performance.now() - sentAt);
          }
        });
      }
      if (now - lastReport >= reportEvery) {
        const secs = (now - lastReport) / 1000;
        log(`${elapsed.toFixed(0)} s: ${(((messages - lastMessages) * POINTS_PER_MESSAGE) / secs).toFixed(0)} points/s, ${messages} messages, ${acked} acknowledged, ${messages - acked - failed} in flight, ${failed} failed, ${refusals} refusals reported back`);
        lastReport = now;
        lastMessages = messages;
      }
    }, 20);
  });
  // wait (bounded) for the last acknowledgements
  const waitUntil = performance.now() + 10_000;
  while (acked + failed < messages && performance.now() < waitUntil) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(live.map((d) => new Promise<void>((r) => d.client!.end(false, {}, () => r()))));
  const sorted = latencies.sort((a, b) => a - b);
  const summary: SimulateSummary = {
    devices: devices.length,
    connected: live.length,
    messages,
    points: messages * POINTS_PER_MESSAGE,
    acked,
    failed,
    malformed,
    refusals,
    seconds: Math.round(seconds * 10) / 10,
    pointsPerSecond: Math.round((acked * POINTS_PER_MESSAGE) / seconds),
    latencyMs: sorted.length ? { p50: Math.round(quantile(sorted, 0.5) * 10) / 10, p99: Math.round(quantile(sorted, 0.99) * 10) / 10 } : null,
  };
  log(`done: ${summary.acked}/${summary.messages} messages acknowledged in ${summary.seconds} s = ${summary.pointsPerSecond} points/s; PUBACK latency p50 ${summary.latencyMs?.p50 ?? '–'} ms, p99 ${summary.latencyMs?.p99 ?? '–'} ms`);
  return summary;
}

/** Provision one device per product code through the platform API (issue 12: POST /api/v1/devices). */
export async function provision(api: string, token: string, codes: readonly string[], log: (l: string) => void = console.log): Promise<DeviceCredentials[]> {
  const out: DeviceCredentials[] = [];
  for (const productCode of codes) {
    const res = await fetch(new URL('/api/v1/devices', api), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ productCode, name: `simulator ${productCode}` }),
    });
    // the answer is {id, productCode, credentials}; {device: {id, …}, credentials} is read too
    const body = (await res.json().catch(() => ({}))) as Partial<DeviceCredentials> & { device?: { id?: string }; message?: string };
    const id = body.id ?? body.device?.id;
    if (res.status !== 201 || !id || !body.credentials) throw new Error(`POST /api/v1/devices for ${productCode}: ${res.status} ${body.message ?? ''}`);
    out.push({ id, credentials: body.credentials });
    log(`provisioned ${id} for ${productCode}`);
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string', default: '10' },
      rate: { type: 'string', default: '100' },
      url: { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
      products: { type: 'string' },
      'products-file': { type: 'string' },
      credentials: { type: 'string' },
      save: { type: 'string' },
      duration: { type: 'string', default: '60' },
      speedup: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      bad: { type: 'string', default: '0' },
      report: { type: 'string', default: '5' },
      mqtt5: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const n = (k: keyof typeof values) => {
    const v = Number(values[k]);
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} must be a non-negative number`);
    return v;
  };
  const count = Math.floor(n('devices'));
  let devices: DeviceCredentials[];
  if (values.credentials) {
    devices = (JSON.parse(await readFile(values.credentials, 'utf8')) as DeviceCredentials[]).slice(0, count);
  } else if (values.api) {
    if (!values.token) throw new Error('--api needs --token (an API token of the enterprise allowed to provision devices)');
    const codes = values.products ? values.products.split(',') : values['products-file'] ? (await readFile(values['products-file'], 'utf8')).split(/\s+/) : [];
    const wanted = codes.map((c) => c.trim()).filter(Boolean).slice(0, count);
    if (wanted.length < count) throw new Error(`--devices ${count} needs as many product codes (--products or --products-file); got ${wanted.length}`);
    devices = await provision(values.api, values.token, wanted);
  } else {
    devices = Array.from({ length: count }, (_, i) => {
      const id = `sim-${String(i + 1).padStart(4, '0')}`;
      return { id, credentials: { clientId: id } };
    });
  }
  if (values.save) await writeFile(values.save, JSON.stringify(devices, null, 2));
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const url = values.url ?? 'mqtt://127.0.0.1:1883';
  const summary = await simulate({ url, devices, rate: n('rate'), duration: n('duration'), speedup: n('speedup'), seed: n('seed'), bad: n('bad'), report: n('report'), protocol: values.mqtt5 ? 5 : 4, signal: abort.signal });
  if (values.json) console.log(`SUMMARY ${JSON.stringify(summary)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
