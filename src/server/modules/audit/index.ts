/** What the audit module publishes to other modules: the read of an object's history (the portal's content pages). */
export { listAudit, type AuditFilter } from './audit.repo.js';
