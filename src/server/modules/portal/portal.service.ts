import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { PublicCache } from '../../platform/public-cache.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { AnnualReportService } from '../annual-reports/annual-reports.service.js';
import type { FileService } from '../files/files.service.js';
import type { NoticeService } from '../notices/notices.service.js';
import type { StatisticsService } from '../statistics/statistics.service.js';
import { createPortalContentService } from './content.service.js';
import { createOpenDataService } from './opendata.service.js';

/**
 * The portal module's services (docs/public-portal.md), wired in app.ts: the content MIIT edits, and what the
 * public reads built from it and from other modules' exported services (announcements, notices, annual reports,
 * statistics) — never their tables.
 */
export interface PortalDeps {
  db: Db;
  clock: Clock;
  files: FileService;
  publicCache: PublicCache;
  announcements: AnnouncementService;
  notices: NoticeService;
  annualReports: AnnualReportService;
  statistics: StatisticsService;
}

export function createPortalService(deps: PortalDeps) {
  const content = createPortalContentService(deps);
  // feeds, datasets and the targets board: read from the content and the other modules' services
  const opendata = createOpenDataService({ clock: deps.clock, content, announcements: deps.announcements, notices: deps.notices, statistics: deps.statistics });
  return { content, opendata };
}
export type PortalService = ReturnType<typeof createPortalService>;
