import { DomainError, errors } from './errors.js';
import type { Principal } from './principal.js';

/**
 * Declarative object-level authorization (issue 11 item 4).
 *
 * Route policies (`config.policy`, platform/policy.ts) say which kinds of caller may call a route at all.
 * Which *object* a caller may act on is declared once per module, in its `<module>.policy.ts`, as a table of
 * rules — one per action — over a subject type:
 *
 * ```ts
 * export const devicePolicy = definePolicy<DeviceSubject>('device', {
 *   read: (p, d) => sameEnterprise(p, d.enterpriseId) || isOwner(p, d),
 *   rotateCredentials: (p, d) => isEnterpriseAdmin(p) && sameEnterprise(p, d.enterpriseId),
 * });
 * ```
 *
 * Services call `authorize(ctx.principal, devicePolicy, 'read', device)` inside their transaction, after
 * loading (and locking) the row: it throws 403 FORBIDDEN, or 404 NOT_FOUND for an action listed in `hidden`
 * (a caller who may not even read an object must not learn that it exists). Presenters send
 * `allowedActions(principal, devicePolicy, device)` with each object so the web shows only what it may do.
 *
 * A rule answers `true` (allow), `false` (deny with the generic message) or a `Denial` naming why (shown to
 * the caller in Chinese and English: "only the enterprise's admin may rotate credentials"). Deny by default:
 * an action without a rule is refused. Rules receive a signed-in principal only; what anyone (also a caller
 * without a principal) may do is declared apart, in `options.public` (`{ read: (d) => d.published }`): a public
 * allowance also holds for signed-in callers.
 */
export interface Denial {
  deny: true;
  code?: string;
  message: string;
  messageEn: string;
  /** 404 instead of 403 */
  hide?: boolean;
}

export type RuleResult = boolean | Denial;
export type Rule<S> = (principal: Principal, subject: S) => RuleResult;

export interface PolicyOptions<S, A extends string> {
  /** Actions whose denial answers 404 (object existence is secret to those who may not do it). */
  hidden?: readonly A[];
  /** What anyone may do, signed in or not, judged on the subject alone. */
  public?: { readonly [K in A]?: (subject: S) => boolean };
  /** Object name for the 404 message: [zh, en]. */
  objectName?: readonly [string, string];
}

export interface Policy<S, A extends string> {
  readonly name: string;
  readonly rules: { readonly [K in A]: Rule<S> };
  readonly options: PolicyOptions<S, A>;
}

/** `definePolicy<Subject>()('name', { action: rule, … }, options)` — curried so the actions are inferred. */
export function definePolicy<S>() {
  return <A extends string>(name: string, rules: { [K in A]: Rule<S> }, options: PolicyOptions<S, NoInfer<A>> = {}): Policy<S, A> => ({
    name,
    rules,
    options,
  });
}

/** A denial with its reason. */
export function deny(message: string, messageEn: string, code?: string): Denial {
  return { deny: true, message, messageEn, code };
}

function evaluate<S, A extends string>(principal: Principal | null, policy: Policy<S, A>, action: A, subject: S): RuleResult {
  if (policy.options.public?.[action]?.(subject) === true) return true;
  const rule = policy.rules[action] as Rule<S> | undefined;
  if (!rule || !principal) return false;
  return rule(principal, subject);
}

/** May this caller do `action` on `subject`? */
export function can<S, A extends string>(principal: Principal | null, policy: Policy<S, A>, action: A, subject: S): boolean {
  return evaluate(principal, policy, action, subject) === true;
}

/** Throw unless the caller may do `action` on `subject` (403, or 404 for hidden actions and hiding denials). */
export function authorize<S, A extends string>(principal: Principal | null, policy: Policy<S, A>, action: A, subject: S): void {
  const r = evaluate(principal, policy, action, subject);
  if (r === true) return;
  const hide = policy.options.hidden?.includes(action) || (typeof r === 'object' && r.hide);
  if (hide) {
    const [zh, en] = policy.options.objectName ?? ['对象', 'Object'];
    throw errors.notFound(zh, en);
  }
  if (typeof r === 'object') throw new DomainError(403, r.code ?? 'FORBIDDEN', r.message, r.messageEn);
  throw errors.forbidden();
}

/**
 * Every action this caller may do on `subject`, in the policy's declaration order (for presenters). `among`
 * limits the answer to the actions the web offers as buttons (a policy also rules reads, downloads …).
 */
export function allowedActions<S, A extends string, B extends A = A>(principal: Principal | null, policy: Policy<S, A>, subject: S, among?: readonly B[]): B[] {
  return (Object.keys(policy.rules) as B[]).filter((a) => (!among || among.includes(a)) && can(principal, policy, a, subject));
}
