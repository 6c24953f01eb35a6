import type { Principal } from '../../platform/principal.js';

/**
 * Whose a notification is (deny by default): it is addressed to one user, or to an organisation — every user of
 * an enterprise, an authority, MIIT, an expert, or a registered buyer or insurer organisation (trading: its users carry
 * `buyerOrgId`) — and an API token reads its enterprise's. The repo applies the
 * rule as a filter in SQL (notifications.repo.ts `recipientIs`), so a read or a mark-read of another's notification
 * finds no row (404). This is the organisation a caller receives notifications for.
 */
export const orgOf = (p: Principal): string | null | undefined => (p.kind === 'user' ? (p.enterpriseId ?? p.authorityId ?? p.expertId ?? p.buyerOrgId) : p.enterpriseId);

