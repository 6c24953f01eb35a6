import { sql, type SQL } from 'drizzle-orm';

/**
 * The statistics own no table: the figures come from the annual-reports, announcements and enterprises services.
 * The one piece of SQL they build is here: the announced enterprises as a subquery over the announced-sites view
 * the announcements service hands out, for the enterprises service's count by city.
 */
export const statisticsRepo = {
  announcedEnterpriseIds: (announcedSites: SQL): SQL => sql`(SELECT s.enterprise_id FROM ${announcedSites} s)`,
};
