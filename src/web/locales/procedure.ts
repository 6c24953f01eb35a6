/**
 * UI strings of the 规范条件 procedure and dynamic management pages (issue 15): key → [zh, en]. Keys start with
 * 'proc.'; merged into the one dictionary in src/web/i18n.ts.
 */
export const procedureText = {
  // 七(一)3 一并提交
  'proc.joint.title': ['一并提交（规范条件 七(一)3）', 'Submit together (七(一)3)'],
  'proc.joint.intro': [
    '有多个生产厂区（车间）的企业，应将申请公告的厂区一并提交申请材料。本企业以下厂区的申请仍为草稿，请逐一选择：',
    'An enterprise with several sites submits the sites it applies for together. These sites of your enterprise still have draft applications; choose for each:',
  ],
  'proc.joint.together': ['一并提交', 'Submit together'],
  'proc.joint.notNow': ['暂不申请', 'Not now'],
  'proc.joint.choose': ['请为每个草稿选择“一并提交”或“暂不申请”', 'Choose “Submit together” or “Not now” for each draft'],
  'proc.joint.recorded': ['选择“暂不申请”即确认该厂区本次不申请公告，确认将被记录。', 'Choosing “Not now” confirms that the site is not applied for now; the confirmation is recorded.'],
  'proc.joint.missing': ['缺 {n} 项', '{n} missing'],
} as const satisfies Record<string, readonly [string, string]>;
