/** The findings module's entry (七(二)4(1) prompts): other modules raise findings in their transactions. */
export { createFindingsService, type FindingInput, type FindingsService } from './findings.service.js';
export { findingRoutes } from './findings.routes.js';
export { createConditionsWatch, type WatchSources } from './findings.watch.js';
