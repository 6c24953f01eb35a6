import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * How the built web app (dist/web) is served (docs/ux.md "First load"):
 * - `optimized` (the default): the brotli/gzip files written next to each asset at build time (vite.config.ts,
 *   `precompress`) are sent to browsers that accept them; content-hashed files under /assets/ are cached for a year
 *   as immutable (a new build has new names); index.html and everything else is revalidated on each load
 *   (`no-cache`), so a deployment is picked up at once.
 * - `plain`: the files as they are with @fastify/static's defaults (no compression, `max-age=0`): how the app was
 *   served before; kept only so that `npm run measure:first-load` can compare both in one run.
 */
export type WebAssetMode = 'optimized' | 'plain';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
const HASHED = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/;

export async function registerWebApp(app: FastifyInstance, root: string, mode: WebAssetMode = 'optimized'): Promise<void> {
  if (mode === 'plain') {
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: true, index: 'index.html' });
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: unknown, path: string) => {
      (reply as { header(k: string, v: string): void }).header('cache-control', HASHED.test(path) ? IMMUTABLE : 'no-cache');
    },
  });
}
