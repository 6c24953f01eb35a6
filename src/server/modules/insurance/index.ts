/** 保险 (issue 13, docs/trading.md "Insurance"): the service (wired in app.ts, its `routeClaim` handed to cases) and routes. */
export { createInsuranceService, type InsuranceService } from './insurance.service.js';
export { insuranceRoutes } from './insurance.routes.js';
