/** The search module's entry for app.ts (docs/public-portal.md "One search"). */
export { createSearchService, type SearchService } from './search.service.js';
export { searchRoutes } from './search.routes.js';
export { announcementSources, catalogueSource, listingSource, noticeSource, portalSources, type SearchSource } from './search.sources.js';
