import type { Clock } from '../../platform/clock.js';
import type { PublicCache } from '../../platform/public-cache.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { NoticeService } from '../notices/notices.service.js';
import type { StatisticsService } from '../statistics/statistics.service.js';
import type { PortalContentService } from './content.service.js';
import { createDeclarationService, type DeclarationSources } from './declarations.service.js';
import { createOpenDataService, type CatalogueReader } from './opendata.service.js';

export { createPortalContentService, type PortalContentService } from './content.service.js';

/**
 * The portal module's services (docs/public-portal.md), wired in app.ts in two steps: the content MIIT edits
 * (`createPortalContentService`, which the catalogue reads), then what the public reads built from it and from
 * other modules' exported services (announcements, notices, statistics, the catalogue) — never their tables.
 */
export interface PortalDeps {
  clock: Clock;
  content: PortalContentService;
  announcements: AnnouncementService;
  notices: NoticeService;
  statistics: StatisticsService;
  catalogue: CatalogueReader;
  /** the trace's and the applications' declarations of a standard (app.ts) */
  declarationSources: DeclarationSources;
  /** the declarations' answers are dropped after the writes that change them (declarations.service.ts) */
  publicCache: PublicCache;
}

export function createPortalService(deps: PortalDeps) {
  const { content } = deps;
  // feeds, datasets and the targets board: read from the content and the other modules' services
  const opendata = createOpenDataService(deps);
  // who declares a standard: the catalogue, traced products and announced applications (public redaction)
  const declarations = createDeclarationService({ content, announcements: deps.announcements, catalogue: deps.catalogue, sources: deps.declarationSources, publicCache: deps.publicCache });
  // the catalogue as the public reads it (the server-rendered /public/catalogue, pages.routes.ts)
  return { content, opendata, declarations, catalogue: deps.catalogue };
}
export type PortalService = ReturnType<typeof createPortalService>;
