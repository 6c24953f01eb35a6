import { deny, definePolicy } from '../../platform/authorize.js';
import { canActAsMinistry } from '../applications/applications.policy.js';

/** 公告 (规范条件 七(一)5): MIIT publishes the numbered batches; anyone reads them (public routes, no rule needed). */
export const announcementPolicy = definePolicy<object>()('announcement', {
  publish: (p) => canActAsMinistry(p) || deny('该步骤由工业和信息化部办理', 'This step belongs to MIIT'),
});
