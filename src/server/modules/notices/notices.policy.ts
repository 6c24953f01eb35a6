import { deny, definePolicy } from '../../platform/authorize.js';
import { canActAsMinistry } from '../applications/applications.policy.js';

const MIIT_STEP = deny('该步骤由工业和信息化部办理', 'This step belongs to MIIT');

/**
 * Who may do what with 公示 (规范条件 七(一)5): MIIT composes a notice, reads the objections' evidence, resolves
 * them, closes the notice after its window and keeps the working-day calendar. Filing an objection is open to
 * anyone during the window (the state, judged in the service on the locked notice, says when).
 */
export const noticePolicy = definePolicy<object>()('notice', {
  compose: (p) => canActAsMinistry(p) || MIIT_STEP,
  read_evidence: (p) => canActAsMinistry(p) || MIIT_STEP,
  resolve_objection: (p) => canActAsMinistry(p) || MIIT_STEP,
  close: (p) => canActAsMinistry(p) || MIIT_STEP,
  set_workday: (p) => canActAsMinistry(p) || MIIT_STEP,
});
