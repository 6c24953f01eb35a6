import type { MatrixWorld } from './index.js';

/** Sample bodies for the dynamic-management routes (changes, revocations, complaints), aimed at foreign objects. */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/revocations': { enterpriseId: foreign.enterprise, grounds: ['falsification'], facts: '矩阵测试：报请撤销外省企业' },
    'POST /api/v1/revocations/:id/evidence': undefined,
    'POST /api/v1/revocations/:id/notify': { noticeText: '矩阵测试告知内容' },
    'POST /api/v1/revocations/:id/statement': { statement: '矩阵测试陈述申辩' },
    'POST /api/v1/revocations/:id/decide': { outcome: 'revoked', hearingSummary: '矩阵', reason: '矩阵' },
    'POST /api/v1/revocations/:id/rectification': { text: '矩阵测试整改说明' },
    'POST /api/v1/revocations/:id/rectification/review': { accept: true, opinion: '矩阵' },
    'POST /api/v1/changes': { siteId: foreign.site, changeDate: '2026-11-01', description: '矩阵测试变更说明', items: [{ fact: 'address', old: '旧址', new: '新址' }] },
    'POST /api/v1/changes/:id/check': { passed: true, opinion: '矩阵' },
    'POST /api/v1/changes/:id/resubmit': { description: '矩阵测试重新提交' },
    'POST /api/v1/changes/:id/confirm': { confirmed: true, opinion: '矩阵' },
    'POST /api/v1/changes/flag-overdue': {},
    'POST /api/v1/public/complaints': { subject: '矩阵测试投诉', enterpriseName: foreign.enterpriseName, facts: '矩阵测试：投诉外省企业的事实说明', contact: '13800000000' },
    'POST /api/v1/complaints/:id/handle': { action: 'accept' },
    'POST /api/v1/complaints/:id/assign': { enterpriseId: foreign.enterprise },
    'POST /api/v1/complaints/:id/revocation': { grounds: ['falsification'], facts: '矩阵测试立案事实' },
  };
}
