import { randomUUID } from 'node:crypto';
import type { Role } from '../../../domain/enterprise.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { ResolvedSession } from '../../platform/auth.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import {
  dummyPasswordHash,
  hashPassword,
  initialPassword,
  passwordProblem,
  randomSecret,
  sha256Hex,
  verifyPassword,
} from '../../platform/secrets.js';
import { canManageTokensOf, canManageUsersOf, grantableRoles, type OrgRef } from './identity.policy.js';
import { sessionRepo, tokenRepo, userRepo, type UserRow } from './identity.repo.js';

/** What identity needs to know about organisations, answered by the modules that own them. */
export interface OrgDirectory {
  /** Resolve an organisation id to its kind and name, or null when unknown. */
  resolve(id: string): Promise<{ id: string; kind: 'enterprise' | 'authority' | 'expert'; name: string } | null>;
}

export interface IdentityDeps {
  db: Db;
  config: AppConfig;
  orgs: OrgDirectory;
}

export function orgIdOf(u: Pick<UserRow, 'enterpriseId' | 'authorityId' | 'expertId'>): string {
  return (u.enterpriseId ?? u.authorityId ?? u.expertId)!;
}

export function principalOf(u: UserRow, sessionTokenHash: string | null): Principal {
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    role: u.role as Role,
    enterpriseId: u.enterpriseId,
    authorityId: u.authorityId,
    expertId: u.expertId,
    mustChangePassword: u.mustChangePassword,
    sessionTokenHash,
  };
}

const invalidCredentials = () =>
  new DomainError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

/** Login, sessions, passwords, users and API tokens. */
export function createIdentityService({ db, config, orgs }: IdentityDeps) {
  const ttlMs = config.SESSION_TTL_HOURS * 3600_000;

  async function orgRefFor(role: Role, organizationId: string): Promise<OrgRef> {
    const org = await orgs.resolve(organizationId);
    const kindFor: Record<Role, string> = {
      enterprise_staff: 'enterprise',
      enterprise_admin: 'enterprise',
      authority_reviewer: 'authority',
      authority_admin: 'authority',
      ministry_officer: 'authority',
      ministry_admin: 'authority',
      expert: 'expert',
    };
    const ministryRole = role === 'ministry_admin' || role === 'ministry_officer';
    if (!org || org.kind !== kindFor[role] || ministryRole !== (org.id === 'miit')) {
      throw errors.field('organizationId', '组织不存在或与角色不匹配', 'Unknown organisation, or it does not match the role');
    }
    return {
      enterpriseId: org.kind === 'enterprise' ? org.id : null,
      authorityId: org.kind === 'authority' ? org.id : null,
      expertId: org.kind === 'expert' ? org.id : null,
    };
  }

  return {
    /** Check credentials; count failures and lock after LOGIN_MAX_FAILURES; open a session. */
    async login(ctx: RequestContext, username: string, password: string, userAgent: string | undefined) {
      const user = await userRepo.byUsername(db, username);
      if (!user) {
        await verifyPassword(password, await dummyPasswordHash(config.PASSWORD_SCRYPT_N));
        throw invalidCredentials();
      }
      if (user.lockedUntil && user.lockedUntil > new Date()) {
        throw new DomainError(423, 'ACCOUNT_LOCKED', '登录失败次数过多，账号已临时锁定，请稍后再试', 'Too many failed logins: the account is locked for a while', {
          lockedUntil: user.lockedUntil.toISOString(),
        });
      }
      const ok = await verifyPassword(password, user.passwordHash);
      if (!ok || user.disabled) {
        if (!ok) {
          const state = await userRepo.recordFailure(db, user.id, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_MINUTES);
          await db.transaction((tx) =>
            recordAudit(tx, ctx, { action: 'auth.login_failed', objectType: 'user', objectId: user.id, change: { failedLogins: state?.failedLogins } }),
          );
        }
        throw user.disabled && ok
          ? new DomainError(403, 'ACCOUNT_DISABLED', '账号已停用', 'The account is disabled')
          : invalidCredentials();
      }
      const token = randomSecret();
      const csrfToken = randomSecret();
      const tokenHash = sha256Hex(token);
      const updated = await db.transaction(async (tx) => {
        const u = await userRepo.update(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
        await sessionRepo.insert(tx, {
          tokenHash,
          userId: user.id,
          csrfHash: sha256Hex(csrfToken),
          ip: ctx.ip,
          userAgent: userAgent?.slice(0, 300) ?? null,
          expiresAt: new Date(Date.now() + ttlMs),
        });
        const p = principalOf(u!, tokenHash);
        await recordAudit(tx, { ...ctx, principal: p }, { action: 'auth.login', objectType: 'user', objectId: user.id });
        return u!;
      });
      return { user: updated, token, csrfToken, expiresAt: new Date(Date.now() + ttlMs) };
    },

    async logout(ctx: RequestContext) {
      const p = ctx.principal;
      if (p?.kind !== 'user' || !p.sessionTokenHash) return;
      await db.transaction(async (tx) => {
        await sessionRepo.delete(tx, p.sessionTokenHash!);
        await recordAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: p.userId });
      });
    },

    async resolveSession(token: string): Promise<ResolvedSession | null> {
      const hash = sha256Hex(token);
      const row = await sessionRepo.findLive(db, hash);
      if (!row || row.user.disabled) return null;
      // Refresh last-seen at most once a minute to keep reads cheap.
      if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) await sessionRepo.touch(db, hash);
      return { principal: principalOf(row.user, hash), csrfHash: row.session.csrfHash };
    },

    async resolveApiToken(token: string): Promise<Principal | null> {
      if (!token.startsWith('rmn_')) return null;
      const t = await tokenRepo.findActiveByHash(db, sha256Hex(token));
      if (!t) return null;
      if (!t.lastUsedAt || Date.now() - t.lastUsedAt.getTime() > 60_000) await tokenRepo.touch(db, t.enterpriseId, t.id);
      return { kind: 'token', tokenId: t.id, role: 'enterprise_token', enterpriseId: t.enterpriseId, tokenName: t.name };
    },

    async me(p: Principal) {
      if (p.kind !== 'user') throw errors.forbidden();
      const u = await userRepo.byId(db, p.userId);
      if (!u) throw errors.unauthenticated();
      return u;
    },

    /** Change one's own password; other sessions of the user are signed out. */
    async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string) {
      const p = ctx.principal;
      if (p?.kind !== 'user') throw errors.forbidden();
      const u = await userRepo.byId(db, p.userId);
      if (!u || !(await verifyPassword(currentPassword, u.passwordHash))) {
        // wrong guesses count toward the lockout like failed logins
        if (u) await userRepo.recordFailure(db, u.id, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_MINUTES);
        throw errors.field('currentPassword', '当前密码不正确', 'The current password is wrong');
      }
      const problem = passwordProblem(newPassword);
      if (problem) throw errors.field('newPassword', problem.message, problem.messageEn);
      if (currentPassword === newPassword) throw errors.field('newPassword', '新密码不能与当前密码相同', 'The new password must differ from the current one');
      const passwordHash = await hashPassword(newPassword, config.PASSWORD_SCRYPT_N);
      await db.transaction(async (tx) => {
        await userRepo.update(tx, u.id, { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() });
        await sessionRepo.deleteForUser(tx, u.id, p.sessionTokenHash ?? undefined);
        await recordAudit(tx, ctx, { action: 'user.password_changed', objectType: 'user', objectId: u.id });
      });
    },

    // ---- users (admin) ----
    async listUsers(p: Principal, q: string | undefined, page: number, pageSize: number) {
      if (p.kind !== 'user') throw errors.forbidden();
      const scope =
        p.role === 'ministry_admin' ? undefined
        : p.role === 'enterprise_admin' && p.enterpriseId ? userRepo.scopeEnterprise(p.enterpriseId)
        : p.role === 'authority_admin' && p.authorityId ? userRepo.scopeAuthority(p.authorityId)
        : null;
      if (scope === null) throw errors.forbidden();
      return userRepo.list(db, scope, q, page, pageSize);
    },

    async createUser(ctx: RequestContext, input: { username: string; displayName: string; role: Role; organizationId: string }, password?: string) {
      const p = ctx.principal;
      if (!grantableRoles(p).includes(input.role)) throw errors.forbidden('无权授予该角色', 'You may not grant this role');
      const org = await orgRefFor(input.role, input.organizationId);
      if (!canManageUsersOf(p, org)) throw errors.forbidden('只能为本单位创建用户', 'You may only create users in your own organisation');
      if (await userRepo.byUsername(db, input.username)) {
        throw errors.conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, `Username ${input.username} is taken`, [
          { field: 'username', message: '用户名已被使用', messageEn: 'Username is taken' },
        ]);
      }
      const oneTime = password ?? initialPassword();
      const passwordHash = await hashPassword(oneTime, config.PASSWORD_SCRYPT_N);
      const user = await db.transaction(async (tx) => {
        const u = await userRepo.insert(tx, {
          id: randomUUID(),
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          ...org,
          passwordHash,
          mustChangePassword: password === undefined,
        });
        await recordAudit(tx, ctx, {
          action: 'user.created',
          objectType: 'user',
          objectId: u.id,
          enterpriseId: u.enterpriseId,
          change: { username: u.username, role: u.role, organizationId: input.organizationId },
        });
        return u;
      });
      return { user, initialPassword: oneTime };
    },

    async loadManagedUser(p: Principal | null, id: string) {
      const u = await userRepo.byId(db, id);
      if (!u || !canManageUsersOf(p, u)) throw errors.notFound('用户', 'User');
      return u;
    },

    async updateUser(ctx: RequestContext, id: string, patch: { displayName?: string; disabled?: boolean }) {
      const u = await this.loadManagedUser(ctx.principal, id);
      if (patch.disabled && ctx.principal?.kind === 'user' && ctx.principal.userId === u.id) {
        throw errors.conflict('CANNOT_DISABLE_SELF', '不能停用自己的账号', 'You cannot disable your own account');
      }
      return db.transaction(async (tx) => {
        const updated = await userRepo.update(tx, u.id, patch);
        if (patch.disabled) await sessionRepo.deleteForUser(tx, u.id);
        await recordAudit(tx, ctx, { action: 'user.updated', objectType: 'user', objectId: u.id, enterpriseId: u.enterpriseId, change: patch });
        return updated!;
      });
    },

    async resetPassword(ctx: RequestContext, id: string) {
      const u = await this.loadManagedUser(ctx.principal, id);
      const oneTime = initialPassword();
      const passwordHash = await hashPassword(oneTime, config.PASSWORD_SCRYPT_N);
      await db.transaction(async (tx) => {
        await userRepo.update(tx, u.id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
        await sessionRepo.deleteForUser(tx, u.id);
        await recordAudit(tx, ctx, { action: 'user.password_reset', objectType: 'user', objectId: u.id, enterpriseId: u.enterpriseId });
      });
      return { initialPassword: oneTime };
    },

    /** CLI/demo bootstrap: create a user with a chosen password (no policy: the caller is the operator). */
    async createUserAsOperator(input: { username: string; displayName: string; role: Role; organizationId: string; password: string; mustChangePassword: boolean }) {
      const org = await orgRefFor(input.role, input.organizationId);
      const problem = passwordProblem(input.password);
      if (problem) throw errors.field('password', problem.message, problem.messageEn);
      if (await userRepo.byUsername(db, input.username)) {
        throw errors.conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, `Username ${input.username} is taken`);
      }
      const passwordHash = await hashPassword(input.password, config.PASSWORD_SCRYPT_N);
      return db.transaction(async (tx) => {
        const u = await userRepo.insert(tx, {
          id: randomUUID(),
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          ...org,
          passwordHash,
          mustChangePassword: input.mustChangePassword,
        });
        await recordAudit(tx, null, { action: 'user.created', objectType: 'user', objectId: u.id, enterpriseId: u.enterpriseId, change: { username: u.username, role: u.role, organizationId: input.organizationId } });
        return u;
      });
    },

    async findByUsername(username: string) {
      return userRepo.byUsername(db, username);
    },

    /** CLI/demo: set a password directly (no policy: the caller is the operator). */
    async setPasswordAsOperator(username: string, password: string, mustChange: boolean) {
      const u = await userRepo.byUsername(db, username);
      if (!u) throw errors.notFound('用户', 'User');
      const passwordHash = await hashPassword(password, config.PASSWORD_SCRYPT_N);
      await db.transaction(async (tx) => {
        await userRepo.update(tx, u.id, { passwordHash, mustChangePassword: mustChange, failedLogins: 0, lockedUntil: null });
        await sessionRepo.deleteForUser(tx, u.id);
        await recordAudit(tx, null, { action: 'user.password_reset', objectType: 'user', objectId: u.id });
      });
    },

    // ---- API tokens ----
    async listTokens(p: Principal) {
      if (p.kind !== 'user' || !p.enterpriseId || !canManageTokensOf(p, p.enterpriseId)) throw errors.forbidden();
      return tokenRepo.listForEnterprise(db, p.enterpriseId);
    },

    async createToken(ctx: RequestContext, name: string) {
      const p = ctx.principal;
      if (p?.kind !== 'user' || !p.enterpriseId || !canManageTokensOf(p, p.enterpriseId)) throw errors.forbidden();
      const token = randomSecret('rmn_');
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await tokenRepo.insert(tx, {
          enterpriseId: p.enterpriseId!,
          id,
          name,
          tokenHash: sha256Hex(token),
          prefix: token.slice(0, 10),
          createdBy: p.userId,
        });
        await recordAudit(tx, ctx, { action: 'token.created', objectType: 'api_token', objectId: id, enterpriseId: p.enterpriseId, change: { name } });
      });
      return { id, token };
    },

    async revokeToken(ctx: RequestContext, id: string) {
      const p = ctx.principal;
      if (p?.kind !== 'user' || !p.enterpriseId || !canManageTokensOf(p, p.enterpriseId)) throw errors.forbidden();
      const t = await tokenRepo.get(db, p.enterpriseId, id);
      if (!t) throw errors.notFound('API 令牌', 'API token');
      if (t.revokedAt) return;
      await db.transaction(async (tx) => {
        if (!(await tokenRepo.revoke(tx, p.enterpriseId!, id))) return; // revoked meanwhile: idempotent, audited once
        await recordAudit(tx, ctx, { action: 'token.revoked', objectType: 'api_token', objectId: id, enterpriseId: p.enterpriseId });
      });
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
