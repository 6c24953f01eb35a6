/**
 * Words for the audit trail's codes (issue 16 item 4: the audit log showed `auth.login`, `revocation.revoked` and
 * English object types). One table for the web page and the .xlsx export. Pure, no I/O.
 *
 * An action code is `<area>.<verb>` (sometimes `<area>.<sub>.<verb>`). Resolution, first hit wins:
 * 1. the exact code in ACTIONS;
 * 2. an application event (`application.<event>`: the workflow's own words, 七(一));
 * 3. a trace step (`trace.<kind>`, `trace.import.<kind>`, `trace.product.<status>`);
 * 4. "<area label>：<verb label>" from OBJECT_TYPES and VERBS;
 * 5. the code itself — a new module's codes still show, and the label table is where to add them.
 */
import { APPLICATION_EVENTS } from './announcement/workflow.js';
import { stepLabel, STEP_MAPPING } from './trace/vocabulary.js';

export interface Words {
  zh: string;
  en: string;
}

const w = (zh: string, en: string): Words => ({ zh, en });

/** Object types (audit_log.object_type) and the areas of action codes. */
export const OBJECT_TYPES: Record<string, Words> = {
  announcement: w('公告', 'Announcement'),
  annual_report: w('年度报告', 'Annual report'),
  annual_report_forwarding: w('年度报告报送', 'Annual report forwarding'),
  api_token: w('接口令牌', 'API token'),
  token: w('接口令牌', 'API token'),
  application: w('申请', 'Application'),
  auth: w('登录', 'Sign-in'),
  authority: w('主管部门', 'Authority'),
  buyer: w('采购单位', 'Buyer'),
  buyer_org: w('采购单位', 'Buyer organisation'),
  calendar: w('工作日历', 'Working calendar'),
  change: w('变更', 'Change'),
  change_request: w('变更', 'Change request'),
  clock: w('演示时钟', 'Demo clock'),
  demo: w('演示', 'Demo'),
  complaint: w('投诉举报', 'Complaint'),
  device: w('设备', 'Device'),
  device_command: w('设备远程命令', 'Device command'),
  enterprise: w('企业', 'Enterprise'),
  epcis: w('追溯事件', 'Trace events'),
  epcis_capture: w('追溯事件上报', 'Trace event capture'),
  expert: w('专家', 'Expert'),
  job: w('后台任务', 'Background job'),
  listing: w('交易挂牌', 'Listing'),
  notice: w('公示', 'Public notice'),
  objection: w('异议', 'Objection'),
  order: w('订单', 'Order'),
  portal: w('公共信息', 'Public information'),
  portal_demo_unit: w('示范单位', 'Demonstration unit'),
  portal_policy: w('政策文件', 'Policy document'),
  portal_standard: w('标准', 'Standard'),
  portal_testing_org: w('检测机构', 'Testing organisation'),
  revocation: w('撤销公告', 'Revocation'),
  revocation_case: w('撤销公告案件', 'Revocation case'),
  site: w('厂区', 'Site'),
  thing_model: w('物模型', 'Thing model'),
  trace: w('产品追溯', 'Traceability'),
  trace_import: w('追溯数据导入', 'Trace import'),
  trace_object: w('追溯对象', 'Traced object'),
  trace_projection: w('追溯投影', 'Trace projection'),
  user: w('用户', 'User'),
  workday: w('工作日', 'Working day'),
  alarm: w('告警', 'Alarm'),
  alarm_rule: w('告警规则', 'Alarm rule'),
  webhook: w('告警推送地址', 'Webhook'),
  case: w('服务工单', 'Service case'),
  service_case: w('服务工单', 'Service case'),
  catalogue_application: w('目录申报', 'Catalogue application'),
  catalogue_batch: w('目录批次', 'Catalogue batch'),
  finding: w('监管发现', 'Supervision finding'),
  supervision_finding: w('监管发现', 'Supervision finding'),
  lease: w('租赁合同', 'Lease'),
  trade_in_rule: w('以旧换新规则', 'Trade-in rule'),
  epcis_event: w('追溯事件', 'Trace event'),
  insurance: w('产品质量保险', 'Quality insurance'),
  insurance_policy: w('保单', 'Insurance policy'),
  insurance_claim: w('保险理赔', 'Insurance claim'),
  core_exchange: w('旧件交换', 'Core exchange'),
  core_posting: w('旧件供需发布', 'Core posting'),
  core_match: w('旧件撮合', 'Core match'),
  core_exchange_document: w('旧件来源证明文件', 'Core source document'),
  product_test_report: w('产品检测报告', 'Product test report'),
};

/** The last segment of an action code. */
export const VERBS: Record<string, Words> = {
  created: w('创建', 'created'),
  updated: w('修改', 'updated'),
  saved: w('保存', 'saved'),
  submitted: w('提交', 'submitted'),
  resubmitted: w('重新提交', 'resubmitted'),
  published: w('发布', 'published'),
  imported: w('导入', 'imported'),
  closed: w('办结', 'closed'),
  renamed: w('更名', 'renamed'),
  registered: w('注册', 'registered'),
  revoked: w('撤销', 'revoked'),
  withdrawn: w('撤回', 'withdrawn'),
  filed: w('提出', 'filed'),
  assigned: w('分派', 'assigned'),
  accepted: w('受理', 'accepted'),
  accept: w('受理', 'accepted'),
  dismissed: w('不予受理', 'dismissed'),
  dismiss: w('不予受理', 'dismissed'),
  investigate: w('调查', 'investigated'),
  substantiated: w('查实', 'substantiated'),
  substantiate: w('查实', 'substantiated'),
  unsubstantiated: w('查无实据', 'not substantiated'),
  unsubstantiate: w('查无实据', 'not substantiated'),
  reminded: w('催报', 'reminder sent'),
  provisioned: w('接入', 'provisioned'),
  credentials_rotated: w('更换凭据', 'credentials rotated'),
  command_sent: w('下发远程命令', 'remote command sent'),
  command_replied: w('远程命令已应答', 'remote command answered'),
  command_failed: w('远程命令失败', 'remote command failed'),
  command_timeout: w('远程命令超时', 'remote command timed out'),
  captured: w('上报', 'captured'),
  repaired: w('修复', 'repaired'),
  retried: w('重试', 'retried'),
  discarded: w('丢弃', 'discarded'),
  opened: w('立案', 'opened'),
  notified: w('告知企业', 'enterprise notified'),
  evidence_added: w('补充证据', 'evidence added'),
  statement_received: w('收到陈述申辩', 'statement received'),
  rectification_filed: w('提交整改材料', 'rectification filed'),
  rectification_accepted: w('整改验收合格', 'rectification accepted'),
  rectification_returned: w('整改退回', 'rectification returned'),
  not_revoked: w('决定不予撤销', 'decided: not revoked'),
  attachment_uploaded: w('上传附件', 'attachment uploaded'),
  attachment_removed: w('删除附件', 'attachment removed'),
  attachment_added: w('添加附件', 'attachment added'),
  onsite_recorded: w('记录现场审核', 'on-site review recorded'),
  objection_filed: w('提出异议', 'objection filed'),
  objection_upheld: w('异议成立', 'objection upheld'),
  objection_rejected: w('异议不成立', 'objection rejected'),
  overdue_flagged: w('标记逾期', 'flagged overdue'),
  override_set: w('调整', 'override set'),
  clock_advanced: w('拨快时钟', 'clock advanced'),
  password_changed: w('修改密码', 'password changed'),
  password_reset: w('重置密码', 'password reset'),
  units_withdrawn: w('撤回部分数量', 'units withdrawn'),
  revocation_opened: w('转立撤销案件', 'revocation case opened'),
  forwarding: w('报送工信部', 'forwarded to MIIT'),
  forwarded: w('报送工信部', 'forwarded to MIIT'),
  table23_imported: w('导入表2-3', 'table 2-3 imported'),
  checked: w('验收', 'checked'),
  confirmed: w('核实', 'confirmed'),
  recalled: w('召回', 'recalled'),
  acknowledged: w('确认', 'acknowledged'),
  resolved: w('解除', 'resolved'),
  cleared: w('清除', 'cleared'),
  commented: w('评论', 'commented'),
  deleted: w('删除', 'deleted'),
  removed: w('移除', 'removed'),
  ministry_reviewed: w('工信部审核', 'reviewed by MIIT'),
  not_applying_now: w('暂不申请', 'not applied for now'),
  report_file_added: w('添加报告文件', 'report file added'),
  listed: w('列入目录', 'listed'),
  experts_assigned: w('指派专家', 'experts assigned'),
  expert_opinion: w('专家意见', 'expert opinion'),
  raised: w('提出', 'raised'),
  trade_in_overdue: w('以旧换新旧件逾期', 'trade-in core overdue'),
  put: w('设置', 'set'),
  rated: w('评价', 'rated'),
  notice_sent: w('告知企业', 'enterprise notified'),
  event_skipped: w('跳过事件', 'event skipped'),
  objection_dismissed: w('异议不成立', 'objection dismissed'),
  match_proposed: w('提出撮合', 'match proposed'),
  match_accepted: w('接受撮合', 'match accepted'),
  match_declined: w('拒绝撮合', 'match declined'),
  supply_posted: w('发布供应', 'supply posted'),
  demand_posted: w('发布需求', 'demand posted'),
  file_added: w('添加文件', 'file added'),
};

/** Whole codes whose words are not "<area>：<verb>". */
export const ACTIONS: Record<string, Words> = {
  'auth.login': w('登录', 'Signed in'),
  'auth.login_failed': w('登录失败', 'Sign-in failed'),
  'auth.logout': w('退出登录', 'Signed out'),
  'revocation.revoked': w('撤销公告：决定撤销', 'Revocation: decided, revoked'),
  'revocation.not_revoked': w('撤销公告：决定不予撤销', 'Revocation: decided, not revoked'),
  'trace.projection.repaired': w('产品追溯：修复投影', 'Traceability: projection repaired'),
  'trace.product.recalled': w('产品追溯：召回产品', 'Traceability: product recalled'),
  'trace.product.revoked': w('产品追溯：作废编码', 'Traceability: product code revoked'),
  'trace.core_exchange': w('产品追溯：旧件交换交接', 'Traceability: cores handed over in an exchange'),
  'epcis.captured': w('追溯事件：上报', 'Trace events: captured'),
  'demo.clock_advanced': w('演示：拨快时钟', 'Demo: clock advanced'),
  'insurance.policy_recorded': w('产品质量保险：登记保单', 'Quality insurance: policy recorded'),
  'insurance.claim_routed': w('产品质量保险：工单转保险理赔', 'Quality insurance: case routed to the insurer'),
  'insurance.claim_accepted': w('产品质量保险：赔付', 'Quality insurance: claim paid'),
  'insurance.claim_rejected': w('产品质量保险：拒赔', 'Quality insurance: claim rejected'),
  'product_test_report.issued': w('产品检测报告：检测机构出具', 'Product test report: issued by the testing organisation'),
};

const joinWords = (area: Words, verb: Words): Words => w(`${area.zh}：${verb.zh}`, `${area.en}: ${verb.en}`);

/** Words of an action code, in both languages (falls back to the code). */
export function auditActionLabel(code: string): Words {
  const exact = ACTIONS[code];
  if (exact) return exact;
  const parts = code.split('.');
  const area = parts[0] ?? '';
  const verb = parts[parts.length - 1] ?? '';
  if (area === 'application') {
    const ev = APPLICATION_EVENTS.find((e) => e.key === verb);
    if (ev) return joinWords(OBJECT_TYPES.application!, w(ev.zh, ev.en));
  }
  if (area === 'trace' && verb in STEP_MAPPING) {
    const s = stepLabel(verb);
    return joinWords(parts[1] === 'import' ? w('追溯数据导入', 'Trace import') : OBJECT_TYPES.trace!, s);
  }
  const a = OBJECT_TYPES[parts.slice(0, -1).join('_')] ?? OBJECT_TYPES[area];
  const v = VERBS[verb];
  if (a && v) return joinWords(a, v);
  return w(code, code);
}

/** Words of an object type (falls back to the code). */
export function auditObjectLabel(type: string): Words {
  return OBJECT_TYPES[type] ?? w(type, type);
}

/** Every action code the label table names, for a filter's options. */
export function knownAuditAreas(): { value: string; label: Words }[] {
  const areas = ['auth', 'user', 'enterprise', 'site', 'application', 'notice', 'announcement', 'annual_report', 'change', 'revocation', 'complaint', 'expert', 'authority', 'token', 'trace', 'epcis', 'listing', 'core_exchange', 'product_test_report', 'device', 'job'];
  return areas.map((a) => ({ value: a, label: OBJECT_TYPES[a]! }));
}
