import type { BuyerOrgRow } from './buyers.repo.js';

/** The answer to a registration (BuyerRegistration): the organisation and its first user, the organisation's admin
 * (buyer_admin; an insurer's insurer_admin). */
export function presentRegistration(org: BuyerOrgRow, user: { id: string; username: string; role: string }) {
  return {
    organization: { id: org.id, name: org.name, creditCode: org.creditCode, kind: org.kind },
    user: { id: user.id, username: user.username, role: org.kind === 'insurer' ? ('insurer_admin' as const) : ('buyer_admin' as const) },
  };
}

/** One registered organisation of the ministry admin's directory (BuyerOrg; the phone stays out of lists). */
export function presentBuyerOrg(org: BuyerOrgRow) {
  return { id: org.id, name: org.name, creditCode: org.creditCode, kind: org.kind, contactName: org.contactName, createdAt: org.createdAt.toISOString() };
}
