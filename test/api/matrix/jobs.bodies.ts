import type { Positive } from './index.js';

/** Positive cases of the job queue's operator view (platform/queue). */
export const positive: Record<string, Positive> = {
  'GET /api/v1/admin/jobs': { as: 'ministry_admin', query: 'state=failed' },
};
