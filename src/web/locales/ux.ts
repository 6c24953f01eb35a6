import type { Dict } from './types';

/**
 * UI strings of issue 16 (what people see): key → [zh, en]. Keys start with 'ux.'; merged into the one dictionary in
 * src/web/i18n.ts.
 */
export const uxText = {
  // ---- statistics (item 5): each table says where its figures come from
  'ux.stat.byCity': ['本辖区公告企业（按城市）', 'Announced enterprises in your jurisdiction, by city'],
  'ux.stat.byCityNote': ['城市按企业注册地行政区划代码归类；年度报告数据按省汇总，见下方表格。', 'Cities by the registered region code; the annual-report figures are summed by province (tables below).'],
  'ux.stat.src.announced': ['来源：公告名单（按公告所列领域、企业注册地）', 'Source: the announced list (fields as announced, registered region)'],
  'ux.stat.src.reports': ['来源：{year}年度审核通过的年度报告 表2-3（按企业填报的涉及领域）', 'Source: annual reports of {year} accepted by the authorities, Table 2-3 (field as reported)'],
  'ux.stat.fieldEnterprises': ['公告企业 · 按领域', 'Announced enterprises by field'],
  'ux.stat.fieldUnits': ['再制造产品 · 按领域（{year}年度）', 'Units remanufactured by field ({year})'],
  'ux.stat.allYears': ['各', 'all'],
  'ux.stat.enterprisesN': ['企业数（家）', 'Enterprises'],
  'ux.stat.unitsN': ['再制造产品（件）', 'Units'],
  'ux.home.cityChart': ['本辖区企业数量（按城市）', 'Enterprises in your jurisdiction, by city'],
  // ---- buttons that say why they are disabled (item 12)
  'ux.act.missingN': ['（缺 {n} 项）', ' ({n} missing)'],
  'ux.act.blockedProgress': ['（{done}/{of}）', ' ({done}/{of})'],
  // ---- experts (item 9)
  'ux.apps.opinionSubmitted': ['已提交意见', 'Opinion submitted'],
  'ux.apps.showClosed': ['显示已办结', 'Show finished cases'],
  // ---- lists you can search (item 11)
  'ux.apps.filter.authority': ['全部省级主管部门', 'All provincial authorities'],
  'ux.apps.filter.enterprise': ['企业名称或统一社会信用代码', 'Enterprise name or credit code'],
  'ux.apps.filter.submitted': ['提交日期', 'Submitted'],
  'ux.experts.allFields': ['全部领域', 'All fields'],
  'ux.experts.search': ['姓名、单位、电话或邮箱', 'Name, institution, phone or e-mail'],
  // ---- public home as a service counter (item 15)
  'ux.pub.verifyPlaceholder': ['输入产品标识上的编码，查验真伪', 'Product code from the label: check it'],
  'ux.pub.verify': ['查验', 'Check'],
  'ux.pub.statistics': ['行业统计', 'Industry statistics'],
  'ux.pub.complaints': ['投诉举报', 'Complaints'],
  'ux.app.table13Docx': ['下载表1-3（打印盖章）', 'Table 1-3 as Word (to print and stamp)'],
  // ---- objections tracked by code (item 13)
  'ux.obj.trackTitle': ['异议处理查询', 'Track an objection'],
  'ux.obj.trackCode': ['查询码', 'Tracking code'],
  'ux.obj.track': ['查询处理结果', 'See how it is handled'],
  'ux.obj.trackNone': ['没有与该查询码相符的异议，请核对后重试', 'No objection has this code; check it and try again'],
  'ux.obj.notice': ['公示', 'Public notice'],
  'ux.obj.keepCode': ['请保存查询码，凭此查询异议处理结果：', 'Keep this code to see how your objection is handled:'],
  'ux.obj.successSub': ['提交时间：{at}。工业和信息化部将核实处理。', 'Filed {at}. MIIT will look into it.'],
  'ux.pub.downloadFiltered': ['下载 Excel（按当前检索条件）', 'Download Excel (as filtered)'],
  // ---- words for people (item 14): versions of rules and formulas, for reviewers only
  'ux.tech.title': ['技术信息', 'Technical details'],
} as const satisfies Dict;
