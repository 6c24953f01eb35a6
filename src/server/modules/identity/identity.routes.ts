import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../config.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth.js';
import { knownScopes } from '../../platform/scopes.js';
import { ROLES_ALL_USERS, USER_ADMIN_ROLES } from '../../platform/policy.js';
import { presentMe, presentToken, presentUser } from './identity.presenter.js';
import {
  CreateTokenBody,
  CreateUserBody,
  IdParam,
  LoginBody,
  LogoutBody,
  ScopeListSchema,
  PageQuery,
  PasswordBody,
  SessionSchema,
  TokenSchema,
  UpdateUserBody,
  UserSchema,
} from './identity.schema.js';
import type { IdentityService, OrgDirectory } from './identity.service.js';
import { pageOf } from '../../platform/paging.js';

const NoContent = z.undefined();
/** The known-device cookie (sent only to the login route). */
export const DEVICE_COOKIE = 'reman_device';

export async function identityRoutes(
  root: FastifyInstance,
  { identity, orgs, config }: { identity: IdentityService; orgs: OrgDirectory; config: AppConfig },
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const secure = (req: { protocol: string }) =>
    config.COOKIE_SECURE === 'always' || (config.COOKIE_SECURE === 'auto' && req.protocol === 'https');

  // Login is rate-limited per client address on top of the per-account lockout.
  app.post('/api/v1/auth/login', {
      config: { policy: { public: true }, rateLimit: { max: config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 } },
      schema: { tags: ['auth'], summary: '登录 Log in', body: LoginBody, response: { 200: SessionSchema } },
      handler: async (req, reply) => {
        const wait = identity.loginWaitSeconds(req.ctx.ip);
        if (wait > 0) reply.header('retry-after', String(wait));
        const { user, token, csrfToken, deviceToken, deviceMaxAgeSeconds } = await identity.login(req.ctx, req.body.username, req.body.password, req.headers['user-agent'], req.cookies[DEVICE_COOKIE]);
        // a known device: a locked account still lets its owner in from here (docs/security.md)
        reply.setCookie(DEVICE_COOKIE, deviceToken, { path: '/api/v1/auth/login', httpOnly: true, sameSite: 'strict', secure: secure(req), maxAge: deviceMaxAgeSeconds });
        const maxAge = config.SESSION_TTL_HOURS * 3600;
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(req), maxAge });
        reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure: secure(req), maxAge });
        return { user: await presentMe(orgs, user), csrfToken };
      },
  });

  app.post('/api/v1/auth/logout', {
    config: { policy: { roles: ROLES_ALL_USERS, duringPasswordChange: true } },
    schema: { tags: ['auth'], summary: '退出（allSessions：退出所有设备） Log out (allSessions: everywhere)', body: LogoutBody, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await identity.logout(req.ctx, req.body?.allSessions === true);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/auth/me', {
    config: { policy: { roles: ROLES_ALL_USERS, duringPasswordChange: true } },
    schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: SessionSchema } },
    handler: async (req) => {
      const user = await identity.me(req.principal!);
      // The CSRF token is not recoverable from its hash: hand back the cookie the browser holds.
      return { user: await presentMe(orgs, user), csrfToken: req.cookies[CSRF_COOKIE] ?? '' };
    },
  });

  app.post('/api/v1/auth/password', {
    config: { policy: { roles: ROLES_ALL_USERS, duringPasswordChange: true } },
    schema: { tags: ['auth'], summary: '修改密码 Change password', body: PasswordBody, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await identity.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send();
    },
  });

  // ---- users ----
  app.get('/api/v1/users', {
    config: { policy: { roles: USER_ADMIN_ROLES } },
    schema: {
      tags: ['users'],
      summary: '用户列表 Users in the admin’s scope',
      querystring: PageQuery,
      response: { 200: z.object({ items: z.array(UserSchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => {
      const { page, pageSize, q } = req.query;
      const { items, total } = await identity.listUsers(req.principal!, q, page, pageSize);
      return { items: await Promise.all(items.map((u) => presentUser(orgs, u))), total, page, pageSize };
    },
  });

  app.post('/api/v1/users', {
    config: { policy: { roles: USER_ADMIN_ROLES } },
    schema: {
      tags: ['users'],
      summary: '创建用户 Create a user (initial password shown once)',
      body: CreateUserBody,
      response: { 201: z.object({ user: UserSchema, initialPassword: z.string() }) },
    },
    handler: async (req, reply) => {
      const { user, initialPassword } = await identity.createUser(req.ctx, req.body);
      return reply.status(201).send({ user: await presentUser(orgs, user), initialPassword });
    },
  });

  app.patch('/api/v1/users/:id', {
    config: { policy: { roles: USER_ADMIN_ROLES } },
    schema: { tags: ['users'], summary: '修改用户 Update a user', params: IdParam, body: UpdateUserBody, response: { 200: UserSchema } },
    handler: async (req) => presentUser(orgs, await identity.updateUser(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/users/:id/reset-password', {
    config: { policy: { roles: USER_ADMIN_ROLES } },
    schema: {
      tags: ['users'],
      summary: '重置密码 Reset a password (new initial password shown once)',
      params: IdParam,
      response: { 200: z.object({ initialPassword: z.string() }) },
    },
    handler: async (req) => identity.resetPassword(req.ctx, req.params.id),
  });

  // ---- API tokens ----
  app.get('/api/v1/tokens', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['tokens'], summary: 'API 令牌列表 API tokens', querystring: PageQuery.omit({ q: true }), response: { 200: pageOf(TokenSchema) } },
    handler: async (req) => {
      const page = await identity.listTokens(req.principal!, { page: req.query.page, pageSize: req.query.pageSize });
      return { ...page, items: page.items.map(presentToken) };
    },
  });

  app.post('/api/v1/tokens', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: {
      tags: ['tokens'],
      summary: '创建 API 令牌 Create an API token (shown only once)',
      body: CreateTokenBody,
      response: { 201: z.object({ id: z.string(), token: z.string(), scopes: z.array(z.string()) }) },
    },
    handler: async (req, reply) => reply.status(201).send(await identity.createToken(req.ctx, req.body.name, req.body.scopes)),
  });

  app.get('/api/v1/tokens/scopes', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['tokens'], summary: 'API 令牌可选的权限范围 Scopes a token may carry', response: { 200: ScopeListSchema } },
    handler: async () => ({ items: knownScopes() }),
  });

  app.delete('/api/v1/tokens/:id', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['tokens'], summary: '吊销 API 令牌 Revoke an API token', params: IdParam, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await identity.revokeToken(req.ctx, req.params.id);
      return reply.status(204).send();
    },
  });
}
