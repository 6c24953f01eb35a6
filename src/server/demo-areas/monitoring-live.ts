/**
 * The demo's live simulator (issue 12 "Demo and tools"; docs/monitoring.md "Demo"): in demo mode `npm start` keeps
 * the live devices of the monitoring demo (monitoring.ts, `live: true`: 1号–3号 of 广州精工) publishing one sample
 * every 5 s through the ingest service (the same path as HTTP and MQTT: stored, rolled up, judged by the alarm
 * rules), continuing each engine's synthetic wear from its last stored run hours. 1号 runs hot for two minutes of
 * every fifteen (the first time two minutes after the start): the coolant rule raises a fresh alarm and clears it,
 * so a newcomer sees moving charts and a new alarm within minutes.
 *
 * Config: `DEMO_LIVE_DEVICES` (config.ts; on with demo data outside production and tests). In-memory timer, not a
 * durable job: losing a tick loses one sample of demo data. With several processes each would publish (its own
 * samples; duplicates of the same ts are stored once).
 */
import type { Services } from '../app.js';
import type { JobLog } from '../platform/jobs.js';
import { principalOf } from '../modules/identity/identity.service.js';
import { DEMO_DEVICES, demoEngine, type DemoDeviceSpec } from './monitoring.js';

const HOUR = 3_600_000;
const EPISODE_EVERY_MS = 15 * 60_000;
const EPISODE_FROM_MS = 2 * 60_000;
const EPISODE_TO_MS = 4 * 60_000;

interface Live {
  spec: DemoDeviceSpec;
  deviceId: string;
  engine: ReturnType<typeof demoEngine>;
  lastTs: number;
}

export function createDemoSimulator(s: Services, opts: { log?: JobLog; everyMs?: number } = {}) {
  let live: Live[] | null = null;
  let startedAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  /** Find the live demo devices (by name, as ent-gd sees them) and where their engines are now. */
  async function init(): Promise<Live[]> {
    const admin = await s.identity.findByUsername('ent-gd');
    if (!admin) return [];
    const p = principalOf(admin, null);
    const out: Live[] = [];
    for (const spec of DEMO_DEVICES.filter((d) => d.live)) {
      const { rows } = await s.devices.list(p, { q: spec.name.slice(0, 12) }, 1, 5);
      const row = rows.find((r) => r.name === spec.name && r.status === 'active');
      if (!row) continue;
      const latest = await s.telemetry.latest(p, row.id);
      const rh = latest.rows.find((r) => r.key === 'runHours');
      out.push({ spec, deviceId: row.id, engine: demoEngine(spec, rh?.num ?? undefined), lastTs: rh ? rh.t : s.clock.now().getTime() - 5_000 });
    }
    startedAt = s.clock.now().getTime();
    return out;
  }

  /** One sample of every live device; returns how many devices stored one. */
  async function step(): Promise<number> {
    live ??= await init();
    const admin = await s.identity.findByUsername('ent-gd');
    if (!admin || !live.length) return 0;
    const p = principalOf(admin, null);
    const now = s.clock.now().getTime();
    let n = 0;
    for (const l of live) {
      if (now <= l.lastTs) continue;
      const sample = l.engine.unit.advance(((now - l.lastTs) / HOUR) * l.engine.perHour);
      l.lastTs = now;
      const values: Record<string, number> = { ...sample.values };
      const phase = (now - startedAt) % EPISODE_EVERY_MS;
      if (l.spec.key === 'e1' && phase >= EPISODE_FROM_MS && phase < EPISODE_TO_MS) values.coolantTemp = Math.round((103 + (phase - EPISODE_FROM_MS) / 30_000) * 10) / 10;
      const { device } = await s.telemetry.latest(p, l.deviceId).catch(() => ({ device: null }));
      if (!device || device.status !== 'active') continue;
      const r = await s.telemetry.ingest(device, { ts: now, values }, 'http');
      if (r.stored) n++;
    }
    return n;
  }

  return {
    step,
    /** Publish every `everyMs` (default 5 s) until stop(). */
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = true;
        step()
          .catch((err) => opts.log?.error({ err }, 'demo live telemetry failed'))
          .finally(() => {
            running = false;
          });
      }, opts.everyMs ?? 5_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
