import { deny, definePolicy } from '../../platform/authorize.js';
import { isMinistry } from '../../platform/principal.js';

/**
 * 专家库 (规范条件 七(一)5, 七(二)3): MIIT's admin keeps the pool; MIIT draws reviewers from it and a provincial
 * authority involves experts in a change's acceptance check (who reads the pool is the route's roles). An expert
 * working for the enterprise or its group is never assigned: that rule is the service's `forReview` (409
 * EXPERT_CONFLICT), judged on the enterprise's group.
 */
export const expertPolicy = definePolicy<object>()('expert', {
  manage: (p) => (isMinistry(p) && p.kind === 'user' && p.role === 'ministry_admin') || deny('专家库由工业和信息化部管理员维护', 'MIIT’s admin keeps the expert pool'),
});
