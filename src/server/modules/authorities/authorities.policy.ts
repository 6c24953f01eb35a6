import { definePolicy, deny } from '../../platform/authorize.js';

/**
 * The reviewing authorities are reference data: anyone reads them (the route is public); their names change after a
 * reorganisation, by the MIIT admin (ids and kinds are code, src/domain/authorities.ts).
 */
export const authorityPolicy = definePolicy<{ id: string }>()('authority', {
  rename: (p) => (p.kind === 'user' && p.role === 'ministry_admin') || deny('主管部门名称由工业和信息化部管理员维护', 'The MIIT admin maintains the authorities’ names'),
});
