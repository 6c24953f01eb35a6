/**
 * `node --expose-gc --import tsx bench/device-storm.ts [attempts=10000] [concurrency=200] [rightShare=0.05]` —
 * issue 12 "Performance": memory stays bounded under a device storm (10,000 MQTT connections attempted).
 *
 * The server — the app with its embedded broker (aedes) on an in-memory PGlite, as `npm start` runs without
 * DATABASE_URL — runs in this process; the devices run in a child process (this file with --clients), as real devices
 * would be outside the platform: `attempts` MQTT CONNECTs, at most `concurrency` in flight, most with wrong
 * credentials (a random device id, a real device id with a wrong password, a client id that is not the device's,
 * no password), `rightShare` with the right ones — those stay connected until the storm ends, then disconnect.
 * Meanwhile the child asks GET /healthz every 100 ms over HTTP and records each answer's time.
 * This process samples its memory (RSS, V8 heap used, external + array buffers) every 50 ms: before (after a GC),
 * peak during the storm, after (all clients gone, after a GC). Prints the figures and the connect outcomes.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';

interface Creds {
  id: string;
  credentials: { clientId: string; username: string; password: string };
}
interface ClientReport {
  accepted: number;
  refused: Record<string, number>;
  errors: number;
  acceptedOfRight: number;
  right: number;
  seconds: number;
  healthz: { n: number; failed: number; p50: number; p99: number; max: number };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

/** The devices: a storm of CONNECTs; the report on stdout as `REPORT {json}`. */
async function clients(file: string) {
  const { url, healthz, attempts, concurrency, rightShare, devices } = JSON.parse(await readFile(file, 'utf8')) as { url: string; healthz: string; attempts: number; concurrency: number; rightShare: number; devices: Creds[] };
  const refused: Record<string, number> = {};
  let accepted = 0;
  let acceptedOfRight = 0;
  let errors = 0;
  let right = 0;
  const kept: mqtt.MqttClient[] = [];
  const times: number[] = [];
  let failed = 0;
  let storming = true;
  const poll = (async () => {
    while (storming) {
      const t = performance.now();
      try {
        const r = await fetch(healthz, { signal: AbortSignal.timeout(5000) });
        await r.text();
        if (r.status !== 200) failed++;
        else times.push(performance.now() - t);
      } catch {
        failed++;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  let next = 0;
  const attempt = (i: number) =>
    new Promise<void>((resolve) => {
      const step = Math.round(1 / rightShare);
      const kind = i % step === 0 ? 'right' : (['randomId', 'wrongPassword', 'foreignClientId', 'noPassword'] as const)[i % 4]!;
      // each right attempt its own device (a second connection with a client id would take over the first)
      const d = devices[(kind === 'right' ? i / step : i) % devices.length]!;
      if (kind === 'right') right++;
      const opts =
        kind === 'right' ? { clientId: d.credentials.clientId, username: d.credentials.username, password: d.credentials.password }
        : kind === 'randomId' ? { clientId: `reman-${randomUUID()}`, username: randomUUID(), password: 'dev_guess' }
        : kind === 'wrongPassword' ? { clientId: d.credentials.clientId, username: d.credentials.username, password: `dev_wrong_${i}` }
        : kind === 'foreignClientId' ? { clientId: `intruder-${i}`, username: d.credentials.username, password: d.credentials.password }
        : { clientId: `reman-${randomUUID()}`, username: randomUUID() };
      // a right device id connects once at a time (a second connection with its client id takes over the first)
      const c = mqtt.connect(url, { ...opts, reconnectPeriod: 0, connectTimeout: 15_000, protocolVersion: 4, clean: true });
      let done = false;
      const finish = (keep: boolean) => {
        if (done) return;
        done = true;
        if (keep) kept.push(c);
        else c.end(true);
        resolve();
      };
      c.once('connect', () => {
        accepted++;
        if (kind === 'right') acceptedOfRight++;
        finish(kind === 'right');
      });
      c.once('error', (err: Error & { code?: number }) => {
        const k = `${kind}:${err.code ?? err.message.slice(0, 40)}`;
        refused[k] = (refused[k] ?? 0) + 1;
        finish(false);
      });
      c.once('close', () => {
        if (!done) errors++;
        finish(false);
      });
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < attempts) await attempt(next++);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  storming = false;
  await poll;
  await Promise.all(kept.map((c) => new Promise<void>((r) => c.end(false, {}, () => r()))));
  const report: ClientReport = { accepted, refused, errors, acceptedOfRight, right, seconds, healthz: { n: times.length, failed, p50: pct(times, 50), p99: pct(times, 99), max: Math.max(...times) } };
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
}

async function server() {
  const ATTEMPTS = Number(process.argv[2] ?? 10_000);
  const CONCURRENCY = Number(process.argv[3] ?? 200);
  const RIGHT = Number(process.argv[4] ?? 0.05);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) console.log('(run with node --expose-gc for before/after figures after a GC)');
  const { buildApp } = await import('../src/server/app.js');
  const { testConfig } = await import('../src/server/config.js');
  const { openDatabase } = await import('../src/server/db/client.js');
  const { principalOf } = await import('../src/server/modules/identity/identity.service.js');
  const { startMqtt } = await import('../src/server/modules/devices/mqtt.runtime.js');
  const { buildEnterprise, buildProduct, buildUser } = await import('../test/support/factories.js');

  const database = await openDatabase({ dataDir: 'memory://' });
  const config = testConfig({ JOBS_POLL_MS: 1000 });
  const app = await buildApp({ config, database, serveWeb: false });
  const s = app.services;
  const e = await buildEnterprise(s);
  const admin = await buildUser(s, 'enterprise_admin', { organizationId: e.id });
  const ctx = { principal: principalOf((await s.identity.findByUsername(admin.username))!, null), ip: '127.0.0.1', requestId: 'bench' };
  const devices: Creds[] = [];
  for (let i = 0; i < Math.ceil(ATTEMPTS * RIGHT); i++) {
    const p = await buildProduct(s, e.id);
    const { device, credentials } = await s.devices.provision(ctx, { productCode: p.code });
    devices.push({ id: device.id, credentials });
  }
  const mqttRt = (await startMqtt({ mqtt: s.mqtt, devices: s.devices, config: { ...config, MQTT_URL: undefined, MQTT_PORT: 0, MQTT_HOST: '127.0.0.1' }, log: app.log }))!;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const healthz = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/healthz`;
  const mem = () => {
    const m = process.memoryUsage();
    return { rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers };
  };
  const MB = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
  // warm: the routes, a connection or two
  for (let i = 0; i < 20; i++) await (await fetch(healthz)).text();
  gc?.();
  const before = mem();
  const peak = { ...before };
  let maxClients = 0;
  const sampler = setInterval(() => {
    const m = mem();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heap);
    peak.external = Math.max(peak.external, m.external);
    if (mqttRt.kind === 'embedded') maxClients = Math.max(maxClients, mqttRt.broker.connectedClients());
  }, 50);

  const dir = await mkdtemp(join(tmpdir(), 'reman-storm-'));
  const file = join(dir, 'storm.json');
  await writeFile(file, JSON.stringify({ url: mqttRt.url, healthz, attempts: ATTEMPTS, concurrency: CONCURRENCY, rightShare: RIGHT, devices }));
  const la0 = loadavg();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--clients', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  await new Promise<number | null>((r) => child.on('exit', r));
  await rm(dir, { recursive: true, force: true });
  const line = out.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`client process without a report:\n${out.slice(-2000)}`);
  const report = JSON.parse(line.slice(7)) as ClientReport;
  // all gone: wait until the broker has no client, then GC
  for (let i = 0; i < 200 && mqttRt.kind === 'embedded' && mqttRt.broker.connectedClients() > 0; i++) await new Promise((r) => setTimeout(r, 50));
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 500));
  gc?.();
  const after = mem();
  const stillConnected = mqttRt.kind === 'embedded' ? mqttRt.broker.connectedClients() : -1;
  const healthAfter = await fetch(healthz);

  console.log(`\nDevice storm on the embedded broker (aedes, PGlite in memory): ${ATTEMPTS} CONNECTs, ${CONCURRENCY} in flight, ${report.right} with the right credentials (as many devices, each once); load average ${la0.map((x) => x.toFixed(1)).join(' ')} → ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`  ${report.seconds.toFixed(1)} s (${Math.round(ATTEMPTS / report.seconds)} CONNECTs/s); accepted ${report.accepted} (right: ${report.acceptedOfRight}/${report.right}), connections closed without an answer ${report.errors}`);
  console.log(`  refused: ${Object.entries(report.refused).sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`  most clients connected at once (sampled): ${maxClients}; after: ${stillConnected}`);
  console.log(`  memory before / peak / after:  RSS ${MB(before.rss)} / ${MB(peak.rss)} / ${MB(after.rss)};  heap used ${MB(before.heap)} / ${MB(peak.heap)} / ${MB(after.heap)};  external+buffers ${MB(before.external)} / ${MB(peak.external)} / ${MB(after.external)}`);
  console.log(`  GET /healthz during the storm: ${report.healthz.n} answered, ${report.healthz.failed} failed; p50 ${report.healthz.p50.toFixed(1)} ms, p99 ${report.healthz.p99.toFixed(1)} ms, max ${report.healthz.max.toFixed(1)} ms; after: ${healthAfter.status}`);
  await mqttRt.close();
  await app.close();
}

if (process.argv[2] === '--clients') await clients(process.argv[3]!);
else await server();
process.exit(0);
