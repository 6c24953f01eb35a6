import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type {} from '@fastify/cookie';
import type { AppConfig } from '../config.js';
import { labelOf, ROLES } from '../../domain/enterprise.js';
import { DomainError, errors } from './errors.js';
import type { Principal, RequestContext } from './principal.js';
import type { RegisteredRoute, RoutePolicy } from './policy.js';
import { isKnownScope, scopeAllows } from './scopes.js';
import { sha256Hex } from './secrets.js';

export const SESSION_COOKIE = 'reman_session';
export const CSRF_COOKIE = 'reman_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    principal: Principal | null;
    ctx: RequestContext;
  }
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
  }
}

export interface ResolvedSession {
  principal: Principal;
  csrfHash: string;
}

export interface AuthResolvers {
  /** Session cookie value → principal, or null when unknown/expired/disabled. */
  session(token: string): Promise<ResolvedSession | null>;
  /** Bearer token → principal, or null when unknown/revoked. */
  apiToken(token: string): Promise<Principal | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and route-level authorization for every request:
 * 1. who: Bearer API token, or the httpOnly session cookie;
 * 2. CSRF: cookie-authenticated writes must echo the session's CSRF token in X-CSRF-Token;
 * 3. the route's declared policy (deny by default; routes without a policy fail to register).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { resolvers: AuthResolvers; config: AppConfig }) => {
  app.decorate('routeRegistry', [] as RegisteredRoute[]);
  app.decorateRequest('principal', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    // /api is the platform's own API, /epcis the GS1 EPCIS 2.0 REST binding: both are policy-checked.
    if (!url.startsWith('/api/') && !url.startsWith('/epcis')) return;
    const policy = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (!policy) throw new Error(`Route ${String(route.method)} ${url} declares no policy (config.policy)`);
    if ('roles' in policy && policy.roles.includes('enterprise_token')) {
      const needed = policy.scope === undefined ? [] : ([] as string[]).concat(policy.scope);
      if (needed.length === 0 || !needed.every(isKnownScope)) {
        throw new Error(`Route ${String(route.method)} ${url} is open to API tokens but declares no known scope (config.policy.scope, platform/scopes.ts)`);
      }
    }
    for (const method of ([] as string[]).concat(route.method as string | string[])) {
      if (method === 'HEAD') continue;
      app.routeRegistry.push({ method, url, policy });
    }
  });

  // A callback hook, not an async one: anonymous requests to public routes (product scans, the announced list)
  // and requests outside /api and /epcis finish here synchronously, without a promise per request.
  app.addHook('onRequest', (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    req.ctx = { principal: null, ip: req.ip, requestId: String(req.id) };
    const policy = req.routeOptions.config?.policy;
    // Decide by the matched route, never by req.url: the router percent-decodes paths, so "/%61pi/v1/…"
    // reaches an /api route while req.url does not start with "/api/".
    if (!policy) return done(); // no route matched (404), or a non-API route
    if ('public' in policy && !req.headers.authorization && !req.cookies?.[SESSION_COOKIE]) return done();
    authenticate(req, policy).then(() => done(), done);
  });

  async function authenticate(req: FastifyRequest, policy: RoutePolicy): Promise<void> {
    let principal: Principal | null = null;
    let csrfHash: string | null = null;
    const authz = req.headers.authorization;
    // a public route authenticating its caller itself (device telemetry with HTTP Basic): not a principal here
    if (authz && 'public' in policy && /^Basic\s/i.test(authz)) {
      req.principal = null;
      return;
    }
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      if (!m) throw errors.unauthenticated();
      principal = await opts.resolvers.apiToken(m[1]!);
      if (!principal) throw new DomainError(401, 'INVALID_TOKEN', 'API 令牌无效或已吊销', 'The API token is invalid or revoked');
    } else {
      const cookie = req.cookies?.[SESSION_COOKIE];
      if (cookie) {
        const s = await opts.resolvers.session(cookie);
        if (s) {
          principal = s.principal;
          csrfHash = s.csrfHash;
        }
      }
    }
    const csrfOk = () => {
      const header = req.headers[CSRF_HEADER];
      return typeof header === 'string' && sha256Hex(header) === csrfHash;
    };
    // A cookie-authenticated write to a PUBLIC route (a complaint, an objection) without the CSRF token is
    // served as anonymous: another site must not be able to file something in a logged-in user's name.
    if ('public' in policy && csrfHash && !SAFE_METHODS.has(req.method) && !csrfOk()) principal = null;
    req.principal = principal;
    req.ctx.principal = principal;

    if ('public' in policy) return;
    if (!principal) throw errors.unauthenticated();
    if (csrfHash && !SAFE_METHODS.has(req.method)) {
      if (!csrfOk()) {
        throw new DomainError(403, 'CSRF_FAILED', '请求缺少有效的 CSRF 令牌，请刷新页面后重试', 'Missing or invalid CSRF token; reload the page and retry');
      }
    }
    if (principal.kind === 'user' && principal.mustChangePassword && !policy.duringPasswordChange) {
      throw new DomainError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码', 'Change your initial password first');
    }
    if (!policy.roles.includes(principal.role)) {
      // the reason names the caller's role (e.g. an insurer's user on an ordering, leasing or core-exchange route)
      const [zh, en] = principal.kind === 'token' ? ['API 令牌', 'API tokens'] : [labelOf(ROLES, principal.role), labelOf(ROLES, principal.role, 'en')];
      throw errors.forbidden(`无权执行此操作：此功能不对${zh}开放`, `You are not allowed to do this: it is not open to ${en}`);
    }
    if (principal.kind === 'token' && !scopeAllows(principal.scopes, policy.scope!)) {
      const needed = ([] as string[]).concat(policy.scope!);
      throw new DomainError(403, 'INSUFFICIENT_SCOPE', `API 令牌缺少权限范围 ${needed.join(' / ')}`, `The API token lacks the scope ${needed.join(' or ')}`, { scope: needed.length === 1 ? needed[0] : needed });
    }
  }
});
