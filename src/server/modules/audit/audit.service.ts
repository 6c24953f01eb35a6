import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { verifyEventChains } from '../epcis/index.js';
import { auditPolicy } from './audit.policy.js';
import { listAudit, type AuditFilter } from './audit.repo.js';

/** At most this many rows in an export (the newest; the sheet says how many were left out). */
export const AUDIT_EXPORT_MAX = 10_000;

/**
 * The audit trail: reading it (paged, filtered), exporting it, and recomputing its hash chain and the EPCIS event
 * chains. The trail is written by every module through platform/audit.ts (`recordAudit`, inside each write's
 * transaction) beside the hash chain it keeps; the reads are in audit.repo.ts.
 */
export function createAuditService({ db }: { db: Db }) {
  const checked = (p: Principal | null, filter: AuditFilter) => {
    authorize(p, auditPolicy, 'read', {});
    if (filter.from && filter.to && filter.from > filter.to) throw errors.field('from', '起始日期不能晚于截止日期', 'must not be after to');
  };
  return {
    async page(p: Principal | null, page: number, pageSize: number, filter: AuditFilter) {
      checked(p, filter);
      return listAudit(db, page, pageSize, filter);
    },
    async exportRows(p: Principal | null, filter: AuditFilter) {
      checked(p, filter);
      return listAudit(db, 1, AUDIT_EXPORT_MAX, filter);
    },
    async verify(p: Principal | null) {
      authorize(p, auditPolicy, 'read', {});
      const audit = await verifyAuditChain(db);
      const eventChains = await verifyEventChains(db);
      return { ...audit, ok: audit.ok && eventChains.ok, eventChains };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
