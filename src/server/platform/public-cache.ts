import { LRUCache } from 'lru-cache';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/**
 * Answers of the public GET endpoints (statistics, announcements, the announced list, notices), shared by all
 * visitors. Keys are `tag:rest` (e.g. `announced:q=…&page=1`); the services whose writes change a public answer
 * call `invalidate(tag…)` after their transaction commits. The TTL only bounds answers that depend on the
 * date (a notice window opens or closes at midnight) or on writes outside the platform.
 *
 * The promise of a load is stored at once, so concurrent misses share one load; a load that fails is
 * removed, never served. Invalidation also drops loads still in flight (they may have read before the commit).
 * Personal data (complaint tracking) is never cached here.
 */
export type PublicTag = 'statistics' | 'announcements' | 'announced' | 'notices' | 'listings' | 'portal' | 'search' | 'catalogue' | 'declarations';

export interface PublicCache {
  get<T>(tag: PublicTag, key: string, load: () => Promise<T>): Promise<T>;
  /**
   * The answer as bytes: validated by the route's response `schema` and serialised once per cached answer (not
   * once per request); send with `reply.type('application/json; charset=utf-8').send(bytes)`.
   */
  json<S extends z.ZodType>(tag: PublicTag, key: string, schema: S, load: () => Promise<z.input<S>>): Promise<Buffer>;
  invalidate(...tags: PublicTag[]): void;
  /**
   * Drop cached answers WITHOUT telling the listeners (the search index's follow-up sync): for benchmarks that measure
   * uncached answers with no write behind them. A write calls `invalidate`.
   */
  drop(...tags: PublicTag[]): void;
  /** For `db.transaction(…).then(publicCache.after('notices'))`: invalidate once committed, pass the result on. */
  after(...tags: PublicTag[]): <T>(result: T) => T;
  /** Run `l` after every `invalidate` (called after a commit): the search index follows the public answers. */
  onInvalidate(l: (tags: readonly PublicTag[]) => void): void;
}

/** Send bytes from `PublicCache.json` as the JSON answer. */
/** A cache key of a query: its defined parameters in a stable text form. */
export const queryKey = (q: Record<string, unknown>) => new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export async function sendJson(reply: FastifyReply, bytes: Promise<Buffer>) {
  return reply.type('application/json; charset=utf-8').send(await bytes);
}

export function createPublicCache(opts: { max?: number; ttlMs?: number } = {}): PublicCache {
  const cache = new LRUCache<string, Promise<unknown>>({ max: opts.max ?? 2_000, ttl: opts.ttlMs ?? 60_000 });
  const listeners: Array<(tags: readonly PublicTag[]) => void> = [];
  const drop = (...tags: PublicTag[]) => {
    for (const k of [...cache.keys()]) if (tags.some((t) => k.startsWith(`${t}:`))) cache.delete(k);
  };
  const invalidate = (...tags: PublicTag[]) => {
    drop(...tags);
    for (const l of listeners) {
      try {
        l(tags);
      } catch {
        // a listener's failure never fails the write that invalidated
      }
    }
  };
  return {
    get<T>(tag: PublicTag, key: string, load: () => Promise<T>): Promise<T> {
      const k = `${tag}:${key}`;
      const hit = cache.get(k);
      if (hit) return hit as Promise<T>;
      const p = load();
      cache.set(k, p);
      p.catch(() => {
        if (cache.peek(k) === p) cache.delete(k);
      });
      return p;
    },
    json(tag, key, schema, load) {
      return this.get(tag, `json:${key}`, async () => Buffer.from(JSON.stringify(schema.parse(await load()))));
    },
    invalidate,
    drop,
    onInvalidate: (l) => void listeners.push(l),
    after: (...tags) => (result) => {
      invalidate(...tags);
      return result;
    },
  };
}
