/**
 * 公告企业的动态管理 (规范条件 七(二)): changes (变更, 七(二)3), revocation with a hearing (撤销公告, 七(二)4) and
 * complaints (投诉举报, 七(二)2). Pure rules, no I/O.
 */
import { addDays, addYearsClamped, assertIsoDate, type IsoDate } from '../calendar-date.js';
import { lockPeriod } from '../announcement/reapply-lock.js';
import { addWorkingDays, type WorkdayOverride } from '../working-days.js';

// ---------------------------------------------------------------------------------------------------------
// Changes (七(二)3)
// ---------------------------------------------------------------------------------------------------------

/** 七(二)3: 企业名称、经营范围及其他与本规范条件相关的情况. */
export const CHANGE_FACTS = [
  { key: 'enterpriseName', zh: '企业名称', en: 'Enterprise name' },
  { key: 'businessScope', zh: '经营范围', en: 'Business scope' },
  { key: 'address', zh: '地址', en: 'Address' },
  { key: 'siteName', zh: '厂区（车间）名称', en: 'Site name' },
  { key: 'legalRepresentative', zh: '法定代表人', en: 'Legal representative' },
  { key: 'other', zh: '其他与规范条件相关的情况', en: 'Other condition-relevant facts' },
] as const;
export type ChangeFact = (typeof CHANGE_FACTS)[number]['key'];
export const CHANGE_FACT_KEYS = CHANGE_FACTS.map((f) => f.key) as [ChangeFact, ...ChangeFact[]];

/** 七(二)3: 在发生变化 1 年内完成整改升级 — the last day of the period (民法典 第二百零一条: the change day is not counted). */
export const CHANGE_RECTIFICATION_YEARS = 1;
export function changeDeadline(changeDate: IsoDate): IsoDate {
  assertIsoDate(changeDate, 'changeDate');
  return addYearsClamped(changeDate, CHANGE_RECTIFICATION_YEARS);
}

/**
 * submitted → (authority 验收核实) check_passed | check_failed; check_passed → (MIIT 核实) confirmed | not_confirmed.
 * check_failed: the enterprise rectifies further and may resubmit (→ submitted) while it is not too late.
 */
export const CHANGE_STATES = [
  { key: 'submitted', zh: '已提交，待省级验收核实', en: 'Submitted, awaiting the authority’s acceptance check' },
  { key: 'check_passed', zh: '验收合格，待工信部核实', en: 'Check passed, awaiting MIIT' },
  { key: 'check_failed', zh: '验收不合格，待整改', en: 'Check failed, to rectify' },
  { key: 'confirmed', zh: '工信部已核实并公告', en: 'Confirmed by MIIT and announced' },
  { key: 'not_confirmed', zh: '工信部核实不符合', en: 'Not confirmed by MIIT' },
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number]['key'];

/** Still owed the acceptance check: these count towards the one-year deadline. */
export const CHANGE_OPEN_FOR_DEADLINE: readonly ChangeState[] = ['submitted', 'check_failed'];

/** 七(二)3: overdue when the acceptance check has not passed by the end of the one-year period. */
export function changeOverdue(c: { state: string; changeDate: IsoDate }, today: IsoDate): boolean {
  return CHANGE_OPEN_FOR_DEADLINE.includes(c.state as ChangeState) && today > changeDeadline(c.changeDate);
}

export type ChangeEvent = 'check_pass' | 'check_fail' | 'resubmit' | 'confirm' | 'not_confirm';
const CHANGE_TRANSITIONS: Record<ChangeEvent, { from: ChangeState[]; to: ChangeState }> = {
  check_pass: { from: ['submitted'], to: 'check_passed' },
  check_fail: { from: ['submitted'], to: 'check_failed' },
  resubmit: { from: ['check_failed'], to: 'submitted' },
  confirm: { from: ['check_passed'], to: 'confirmed' },
  not_confirm: { from: ['check_passed'], to: 'not_confirmed' },
};
export function nextChangeState(from: string, event: ChangeEvent): ChangeState | null {
  const t = CHANGE_TRANSITIONS[event];
  return t.from.includes(from as ChangeState) ? t.to : null;
}

// ---------------------------------------------------------------------------------------------------------
// Revocation (七(二)4)
// ---------------------------------------------------------------------------------------------------------

/** 七(二)4 (1)–(5), exactly. */
export const REVOCATION_GROUNDS = [
  { key: 'conditions_not_maintained', clause: '七(二)4(1)', zh: '不能保持符合本规范条件要求的', en: 'Cannot keep meeting the requirements of the conditions' },
  { key: 'annual_report_missing', clause: '七(二)4(2)', zh: '不按要求提交《年度报告》的', en: 'Did not submit the annual report as required' },
  { key: 'falsification', clause: '七(二)4(3)', zh: '报送的相关材料或生产经营有弄虚作假行为的', en: 'Falsified the materials submitted or its production and operations' },
  { key: 'supervision_refused_or_failed', clause: '七(二)4(4)', zh: '拒绝接受监督检查或监督检查不合格的', en: 'Refused supervision and inspection, or failed it' },
  {
    key: 'major_accident_or_violation',
    clause: '七(二)4(5)',
    zh: '发生较大及以上安全、环保等事故，或违反国家法律、法规和国家产业政策行为的',
    en: 'Had a safety, environmental or similar accident of “larger” grade or above, or breached national laws, regulations or industrial policy',
  },
] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number]['key'];
export const REVOCATION_GROUND_KEYS = REVOCATION_GROUNDS.map((g) => g.key) as [RevocationGround, ...RevocationGround[]];
export function isRevocationGround(s: string): s is RevocationGround {
  return (REVOCATION_GROUND_KEYS as string[]).includes(s);
}
export function groundLabel(key: string): { zh: string; en: string; clause: string } {
  const g = REVOCATION_GROUNDS.find((x) => x.key === key);
  return g ? { zh: g.zh, en: g.en, clause: g.clause } : { zh: key, en: key, clause: '' };
}

/**
 * The seed says MIIT 应提前 … 告知企业，听取企业的陈述和申辩 (七(二)4) without a period. Default: 10 working days
 * from the day after the notice (the statement period of 《行政处罚法》-style procedures is commonly counted in
 * working days; 3 working days, the 行政处罚法 第四十四条 minimum for a hearing request, felt too short for a
 * written defence with attachments). MIIT may set another end date per case.
 */
export const DEFAULT_STATEMENT_WORKING_DAYS = 10;
export function defaultStatementDue(noticeDate: IsoDate, overrides?: readonly WorkdayOverride[]): IsoDate {
  assertIsoDate(noticeDate, 'noticeDate');
  return addWorkingDays(addDays(noticeDate, 1), DEFAULT_STATEMENT_WORKING_DAYS, overrides);
}

/**
 * 七(二)4 提前通过省级工业和信息化主管部门告知企业 (issue 15 item 12): MIIT sends the notice to the provincial
 * authority, which relays it to the enterprise; the statement period runs from the day the enterprise is
 * notified (the relay date), never from MIIT's sending. `workingDays` is MIIT's period (default 10);
 * `requestedDue` an end date MIIT set, kept when it still lies after the relay day (a date the relay has
 * passed is replaced by the default period from the relay, so the enterprise always gets a period).
 */
export function statementDueAfterRelay(relayedOn: IsoDate, opts: { workingDays?: number | null; requestedDue?: IsoDate | null }, overrides?: readonly WorkdayOverride[]): IsoDate {
  assertIsoDate(relayedOn, 'relayedOn');
  if (opts.requestedDue && opts.requestedDue > relayedOn) return opts.requestedDue;
  return addWorkingDays(addDays(relayedOn, 1), opts.workingDays ?? DEFAULT_STATEMENT_WORKING_DAYS, overrides);
}

/** Why a relay date is not acceptable (null when it is): on or after MIIT's sending, not in the future. */
export function relayDateProblem(relayedOn: IsoDate, noticeSentOn: IsoDate, today: IsoDate): { zh: string; en: string } | null {
  if (relayedOn < noticeSentOn) return { zh: `转告日期不能早于工信部发出告知的日期 ${noticeSentOn}`, en: `The relay date cannot be before MIIT sent the notice (${noticeSentOn})` };
  if (relayedOn > today) return { zh: '转告日期不能晚于今天', en: 'The relay date cannot be in the future' };
  return null;
}

export const REVOCATION_STATES = [
  { key: 'opened', zh: '已立案，待告知企业', en: 'Opened, enterprise not yet notified' },
  { key: 'notice_sent', zh: '告知书已发省级主管部门，待转告企业', en: 'Notice sent to the provincial authority, to relay to the enterprise' },
  { key: 'notified', zh: '已告知，陈述申辩期内', en: 'Notified, statement period running' },
  { key: 'statement_received', zh: '已收到陈述和申辩', en: 'Statement and defence received' },
  { key: 'revoked', zh: '已撤销公告', en: 'Announcement revoked' },
  { key: 'not_revoked', zh: '决定不予撤销', en: 'Decided not to revoke' },
] as const;
export type RevocationState = (typeof REVOCATION_STATES)[number]['key'];
export type RevocationOrigin = 'provincial_request' | 'ministry' | 'complaint';

export interface HearingFacts {
  state: string;
  statementDue: IsoDate | null;
}

/**
 * 七(二)4: 工业和信息化部撤销公告应提前通过省级工业和信息化主管部门告知企业，听取企业的陈述和申辩.
 * A decision needs the notice AND a closed hearing: the statement was received, or the period has ended
 * (today after the due date). Returns null when a decision may be taken, or the reason it may not.
 */
export function decisionBlocker(c: HearingFacts, today: IsoDate): { code: string; zh: string; en: string } | null {
  if (c.state === 'revoked' || c.state === 'not_revoked') return { code: 'ALREADY_DECIDED', zh: '该案件已作出决定', en: 'The case is already decided' };
  if (c.state === 'opened' || c.state === 'notice_sent' || c.statementDue == null) {
    return { code: 'HEARING_REQUIRED', zh: '撤销前须先通过省级主管部门告知企业并听取陈述和申辩（七(二)4）', en: 'The enterprise must be notified and heard before a decision (七(二)4)' };
  }
  if (c.state === 'statement_received') return null;
  if (c.state === 'notified' && today > c.statementDue) return null;
  return {
    code: 'HEARING_PERIOD_OPEN',
    zh: `陈述和申辩期至 ${c.statementDue} 止，期满或收到陈述申辩后方可决定`,
    en: `The statement period runs until ${c.statementDue}; decide after it ends or once the statement is received`,
  };
}

/** The enterprise may submit its statement while notified and within the period (the due day included). */
export function statementBlocker(c: HearingFacts, today: IsoDate): { code: string; zh: string; en: string } | null {
  if (c.state !== 'notified' || c.statementDue == null) return { code: 'NOT_IN_HEARING', zh: '当前不在陈述申辩阶段', en: 'The case is not awaiting a statement' };
  if (today > c.statementDue) return { code: 'STATEMENT_PERIOD_CLOSED', zh: `陈述申辩期已于 ${c.statementDue} 届满`, en: `The statement period ended on ${c.statementDue}` };
  return null;
}

/** Rectification after revocation: none → submitted → accepted | returned; returned → submitted. */
export type RectificationState = 'submitted' | 'accepted' | 'returned';
export function canFileRectification(caseState: string, rect: string | null): boolean {
  return caseState === 'revoked' && (rect == null || rect === 'returned');
}

/** The steps of a revocation case a person takes (the web's buttons; each module policy says who). */
export const REVOCATION_STEPS = ['notify', 'relay', 'decide', 'evidence', 'statement', 'rectification', 'review_rectification'] as const;
export type RevocationStep = (typeof REVOCATION_STEPS)[number];

/** Whether the case's state lets `step` be taken today (who may take it is the policy's business). */
export function revocationStepOpen(step: RevocationStep, c: HearingFacts & { rectificationState: string | null }, today: IsoDate): boolean {
  switch (step) {
    case 'notify':
      return c.state === 'opened';
    case 'relay':
      return c.state === 'notice_sent';
    case 'decide':
      return decisionBlocker(c, today) == null;
    case 'evidence':
      return c.state === 'opened' || c.state === 'notice_sent' || c.state === 'notified' || c.state === 'statement_received';
    case 'statement':
      return statementBlocker(c, today) == null;
    case 'rectification':
      return canFileRectification(c.state, c.rectificationState);
    case 'review_rectification':
      return c.state === 'revoked' && c.rectificationState === 'submitted';
  }
}

/** 七(二)4: 经整改合格 2 年后方可重新提出 — the one rule in domain/announcement/reapply-lock.ts. */
export function reapplyFromAfterAcceptance(acceptedOn: IsoDate): IsoDate {
  return lockPeriod(acceptedOn).reapplyFrom;
}

// ---------------------------------------------------------------------------------------------------------
// Complaints (七(二)2)
// ---------------------------------------------------------------------------------------------------------

export const COMPLAINT_STATES = [
  { key: 'received', zh: '已收到，待受理', en: 'Received' },
  { key: 'accepted', zh: '已受理', en: 'Accepted' },
  { key: 'investigating', zh: '调查核实中', en: 'Under investigation' },
  { key: 'substantiated', zh: '已办结：情况属实', en: 'Concluded: substantiated' },
  { key: 'unsubstantiated', zh: '已办结：情况不属实', en: 'Concluded: unsubstantiated' },
  { key: 'dismissed', zh: '不予受理', en: 'Not accepted' },
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number]['key'];
export type ComplaintEvent = 'accept' | 'dismiss' | 'investigate' | 'substantiate' | 'unsubstantiate';
const COMPLAINT_TRANSITIONS: Record<ComplaintEvent, { from: ComplaintState[]; to: ComplaintState }> = {
  accept: { from: ['received'], to: 'accepted' },
  dismiss: { from: ['received'], to: 'dismissed' },
  investigate: { from: ['accepted'], to: 'investigating' },
  substantiate: { from: ['accepted', 'investigating'], to: 'substantiated' },
  unsubstantiate: { from: ['accepted', 'investigating'], to: 'unsubstantiated' },
};
export function nextComplaintState(from: string, event: ComplaintEvent): ComplaintState | null {
  const t = COMPLAINT_TRANSITIONS[event];
  return t.from.includes(from as ComplaintState) ? t.to : null;
}
export const COMPLAINT_MAX_EVIDENCE = 5;

/** Tracking codes: 12 characters of Crockford base32 (60 random bits; no I, L, O, U). */
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function trackingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('need at least 8 random bytes');
  let bits = 0n;
  for (const b of bytes.slice(0, 8)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += TRACKING_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out;
}
export function normaliseTrackingCode(s: string): string {
  return s.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
export const TRACKING_CODE_RE = /^[0-9A-HJKMNP-TV-Z]{12}$/;
