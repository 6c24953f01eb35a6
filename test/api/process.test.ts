/**
 * The server as a process: configuration is validated at start (a bad value stops it naming the variable),
 * logs are JSON lines carrying a request id, and SIGTERM drains and exits cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/net.js';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'reman-proc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


function start(env: Record<string, string>): { child: ChildProcess; out: () => string; exited: Promise<number | null> } {
  let buf = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, REMAN_DEMO: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (buf += d));
  child.stderr!.on('data', (d) => (buf += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => buf, exited };
}

async function waitFor(url: string, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return r;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

describe('server process', () => {
  it('refuses a bad configuration, naming each bad variable', async () => {
    const p = start({ PORT: 'abc', DATABASE_URL: 'mysql://nope', DATA_DIR: join(dir, 'bad') });
    expect(await p.exited).toBe(2);
    expect(p.out()).toMatch(/PORT=/);
    expect(p.out()).toMatch(/DATABASE_URL=/);
  });

  it('logs JSON with request ids and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const p = start({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data') });
    const res = await waitFor(`http://127.0.0.1:${port}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
    await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { 'x-request-id': 'proc-test-1' } });
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const lines = p.out().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(lines.some((l) => l.reqId === 'proc-test-1')).toBe(true);
    expect(lines.some((l) => l.signal === 'SIGTERM')).toBe(true);
    // the database closed cleanly: a second start on the same directory works
    const again = start({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data') });
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 400_000); // two cold starts of the whole server on an embedded database in a directory (each ~25 s quiet, ~55 s loaded)
});
