/** The cases module's entry for app.ts (issue 12 "Diagnosis and warranty cases", docs/monitoring-cases.md). */
export { createCaseService, type CaseService } from './cases.service.js';
export { caseRoutes } from './cases.routes.js';
