import { randomUUID } from 'node:crypto';
import { MINISTRY_AUTHORITY_ID } from '../../../domain/authorities.js';
import { labelOf, orgKindForRole, ROLES, type Role, type UserOrgKind } from '../../../domain/enterprise.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { ResolvedSession } from '../../platform/auth.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { LRUCache } from 'lru-cache';
import { LEGACY_TOKEN_SCOPES } from '../../platform/scopes.js';
import { passwordProblem } from '../../../domain/password-policy.js';
import { dummyPasswordHash, hashPassword, initialPassword, randomSecret, sha256Hex, verifyPassword } from '../../platform/secrets.js';
import { authorize } from '../../platform/authorize.js';
import { authorizedUserListScope, authorizeOwnAccount, authorizeTokenAdmin, roleGrantPolicy, tokenPolicy, userPolicy, type OrgRef } from './identity.policy.js';
import { deviceRepo, sessionRepo, tokenRepo, userRepo, type UserRow } from './identity.repo.js';
import type { Page } from '../../platform/paging.js';

/** What identity needs to know about organisations, answered by the modules that own them. */
export interface OrgDirectory {
  /** Resolve an organisation id to its kind and name, or null when unknown. */
  resolve(id: string): Promise<{ id: string; kind: 'enterprise' | 'authority' | 'expert' | 'buyer' | 'insurer' | 'testing_org'; name: string } | null>;
}

export interface IdentityDeps {
  db: Db;
  config: AppConfig;
  orgs: OrgDirectory;
}

export function orgIdOf(u: Pick<UserRow, 'enterpriseId' | 'authorityId' | 'expertId' | 'buyerOrgId' | 'testingOrgId'>): string {
  return (u.enterpriseId ?? u.authorityId ?? u.expertId ?? u.buyerOrgId ?? u.testingOrgId)!;
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
    buyerOrgId: u.buyerOrgId,
    testingOrgId: u.testingOrgId,
    mustChangePassword: u.mustChangePassword,
    sessionTokenHash,
  };
}

/** Organisation kinds as the mismatch message names them. */
const ORG_KIND_LABEL: Record<UserOrgKind, { zh: string; en: string }> = {
  enterprise: { zh: '企业', en: 'an enterprise' },
  authority: { zh: '主管部门', en: 'an authority' },
  ministry: { zh: '工信部', en: 'the ministry' },
  expert: { zh: '专家', en: 'an expert' },
  buyer: { zh: '采购单位', en: 'a buyer organisation' },
  insurer: { zh: '保险机构', en: 'an insurer' },
  testing_org: { zh: '检测机构', en: 'a testing organisation' },
};

/** The one answer to every refused login: unknown user, wrong password, locked or disabled account alike. */
const invalidCredentials = () =>
  new DomainError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

const loginThrottled = (seconds: number) =>
  new DomainError(429, 'RATE_LIMITED', `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, `Too many failed logins from this address; try again in ${Math.ceil(seconds / 60)} min`, { retryAfterSeconds: seconds });

/** A known device stays known this long after its last successful login. */
const DEVICE_TTL_MS = 90 * 24 * 3600_000;
/** Per-address backoff: a failure is forgotten an hour after the address's last failure; waits double up to 30 minutes. */
const ADDRESS_MEMORY_MS = 3600_000;
const MAX_ADDRESS_WAIT_MS = 30 * 60_000;

/** Refuse a chosen password that the policy (src/domain/password-policy.ts) rejects: 400 naming the field. */
function enforcePasswordPolicy(field: string, password: string, userInputs: readonly string[]) {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw errors.field(field, problem.message, problem.messageEn);
}

/** A one-time initial password that itself passes the policy. */
function policyInitialPassword(): string {
  for (;;) {
    const pw = initialPassword();
    if (!passwordProblem(pw)) return pw;
  }
}

/** Login, sessions, passwords, users and API tokens. */
export function createIdentityService({ db, config, orgs }: IdentityDeps) {
  const ttlMs = config.SESSION_TTL_HOURS * 3600_000;
  // Failed logins per client address (this process): after LOGIN_ADDRESS_FAILURES the address waits 1, 2, 4 … 30
  // minutes between attempts, long before anonymous guesses from one place can lock an account (docs/security.md).
  const addressFailures = new LRUCache<string, { failures: number; until: number }>({ max: 100_000, ttl: ADDRESS_MEMORY_MS });
  function addressFailed(ip: string) {
    const failures = (addressFailures.get(ip)?.failures ?? 0) + 1;
    const over = failures - config.LOGIN_ADDRESS_FAILURES + 1;
    const until = over > 0 ? Date.now() + Math.min(60_000 * 2 ** (over - 1), MAX_ADDRESS_WAIT_MS) : 0;
    addressFailures.set(ip, { failures, until });
  }

  /**
   * The organisation columns of a new user of `role` in `organizationId` (400 naming organizationId when the
   * organisation is unknown or of another kind: an insurer takes insurer roles only, a buyer buyer roles only, a
   * testing organisation testing roles only, the ministry ministry roles only).
   */
  async function orgRefFor(role: Role, organizationId: string): Promise<OrgRef> {
    const org = await orgs.resolve(organizationId);
    if (!org) throw errors.field('organizationId', '组织不存在（检测机构须已在名录中发布）', 'Unknown organisation (a testing organisation must be published in the directory)');
    const wanted = orgKindForRole(role);
    const kind = org.id === MINISTRY_AUTHORITY_ID ? 'ministry' : org.kind;
    if (kind !== wanted) {
      const fit = ROLES.filter((r) => orgKindForRole(r.value) === kind);
      throw errors.field(
        'organizationId',
        `「${org.name}」是${ORG_KIND_LABEL[kind].zh}，不能授予「${labelOf(ROLES, role)}」；可授予：${fit.map((r) => r.zh).join('、')}`,
        `${org.name} is ${ORG_KIND_LABEL[kind].en}: it cannot hold the role ${labelOf(ROLES, role, 'en')}; its roles are ${fit.map((r) => r.en).join(', ')}`,
      );
    }
    return {
      enterpriseId: org.kind === 'enterprise' ? org.id : null,
      authorityId: org.kind === 'authority' ? org.id : null,
      expertId: org.kind === 'expert' ? org.id : null,
      // an insurer is a registered organisation too (buyer_orgs, kind insurer): its users name it as buyers do
      buyerOrgId: org.kind === 'buyer' || org.kind === 'insurer' ? org.id : null,
      testingOrgId: org.kind === 'testing_org' ? org.id : null,
    };
  }

  return {
    /** Seconds this client address must wait before its next login attempt (0: may try now). */
    loginWaitSeconds(ip: string): number {
      const until = addressFailures.get(ip)?.until ?? 0;
      return until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : 0;
    },

    /**
     * Check credentials and open a session. Every refusal is the same 401 INVALID_CREDENTIALS and costs one scrypt
     * (against a dummy hash when the user is unknown, disabled, or locked from an unknown device, so that nothing
     * about the account — not even whether the password was right — shows). Failures count per address (backoff)
     * and per account (lock after LOGIN_MAX_FAILURES); a locked account still lets its owner in from a known
     * device (`deviceToken`, the reman_device cookie of an earlier successful login). Returns a device token to
     * keep in that cookie.
     */
    async login(ctx: RequestContext, username: string, password: string, userAgent: string | undefined, deviceToken?: string) {
      if (this.loginWaitSeconds(ctx.ip) > 0) throw loginThrottled(this.loginWaitSeconds(ctx.ip));
      const user = await userRepo.byUsername(db, username);
      const device = user && deviceToken ? await deviceRepo.findLive(db, sha256Hex(deviceToken)) : undefined;
      const knownDevice = !!user && device?.userId === user.id;
      const locked = !!user?.lockedUntil && user.lockedUntil > new Date();
      const usable = !!user && !user.disabled && (!locked || knownDevice);
      const ok = await verifyPassword(password, usable ? user.passwordHash : await dummyPasswordHash(config.PASSWORD_SCRYPT_N));
      if (!usable || !ok) {
        addressFailed(ctx.ip);
        if (user) {
          const reason = user.disabled ? 'disabled' : !usable ? 'locked' : 'wrong_password';
          const state = reason === 'wrong_password' ? await userRepo.recordFailure(db, user.id, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_MINUTES) : undefined;
          await db.transaction((tx) =>
            recordAudit(tx, ctx, { action: 'auth.login_failed', objectType: 'user', objectId: user.id, change: { reason, failedLogins: state?.failedLogins, knownDevice } }),
          );
        }
        throw invalidCredentials();
      }
      const token = randomSecret();
      const csrfToken = randomSecret();
      const tokenHash = sha256Hex(token);
      const newDeviceToken = knownDevice ? deviceToken! : randomSecret();
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
        await deviceRepo.upsert(tx, sha256Hex(newDeviceToken), user.id, new Date(Date.now() + DEVICE_TTL_MS));
        const p = principalOf(u!, tokenHash);
        await recordAudit(tx, { ...ctx, principal: p }, { action: 'auth.login', objectType: 'user', objectId: user.id, change: locked ? { whileLocked: true, knownDevice: true } : undefined });
        return u!;
      });
      return { user: updated, token, csrfToken, expiresAt: new Date(Date.now() + ttlMs), deviceToken: newDeviceToken, deviceMaxAgeSeconds: DEVICE_TTL_MS / 1000 };
    },

    /** Expired sessions (and known devices) go; run periodically (main.ts). Returns the number of sessions removed. */
    async purgeExpiredSessions(): Promise<number> {
      return sessionRepo.purgeExpired(db);
    },

    /** End this session, or with `allSessions` every session of the user ("退出所有设备"). */
    async logout(ctx: RequestContext, allSessions = false) {
      const p = ctx.principal;
      if (p?.kind !== 'user' || !p.sessionTokenHash) return;
      await db.transaction(async (tx) => {
        if (allSessions) await sessionRepo.deleteForUser(tx, p.userId);
        else await sessionRepo.delete(tx, p.sessionTokenHash!);
        await recordAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: p.userId, change: allSessions ? { allSessions: true } : undefined });
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
      return { kind: 'token', tokenId: t.id, role: 'enterprise_token', enterpriseId: t.enterpriseId, tokenName: t.name, scopes: t.scopes };
    },

    async me(principal: Principal) {
      const p = authorizeOwnAccount(principal);
      const u = await userRepo.byId(db, p.userId);
      if (!u) throw errors.unauthenticated();
      return u;
    },

    /** Change one's own password; other sessions of the user are signed out. */
    async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string) {
      const p = authorizeOwnAccount(ctx.principal);
      const u = await userRepo.byId(db, p.userId);
      if (!u || !(await verifyPassword(currentPassword, u.passwordHash))) {
        // wrong guesses count toward the lockout like failed logins
        if (u) await userRepo.recordFailure(db, u.id, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_MINUTES);
        throw errors.field('currentPassword', '当前密码不正确', 'The current password is wrong');
      }
      enforcePasswordPolicy('newPassword', newPassword, [u.username, u.displayName]);
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
      const s = authorizedUserListScope(p);
      const scope =
        s.kind === 'all' ? undefined
        : s.kind === 'enterprise' ? userRepo.scopeEnterprise(s.enterpriseId)
        : s.kind === 'authority' ? userRepo.scopeAuthority(s.authorityId)
        : s.kind === 'testing_org' ? userRepo.scopeTestingOrg(s.testingOrgId)
        : userRepo.scopeBuyerOrg(s.buyerOrgId);
      return userRepo.list(db, scope, q, page, pageSize);
    },

    async createUser(ctx: RequestContext, input: { username: string; displayName: string; role: Role; organizationId: string }, password?: string) {
      const p = ctx.principal;
      authorize(p, roleGrantPolicy, 'grant', input);
      const org = await orgRefFor(input.role, input.organizationId);
      authorize(p, userPolicy, 'create', org);
      if (await userRepo.byUsername(db, input.username)) {
        throw errors.conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, `Username ${input.username} is taken`, [
          { field: 'username', message: '用户名已被使用', messageEn: 'Username is taken' },
        ]);
      }
      if (password !== undefined) enforcePasswordPolicy('password', password, [input.username, input.displayName]);
      const oneTime = password ?? policyInitialPassword();
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

    /** A user the caller manages (404 otherwise); `lock` inside a write's transaction. */
    async loadManagedUser(p: Principal | null, id: string, tx: Db = db, lock = false) {
      const u = await userRepo.byId(tx, id, lock);
      if (!u) throw errors.notFound('用户', 'User');
      authorize(p, userPolicy, 'manage', u);
      return u;
    },

    async updateUser(ctx: RequestContext, id: string, patch: { displayName?: string; disabled?: boolean }) {
      return db.transaction(async (tx) => {
        const u = await this.loadManagedUser(ctx.principal, id, tx, true);
        if (patch.disabled && ctx.principal?.kind === 'user' && ctx.principal.userId === u.id) {
          throw errors.conflict('CANNOT_DISABLE_SELF', '不能停用自己的账号', 'You cannot disable your own account');
        }
        const updated = await userRepo.update(tx, u.id, patch);
        if (patch.disabled) await sessionRepo.deleteForUser(tx, u.id);
        await recordAudit(tx, ctx, { action: 'user.updated', objectType: 'user', objectId: u.id, enterpriseId: u.enterpriseId, change: patch });
        return updated!;
      });
    },

    async resetPassword(ctx: RequestContext, id: string) {
      await this.loadManagedUser(ctx.principal, id); // 404 before the cost of hashing
      const oneTime = policyInitialPassword();
      const passwordHash = await hashPassword(oneTime, config.PASSWORD_SCRYPT_N);
      await db.transaction(async (tx) => {
        const u = await this.loadManagedUser(ctx.principal, id, tx, true);
        await userRepo.update(tx, u.id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
        await sessionRepo.deleteForUser(tx, u.id);
        await deviceRepo.deleteForUser(tx, u.id);
        await recordAudit(tx, ctx, { action: 'user.password_reset', objectType: 'user', objectId: u.id, enterpriseId: u.enterpriseId });
      });
      return { initialPassword: oneTime };
    },

    /**
     * CLI/demo bootstrap: create a user with a chosen password. The password policy applies (CLI user:create);
     * only the demo seeding passes `demoSeed`, which keeps the published demo password for the demo logins.
     */
    async createUserAsOperator(input: { username: string; displayName: string; role: Role; organizationId: string; password: string; mustChangePassword: boolean }, opts: { demoSeed?: boolean } = {}) {
      const org = await orgRefFor(input.role, input.organizationId);
      if (!opts.demoSeed) enforcePasswordPolicy('password', input.password, [input.username, input.displayName]);
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

    /**
     * Self-registration (trading: a buyer organisation registers itself). The password policy is checked and the
     * hash computed before the caller's transaction; `insertRegisteredUser` writes the first user inside it.
     */
    async registrationHash(password: string, userInputs: readonly string[]) {
      enforcePasswordPolicy('password', password, userInputs);
      return hashPassword(password, config.PASSWORD_SCRYPT_N);
    },
    async insertRegisteredUser(tx: Db, ctx: RequestContext, input: { username: string; displayName: string; role: Role; buyerOrgId: string; passwordHash: string }) {
      const u = await userRepo.insert(tx, {
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        buyerOrgId: input.buyerOrgId,
        passwordHash: input.passwordHash,
        mustChangePassword: false,
      });
      await recordAudit(tx, ctx, { action: 'user.registered', objectType: 'user', objectId: u.id, change: { username: u.username, role: u.role, organizationId: input.buyerOrgId } });
      return u;
    },

    async findByUsername(username: string) {
      return userRepo.byUsername(db, username);
    },

    /** CLI: set a password directly (the password policy applies); signs the user out everywhere. */
    async setPasswordAsOperator(username: string, password: string, mustChange: boolean) {
      const u = await userRepo.byUsername(db, username);
      if (!u) throw errors.notFound('用户', 'User');
      enforcePasswordPolicy('password', password, [u.username, u.displayName]);
      const passwordHash = await hashPassword(password, config.PASSWORD_SCRYPT_N);
      await db.transaction(async (tx) => {
        await userRepo.update(tx, u.id, { passwordHash, mustChangePassword: mustChange, failedLogins: 0, lockedUntil: null });
        await sessionRepo.deleteForUser(tx, u.id);
        await deviceRepo.deleteForUser(tx, u.id);
        await recordAudit(tx, null, { action: 'user.password_reset', objectType: 'user', objectId: u.id });
      });
    },

    // ---- API tokens ----
    async listTokens(p: Principal, page: Page) {
      const admin = authorizeTokenAdmin(p);
      return tokenRepo.listForEnterprise(db, admin.enterpriseId, page);
    },

    async createToken(ctx: RequestContext, name: string, scopes: readonly string[] = LEGACY_TOKEN_SCOPES) {
      const p = authorizeTokenAdmin(ctx.principal);
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
          scopes: [...scopes],
        });
        await recordAudit(tx, ctx, { action: 'token.created', objectType: 'api_token', objectId: id, enterpriseId: p.enterpriseId, change: { name, scopes } });
      });
      return { id, token, scopes: [...scopes] };
    },

    async revokeToken(ctx: RequestContext, id: string) {
      const p = ctx.principal;
      const enterpriseId = p?.enterpriseId ?? null;
      authorize(p, tokenPolicy, 'manage', { enterpriseId });
      await db.transaction(async (tx) => {
        const t = await tokenRepo.get(tx, enterpriseId!, id);
        if (!t) throw errors.notFound('API 令牌', 'API token');
        // a conditional UPDATE (revoked_at IS NULL): revoking twice is idempotent and audited once
        if (!(await tokenRepo.revoke(tx, enterpriseId!, id))) return;
        await recordAudit(tx, ctx, { action: 'token.revoked', objectType: 'api_token', objectId: id, enterpriseId });
      });
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
