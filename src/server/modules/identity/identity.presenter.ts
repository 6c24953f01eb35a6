import type { Role } from '../../../domain/enterprise.js';
import type { TokenRow, UserRow } from './identity.repo.js';
import { orgIdOf, type OrgDirectory } from './identity.service.js';

/** Users and tokens as the API shows them: never password hashes, never token hashes. */
async function organization(orgs: OrgDirectory, u: UserRow) {
  const id = orgIdOf(u);
  return (await orgs.resolve(id)) ?? { id, kind: u.enterpriseId ? 'enterprise' : u.authorityId ? 'authority' : u.buyerOrgId ? 'buyer' : u.testingOrgId ? 'testing_org' : 'expert', name: id } as const;
}

export async function presentMe(orgs: OrgDirectory, u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    mustChangePassword: u.mustChangePassword,
    organization: await organization(orgs, u),
  };
}

export async function presentUser(orgs: OrgDirectory, u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    organization: await organization(orgs, u),
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function presentToken(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    scopes: t.scopes,
  };
}
