import { definePolicy } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';

export type OrgKind = 'buyer' | 'insurer';

/**
 * Registered organisations (issue 13 "Who trades"): anyone — signed in or not — registers a buyer organisation
 * (equipment users, dealers, leasing companies) or an insurer (000 三(八)) through `POST /api/v1/public/register`;
 * no other kind registers itself (enterprises are registered by their authority, testing organisations by MIIT).
 * Organisations created by an operator (`createOrgAsOperator`: the demo seeder, tests) are not a route and not ruled
 * here.
 */
const registrable = (o: { kind: OrgKind }) => o.kind === 'buyer' || o.kind === 'insurer';
export const organisationPolicy = definePolicy<{ kind: OrgKind }>()('organisation', { register: (_p, o) => registrable(o) }, { public: { register: registrable } });

/**
 * The directory of registered organisations (GET /api/v1/buyer-orgs): the ministry admin reads it to pick the
 * organisation of a user it creates (a buyer's or an insurer's first admin); nobody else lists other organisations.
 */
export const organisationDirectoryPolicy = definePolicy<object>()('organisation_directory', {
  list: (p: Principal) => p.kind === 'user' && p.role === 'ministry_admin',
});
