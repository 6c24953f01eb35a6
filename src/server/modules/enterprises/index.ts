/** What the enterprises module publishes to other modules (docs/architecture.md "Module boundaries"). */
export type { EnterpriseListRow, SiteRow } from './enterprises.repo.js';
