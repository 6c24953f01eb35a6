import type { FastifyInstance } from 'fastify';

/**
 * Every public endpoint (`/api/v1/public/*`, `/p/*`, the portal's `/feeds/*`, `/sitemap.xml` and server-rendered `/public/*` pages) is rate-limited per client address (@fastify/rate-limit,
 * per route). A route that declares its own `config.rateLimit` (objections, complaints, product verification)
 * keeps it; the others get `PUBLIC_RATE_PER_MINUTE`. Installed before the rate-limit plugin, whose onRoute hook
 * reads the route config this one sets. Rate headers come only with a 429 (as on the verification route).
 */
export function publicRateLimit(app: FastifyInstance, perMinute: number) {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url || !(url.startsWith('/api/v1/public/') || url.startsWith('/p/') || url.startsWith('/feeds/') || url.startsWith('/public/') || url.startsWith('/sitemap'))) return;
    if (route.config && (route.config as { rateLimit?: unknown }).rateLimit != null) return;
    route.config = {
      ...route.config,
      rateLimit: { max: perMinute, timeWindow: 60_000, addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false } },
    } as typeof route.config;
  });
}
