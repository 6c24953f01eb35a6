/** The revocations module's entry for other modules (complaints opens cases; applications reads the reapply lock). */
export { createRevocationService, type RevocationService, type OverdueReportSource } from './revocations.service.js';
export { createRevocationLocks, type RevocationLocks } from './revocations.repo.js';
export { presentCases, type RevocationPresenterDeps } from './revocations.presenter.js';
export { GroundSchema, RevocationCaseSchema } from './revocations.schema.js';
export { revocationRoutes } from './revocations.routes.js';
