import type { MatrixWorld } from './index.js';

/** Sample bodies for the 年度报告 write routes (aimed at the foreign side where a route takes an object). */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/annual-reports': { siteId: foreign.site, year: 2025 },
    'POST /api/v1/annual-reports/forward': { year: 2025, note: '矩阵报送' },
    'PUT /api/v1/annual-reports/:id/form': { form: { outline: { s1_compliance: '矩阵' } } },
    'POST /api/v1/annual-reports/:id/submit': {},
    'POST /api/v1/annual-reports/:id/return': { reason: '矩阵退回' },
    'POST /api/v1/annual-reports/:id/accept': { opinion: '矩阵同意' },
    'POST /api/v1/annual-reports/:id/table23': undefined,
  };
}
