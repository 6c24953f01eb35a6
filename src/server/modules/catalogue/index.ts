/** The catalogue module's entry for app.ts (再制造产品目录; docs/public-portal.md "Catalogue"). */
export { createCatalogueService, type CatalogueService } from './catalogue.service.js';
export { catalogueRoutes } from './catalogue.routes.js';
export { catalogueSearchBackfill } from './catalogue.search-backfill.js';
