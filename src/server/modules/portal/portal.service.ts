import type { Clock } from '../../platform/clock.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { NoticeService } from '../notices/notices.service.js';
import type { StatisticsService } from '../statistics/statistics.service.js';
import type { PortalContentService } from './content.service.js';
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
}

export function createPortalService(deps: PortalDeps) {
  const { content } = deps;
  // feeds, datasets and the targets board: read from the content and the other modules' services
  const opendata = createOpenDataService(deps);
  return { content, opendata };
}
export type PortalService = ReturnType<typeof createPortalService>;
