/** Helpers of the concurrency suite: send N requests at once, check that exactly one won and the rest lost cleanly. */
import type { Response } from 'light-my-request';
import { expect } from 'vitest';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import type { RequestContext } from '../../src/server/platform/principal.js';
import type { TestApp } from '../support/app.js';
import { buildUser } from '../support/factories.js';

/** How many identical requests each race sends (all in flight together). */
export const N = 8;

/** `n` requests started together (`make(i)` builds request i); resolves with every response. */
export function race(make: (i: number) => Promise<Response>, n = N): Promise<Response[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => make(i)));
}

/**
 * Exactly one 2xx; every other answer is 409 in the error shape {"error":{"code","message","messageEn","details"}}
 * (with `codes` when given); never a 5xx. Returns the winner.
 */
export function expectOneWinner(res: Response[], codes?: string[]): Response {
  const statuses = res.map((r) => r.statusCode);
  expect(statuses.filter((s) => s >= 500), `no 5xx: ${res.filter((r) => r.statusCode >= 500).map((r) => r.body).join(' | ')}`).toEqual([]);
  const winners = res.filter((r) => r.statusCode >= 200 && r.statusCode < 300);
  expect(winners, `statuses ${statuses.join(',')}`).toHaveLength(1);
  for (const r of res.filter((x) => x !== winners[0])) {
    expect(r.statusCode, r.body).toBe(409);
    const err = r.json().error;
    expect(err).toEqual({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.any(String), details: expect.anything() });
    if (codes) expect(codes).toContain(err.code);
  }
  return winners[0]!;
}

/** How many audit rows record `action` (on `objectId` when given). */
export async function auditCount(app: TestApp, action: string, objectId?: string): Promise<number> {
  const { rows } = await app.database.raw.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND ($2::text IS NULL OR object_id = $2)`,
    [action, objectId ?? null],
  );
  return rows[0]!.n;
}

/** One row count of a query (`SELECT count(*)::int AS n …`). */
export async function countOf(app: TestApp, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await app.database.raw.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

/** A service-level context for a new user with `role` (to set up states without HTTP). */
export async function actorCtx(app: TestApp, role: Parameters<typeof buildUser>[1], organizationId?: string): Promise<{ ctx: RequestContext; username: string }> {
  const u = await buildUser(app.services, role, organizationId ? { organizationId } : {});
  return { ctx: { principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'setup' }, username: u.username };
}
