import type { Actor } from './principal.js';

/**
 * Every route under /api declares its policy in `config.policy`; a route without one refuses to register.
 * The route-level policy says which kinds of caller may call it at all (deny by default); which *objects*
 * they may touch is decided by each module's .policy.ts predicates (jurisdiction, own enterprise).
 */
export type RoutePolicy =
  | { public: true }
  | {
      roles: readonly Actor[];
      /** Reachable while the user must still change an initial password (auth routes only). */
      duringPasswordChange?: boolean;
      /**
       * The API token scope this route needs (platform/scopes.ts); any one of a list. Required when the roles
       * include 'enterprise_token': a route open to machines without a declared scope refuses to register.
       */
      scope?: string | readonly string[];
    };

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}

export const ROLES_ALL_USERS = [
  'enterprise_staff',
  'enterprise_admin',
  'authority_reviewer',
  'authority_admin',
  'ministry_officer',
  'ministry_admin',
  'expert',
  'buyer_admin',
  'buyer_staff',
  'testing_org_staff',
  'testing_org_admin',
  'insurer_admin',
  'insurer_staff',
] as const satisfies readonly Actor[];
/** Users of registered buyer organisations (交易服务, issue 13). */
export const BUYER_ROLES = ['buyer_admin', 'buyer_staff'] as const satisfies readonly Actor[];
/** Users of an insurer (a registered organisation of kind insurer, 保险): its policies, claims and figures only. */
export const INSURER_ROLES = ['insurer_admin', 'insurer_staff'] as const satisfies readonly Actor[];
/** Users of a third-party testing organisation of the directory (issue 14); its administrator also manages its users. */
export const TESTING_ORG_ROLES = ['testing_org_staff', 'testing_org_admin'] as const satisfies readonly Actor[];
export const ENTERPRISE_ROLES = ['enterprise_staff', 'enterprise_admin'] as const satisfies readonly Actor[];
export const AUTHORITY_ROLES = ['authority_reviewer', 'authority_admin'] as const satisfies readonly Actor[];
export const MINISTRY_ROLES = ['ministry_officer', 'ministry_admin'] as const satisfies readonly Actor[];
export const ADMIN_ROLES = ['enterprise_admin', 'authority_admin', 'ministry_admin'] as const satisfies readonly Actor[];
/** Administrators of users: ADMIN_ROLES and the admins of registered organisations (buyers, insurers) and of testing organisations, each their own organisation's. */
export const USER_ADMIN_ROLES = [...ADMIN_ROLES, 'buyer_admin', 'insurer_admin', 'testing_org_admin'] as const satisfies readonly Actor[];

export function allows(policy: RoutePolicy, actor: Actor): boolean {
  if ('public' in policy) return true;
  return policy.roles.includes(actor);
}
