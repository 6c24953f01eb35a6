/**
 * Helpers for the write pattern (docs/architecture.md, "Writes"): the state a change decides on is read inside
 * its transaction on a locked row, or the write is a conditional UPDATE whose row count decides; a create that
 * collides on a unique index answers 409, never 500.
 */
import { errors } from './errors.js';

/** The SQLSTATE of a database error, also when Drizzle wraps the driver's error (DrizzleQueryError.cause). */
export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++, e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** 23505 unique_violation: a concurrent request created the same object first. */
export const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';

/**
 * The losing request of a race (or a stale client): the object is no longer in the state the change needs.
 * 409 STATE_CHANGED with details {status} (the state found under the lock).
 */
export const stateChanged = (status: string | null) =>
  errors.conflict('STATE_CHANGED', `对象状态已变化（当前：${status ?? '无'}），请刷新后重试`, `The object changed meanwhile (now: ${status ?? 'none'}); reload and retry`, { status });

/** Run `write`; a unique violation (a concurrent request created the same thing first) becomes `conflict()`, never a 500. */
export async function uniqueOr<T>(write: () => Promise<T>, conflict: () => Error): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict();
    throw err;
  }
}
