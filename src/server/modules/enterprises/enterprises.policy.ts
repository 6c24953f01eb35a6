import { definePolicy, deny } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';

/**
 * Who sees and changes which enterprise. Deny by default.
 * - MIIT (ministry roles) oversees every enterprise (规范条件 七(一)1).
 * - A provincial-level authority oversees the enterprises it reviews (七(一)4): enterprise.authorityId.
 * - Enterprise users and API tokens see only their own enterprise.
 * - Experts see only what they are assigned (announcement workflow): no enterprises directly.
 */
export interface EnterpriseRef {
  id: string;
  authorityId: string;
}

export type EnterpriseScope =
  | { kind: 'all' }
  | { kind: 'authority'; authorityId: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'none' };

export function enterpriseScope(p: Principal | null): EnterpriseScope {
  if (!p) return { kind: 'none' };
  if (p.kind === 'token') return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  switch (p.role) {
    case 'ministry_admin':
    case 'ministry_officer':
      return { kind: 'all' };
    case 'authority_admin':
    case 'authority_reviewer':
      return p.authorityId ? { kind: 'authority', authorityId: p.authorityId } : { kind: 'none' };
    case 'enterprise_admin':
    case 'enterprise_staff':
      return p.enterpriseId ? { kind: 'enterprise', enterpriseId: p.enterpriseId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

type User = Extract<Principal, { kind: 'user' }>;
/** The signed-in user if they hold one of `roles` (API tokens act on data, never on registrations). */
const withRole = (p: Principal, ...roles: User['role'][]): User | undefined => (p.kind === 'user' && roles.includes(p.role) ? p : undefined);
const isMinistryAdmin = (p: Principal) => !!withRole(p, 'ministry_admin');
const isAuthorityAdminOf = (p: Principal, authorityId: string) => withRole(p, 'authority_admin')?.authorityId === authorityId;
const isEnterpriseAdminOf = (p: Principal, enterpriseId: string) => withRole(p, 'enterprise_admin')?.enterpriseId === enterpriseId;

export function canViewEnterprise(p: Principal | null, e: EnterpriseRef): boolean {
  const s = enterpriseScope(p);
  return (
    s.kind === 'all' ||
    (s.kind === 'authority' && s.authorityId === e.authorityId) ||
    (s.kind === 'enterprise' && s.enterpriseId === e.id)
  );
}

/** Who may do what on an enterprise record and its sites. */
export const enterprisePolicy = definePolicy<EnterpriseRef>()(
  'enterprise',
  {
    read: (p, e) => canViewEnterprise(p, e),
    /** the profile: the enterprise's own admin, its authority's admin, the MIIT admin */
    edit: (p, e) => isMinistryAdmin(p) || isAuthorityAdminOf(p, e.authorityId) || isEnterpriseAdminOf(p, e.id),
    /**
     * Registration facts (credit code, region, group parent) are kept by authorities, not by the enterprise itself:
     * a change there may move the enterprise to another reviewer.
     */
    edit_registration: (p, e) =>
      isMinistryAdmin(p) || isAuthorityAdminOf(p, e.authorityId) || deny('统一社会信用代码、注册地区和集团关系由主管部门维护', 'Credit code, region and group links are maintained by the authority'),
    /** sites (厂区): maintained by the enterprise's admin (and the MIIT admin); read-only for its authority */
    manage_sites: (p, e) =>
      isMinistryAdmin(p) || isEnterpriseAdminOf(p, e.id) || deny('厂区信息由企业管理员维护', 'Sites are maintained by the enterprise administrator'),
  },
  { hidden: ['read'], objectName: ['企业', 'Enterprise'] },
);

/** Acts on a jurisdiction (the reviewing authority an enterprise belongs to). */
export const jurisdictionPolicy = definePolicy<{ authorityId: string }>()('enterprise_jurisdiction', {
  /** register an enterprise: MIIT admin anywhere, a provincial admin within its jurisdiction */
  register: (p, j) => isMinistryAdmin(p) || isAuthorityAdminOf(p, j.authorityId) || deny('只能在本辖区登记企业', 'You may only register enterprises in your own jurisdiction'),
  /** a registration change may move an enterprise: within one's own jurisdiction; a move elsewhere is MIIT's decision */
  move_into: (p, j) => isMinistryAdmin(p) || isAuthorityAdminOf(p, j.authorityId) || deny('迁出本辖区须由工信部办理', 'Moving an enterprise to another authority is done by MIIT'),
  /** confirm a credit code that fails the GB 32100 checksum (some early codes are legal): authorities only */
  override_credit_code: (p, j) =>
    !!withRole(p, 'ministry_admin', 'ministry_officer') ||
    withRole(p, 'authority_admin', 'authority_reviewer')?.authorityId === j.authorityId ||
    deny('只有主管部门可以确认未通过校验的统一社会信用代码', 'Only an authority may confirm a credit code that fails the checksum'),
  /** assign a 兵团 enterprise to the 兵团 authority explicitly: MIIT admin or the 兵团 authority's admin */
  assign_xpcc: (p) => isMinistryAdmin(p) || isAuthorityAdminOf(p, 'xpcc') || deny('只有工信部或兵团主管部门可以指定兵团企业', 'Only MIIT or the XPCC authority may assign XPCC enterprises'),
});
