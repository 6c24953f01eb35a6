import type { Dict } from './types';

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
  // 年度报告 figures for 三(三)/三(四)
  'proc.figures.tab': ['人员与研发投入（选填）', 'Staff and R&D (optional)'],
  'proc.figures.note': [
    '选填。填写后，平台按规范条件 三(三)（大专及以上学历人员不低于 30%、研发人员不低于 10%）和 三(四)（研发投入不低于上一年度营业收入的 3%）复核，未达到的作为提示交主管部门研究，不作自动处理。',
    'Optional. When given, the platform re-checks 三(三) (college-educated ≥ 30 %, R&D staff ≥ 10 %) and 三(四) (R&D ≥ 3 % of the previous year’s revenue); a shortfall is a prompt for the authority, never an automatic decision.',
  ],
  // 年度报告: MIIT 核查 and the printable .docx (附2)
  'proc.ar.docx': ['下载 Word（打印签章）', 'Download Word (to print and sign)'],
  'proc.ar.ministryReview': ['工信部核查（附2 三）', 'MIIT review (附2 三)'],
  'proc.ar.ministryOpinion': ['工信部核查意见', 'MIIT review opinion'],
  'proc.ar.onsite': ['必要时进行现场审查：安排现场审查', 'Schedule an on-site inspection'],
  'proc.ar.onsiteDate': ['现场审查日期', 'Inspection date'],
  'proc.ar.onsiteNote': ['审查事项', 'What will be inspected'],
  'proc.ar.onsiteOn': ['现场审查 {date}', 'On-site inspection {date}'],
  // 年度报告: one part per announced site (issue 15 item 14)
  'proc.ar.siteFacts': ['本厂区（车间）情况说明（选填）', 'Facts of this site (optional)'],
  'proc.ar.sites': ['公告厂区（每个厂区一份表2-3）', 'Announced sites (one Table 2-3 each)'],
  'proc.ar.reader': ['本报告由企业注册地主管部门审核；贵单位可查阅辖区内厂区的部分。', 'The authority of the enterprise\'s registered region reviews this report; you read the parts of the sites in your jurisdiction.'],
  'proc.ar.readerTotals': ['本辖区厂区部分合计：回收 {recovered} 件、再制造 {remanufactured} 件、销售或租赁 {sold} 件。', 'Your sites\' parts: {recovered} cores recovered, {remanufactured} units remanufactured, {sold} sold or leased.'],
  'proc.ar.siteValue': ['本厂区再制造产值（万元，选填）', 'Output value of this site (10k CNY, optional)'],
  'proc.ar.siteValueHint': [
    '填写后，这部分产值在行业统计中计入本厂区所在地区和本厂区填报的领域；各厂区之和不得超过“二、生产经营情况”的本年度再制造产值。不填写的部分计入企业注册地（只有一个厂区时计入该厂区）。',
    'When given, this share of the output value counts in this site\'s region and field in the statistics; the sites\' values may not exceed the year\'s output value under II. What is not given counts in the registered region (with one site: that site\'s).',
  ],
  // 行业统计: value by region and field (issue 14), per site part (issue 15 item 14)
  'proc.stat.outputValue': ['再制造产值（万元）', 'Output value (10k CNY)'],
  'proc.stat.sites': ['厂区部分', 'Site parts'],
  'proc.stat.reportsN': ['填报企业（家）', 'Reporting enterprises'],
  'proc.stat.valueByRegion': ['{year}年度 再制造产值 · 按地区（万元）', 'Output value by region, {year} (10k CNY)'],
  'proc.stat.valueByField': ['{year}年度 再制造产值 · 按领域（万元）', 'Output value by field, {year} (10k CNY)'],
  'proc.stat.partsNote': [
    '年度报告份数计入企业注册地；表2-3 各项数量按厂区计入厂区所在地区（每个厂区一份表2-3），全国合计中每份报告只计一次。',
    'A report counts once, in the enterprise\'s registered region; the Table 2-3 figures count per site, in the site\'s region (one Table 2-3 per site); national totals count each report once.',
  ],
  'proc.stat.valueNote': [
    '来源：审核通过的年度报告“本年度再制造产值”。厂区填报的本厂区产值计入厂区所在地区和领域，其余计入企业注册地（只有一个厂区时计入该厂区）；所涉再制造产品属于多个领域而未分厂区填报的产值记为“跨领域”，不拆分。',
    'Source: the output value of the reviewed annual reports. A site\'s stated value counts in its region and field; the rest in the registered region (with one site: that site\'s); value covering products of several fields without a per-site figure is "several fields", not split.',
  ],
  'proc.stat.publicValueNote': [
    '为不披露单个企业数据，填报企业不足3家的地区或领域合并为“其他（合并）”。',
    'So that no single enterprise\'s figure can be read, regions or fields with fewer than 3 reporting enterprises are pooled as "Others".',
  ],
  'proc.stat.pooledRegion': ['其他地区（合并）', 'Other regions (pooled)'],
  // 生产场地 of a trace step (issue 15 item 14)
  'proc.trace.site': ['生产场地', 'Site'],
  'proc.trace.siteHint': ['本企业有多个生产场地：请选择本工序所在场地（计入该场地的年度报告表2-3）；不选则为“场地未知”。', 'Your enterprise has several sites: choose where this step took place (it counts for that site\'s Table 2-3); without a choice the site is unknown.'],
} as const satisfies Dict;
