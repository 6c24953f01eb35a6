import type { Positive } from './index.js';

/** Positive cases of notifications, to-dos, the (demo) platform clock and statistics. */
export const positive: Record<string, Positive> = {
  'GET /api/v1/notifications': { as: 'enterprise_staff' },
  'POST /api/v1/notifications/read-all': { as: 'enterprise_staff' },
  'POST /api/v1/notifications/:id/read': async (w) => {
    // the home application was submitted to 广东省: its reviewers were notified
    const items = (await w.must('authority_reviewer', 'GET', '/api/v1/notifications')).items as { id: string }[];
    if (!items.length) throw new Error('routes-matrix setup: the authority reviewer has no notification');
    return { as: 'authority_reviewer', params: { id: items[0]!.id } };
  },
  'GET /api/v1/todos': { as: 'authority_reviewer' },
  'GET /api/v1/clock': { as: 'ministry_officer' },
  'POST /api/v1/clock/advance': { as: 'ministry_admin', body: { days: 1 } },
  'GET /api/v1/statistics': { as: 'authority_reviewer' },
  'GET /api/v1/statistics.xlsx': { as: 'authority_reviewer' },
  'GET /api/v1/public/statistics': { as: 'public' },
  'GET /api/v1/public/status': { as: 'public' },
};
