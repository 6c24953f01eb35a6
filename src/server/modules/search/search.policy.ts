import { definePolicy, deny } from '../../platform/authorize.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';

/**
 * The search index. Searching and the suggestions are public (the index holds public documents only: each source
 * describes its published items, search.sources.ts); rebuilding it on demand is MIIT's (an officer or the admin).
 */
export const searchPolicy = definePolicy<object>()('search', {
  rebuild: (p) => (MINISTRY_ROLES as readonly string[]).includes(p.role) || deny('仅工业和信息化部用户可重建检索索引', 'Only MIIT’s users rebuild the search index'),
});
