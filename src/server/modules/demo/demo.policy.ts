import { definePolicy, deny } from '../../platform/authorize.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';

const ministry = (role: string) => (MINISTRY_ROLES as readonly string[]).includes(role);

/** The platform date: MIIT reads it; only MIIT's admin moves it (demo mode only, where the clock is shiftable). */
export const demoPolicy = definePolicy<object>()('demo', {
  readClock: (p) => ministry(p.role) || deny('平台日期仅工业和信息化部用户可查看', 'Only MIIT’s users read the platform date'),
  advanceClock: (p) => p.role === 'ministry_admin' || deny('仅工业和信息化部管理员可调整演示日期', 'Only MIIT’s admin moves the demo date'),
});
