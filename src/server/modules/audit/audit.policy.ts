import { deny, definePolicy } from '../../platform/authorize.js';

/** The audit trail (and the check of its hash chains) is read by MIIT's admin only. */
export const auditPolicy = definePolicy<object>()('audit', {
  read: (p) => (p.kind === 'user' && p.role === 'ministry_admin') || deny('审计日志仅工业和信息化部管理员可查看', 'Only MIIT’s admin reads the audit trail'),
});
