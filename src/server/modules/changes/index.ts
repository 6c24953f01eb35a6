/** The changes module's entry for other modules and app.ts. */
export { createChangeService, type ChangeService } from './changes.service.js';
export { changeRoutes } from './changes.routes.js';
