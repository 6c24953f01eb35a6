/**
 * The ONE state machine of an application for the 规范公告, following 规范条件 七(一):
 *  2. 企业自愿申请，编制《申请书》，按要求提供相关材料 (enterprise: draft → submitted);
 *  4. 省级工业和信息化主管部门接收申请、核实、提出审核意见（附1 表1-3），将符合要求的报送工业和信息化部
 *     (authority: return for supplement 补正, reject, or forward with the 表1-3 opinion);
 *  5. 工业和信息化部组织专家复审和现场核查，对符合条件的企业名单进行公示，无异议的予以公告
 *     (ministry: experts → on-site check → 公示 → 公告).
 * An enterprise may withdraw its application before a decision (its application is voluntary, 七(一)2).
 */
import type { OrgKind } from '../enterprise.js';

export type ActorKind = OrgKind; // 'enterprise' | 'authority' | 'ministry' | 'expert'

export const APPLICATION_STATES = [
  { key: 'draft', zh: '草稿', en: 'Draft', terminal: false },
  { key: 'submitted', zh: '已提交，待省级审核', en: 'Submitted, awaiting provincial review', terminal: false },
  { key: 'returned', zh: '退回补正', en: 'Returned for supplement', terminal: false },
  { key: 'provincial_rejected', zh: '省级审核未通过', en: 'Rejected by the provincial authority', terminal: true },
  { key: 'forwarded', zh: '已报送工业和信息化部', en: 'Forwarded to MIIT', terminal: false },
  { key: 'expert_review', zh: '专家复审', en: 'Expert review', terminal: false },
  { key: 'onsite_check', zh: '现场核查', en: 'On-site check', terminal: false },
  { key: 'ready_for_notice', zh: '待公示', en: 'Ready for public notice', terminal: false },
  { key: 'in_notice', zh: '公示中', en: 'In public notice', terminal: false },
  { key: 'notice_passed', zh: '公示无异议', en: 'Public notice passed', terminal: false },
  { key: 'announced', zh: '已公告', en: 'Announced', terminal: true },
  { key: 'rejected', zh: '未通过', en: 'Rejected', terminal: true },
  { key: 'withdrawn', zh: '已撤回', en: 'Withdrawn', terminal: true },
  // 七(二)4: the enterprise's announcement was revoked; its open applications end with that reason
  { key: 'closed', zh: '因撤销公告终止', en: 'Closed: announcement revoked', terminal: true },
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number]['key'];
export const APPLICATION_STATE_KEYS = APPLICATION_STATES.map((s) => s.key) as [ApplicationState, ...ApplicationState[]];

/** What an event must carry besides the actor (enforced by the service layer, listed here for it and the UI). */
export type EventPayload = 'reason' | 'provincial_opinion' | 'expert_opinion' | 'notice_window' | 'announcement';

export interface ApplicationEventDef {
  key: string;
  from: readonly ApplicationState[];
  to: ApplicationState;
  actor: ActorKind;
  zh: string;
  en: string;
  payload?: EventPayload;
  /** Clause of 规范条件 七(一) the step comes from. */
  clause: string;
  /** Taken only as part of another case's decision (a revocation), never as a button of its own. */
  via?: 'revocation';
}

export const APPLICATION_EVENTS = [
  { key: 'submit', from: ['draft', 'returned'], to: 'submitted', actor: 'enterprise', zh: '提交申请', en: 'Submit', clause: '七(一)2' },
  { key: 'return_for_supplement', from: ['submitted'], to: 'returned', actor: 'authority', zh: '退回补正', en: 'Return for supplement', payload: 'reason', clause: '七(一)4' },
  { key: 'provincial_reject', from: ['submitted'], to: 'provincial_rejected', actor: 'authority', zh: '省级审核不通过', en: 'Reject (provincial)', payload: 'reason', clause: '七(一)4' },
  { key: 'forward', from: ['submitted'], to: 'forwarded', actor: 'authority', zh: '出具审核意见并报送工业和信息化部', en: 'Forward to MIIT with the review opinion (表1-3)', payload: 'provincial_opinion', clause: '七(一)4' },
  { key: 'assign_experts', from: ['forwarded'], to: 'expert_review', actor: 'ministry', zh: '组织专家复审', en: 'Assign experts', clause: '七(一)5' },
  { key: 'record_opinion', from: ['expert_review'], to: 'expert_review', actor: 'expert', zh: '提交专家意见', en: 'Record expert opinion', payload: 'expert_opinion', clause: '七(一)5' },
  { key: 'complete_expert_review', from: ['expert_review'], to: 'onsite_check', actor: 'ministry', zh: '完成专家复审', en: 'Complete expert review', clause: '七(一)5' },
  { key: 'record_onsite_pass', from: ['onsite_check'], to: 'ready_for_notice', actor: 'ministry', zh: '现场核查通过', en: 'On-site check passed', clause: '七(一)5' },
  { key: 'add_to_notice', from: ['ready_for_notice'], to: 'in_notice', actor: 'ministry', zh: '列入公示', en: 'Put on public notice', payload: 'notice_window', clause: '七(一)5' },
  { key: 'uphold_objection', from: ['in_notice'], to: 'rejected', actor: 'ministry', zh: '异议成立', en: 'Uphold objection', payload: 'reason', clause: '七(一)5' },
  { key: 'close_notice', from: ['in_notice'], to: 'notice_passed', actor: 'ministry', zh: '公示期满无异议', en: 'Close notice without objection', clause: '七(一)5' },
  { key: 'announce', from: ['notice_passed'], to: 'announced', actor: 'ministry', zh: '予以公告', en: 'Announce', payload: 'announcement', clause: '七(一)1、5' },
  { key: 'reject', from: ['forwarded', 'expert_review', 'onsite_check', 'ready_for_notice'], to: 'rejected', actor: 'ministry', zh: '审核不通过', en: 'Reject', payload: 'reason', clause: '七(一)5' },
  {
    key: 'withdraw',
    from: ['draft', 'submitted', 'returned', 'forwarded', 'expert_review', 'onsite_check', 'ready_for_notice'],
    to: 'withdrawn',
    actor: 'enterprise',
    zh: '撤回申请',
    en: 'Withdraw',
    clause: '七(一)2',
  },
  {
    // 七(二)4 因上述规定被撤销公告的企业，经整改合格 2 年后方可重新提出规范公告申请: a revocation ends every open
    // application of the enterprise (decided by MIIT, in the revocation's transaction, with its reason)
    key: 'close_on_revocation',
    from: ['draft', 'submitted', 'returned', 'forwarded', 'expert_review', 'onsite_check', 'ready_for_notice', 'in_notice', 'notice_passed'],
    to: 'closed',
    actor: 'ministry',
    zh: '因撤销公告终止申请',
    en: 'Close (announcement revoked)',
    payload: 'reason',
    clause: '七(二)4',
    via: 'revocation',
  },
] as const satisfies readonly ApplicationEventDef[];
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number]['key'];
export const APPLICATION_EVENT_KEYS = APPLICATION_EVENTS.map((e) => e.key) as [ApplicationEvent, ...ApplicationEvent[]];

const STATE = new Map<string, (typeof APPLICATION_STATES)[number]>(APPLICATION_STATES.map((s) => [s.key, s]));
const EVENT = new Map<string, ApplicationEventDef>(APPLICATION_EVENTS.map((e) => [e.key, e]));

export function isApplicationState(v: unknown): v is ApplicationState {
  return typeof v === 'string' && STATE.has(v);
}

export function isApplicationEvent(v: unknown): v is ApplicationEvent {
  return typeof v === 'string' && EVENT.has(v);
}

export function isTerminal(state: ApplicationState): boolean {
  return STATE.get(state)?.terminal ?? false;
}

export type TransitionResult =
  | { ok: true; to: ApplicationState }
  | { ok: false; reason: 'illegal_transition' | 'wrong_actor'; state: ApplicationState; event: ApplicationEvent };

/**
 * The state after `event` by `actor`. 'illegal_transition' when the event is not allowed from `state`
 * (checked first), 'wrong_actor' when it is but belongs to another kind of actor.
 */
export function nextState(state: ApplicationState, event: ApplicationEvent, actor: ActorKind): TransitionResult {
  const def = EVENT.get(event);
  if (!def || !STATE.has(state) || !def.from.includes(state)) return { ok: false, reason: 'illegal_transition', state, event };
  if (def.actor !== actor) return { ok: false, reason: 'wrong_actor', state, event };
  return { ok: true, to: def.to };
}

/** Events legal from `state`, for `actor` when given (in APPLICATION_EVENTS order). */
export function availableEvents(state: ApplicationState, actor?: ActorKind): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((e) => (e.from as readonly string[]).includes(state) && (actor === undefined || e.actor === actor)).map((e) => e.key);
}

/** The events a person takes on the application itself (the web's actions): without those taken via another case. */
export function stepEvents(state: ApplicationState, actor: ActorKind): ApplicationEvent[] {
  return availableEvents(state, actor).filter((e) => !(EVENT.get(e) as ApplicationEventDef).via);
}

const AWAITING: Record<ApplicationState, ActorKind | null> = {
  draft: 'enterprise',
  returned: 'enterprise',
  submitted: 'authority',
  forwarded: 'ministry',
  expert_review: 'ministry', // experts record opinions, the ministry moves the case on
  onsite_check: 'ministry',
  ready_for_notice: 'ministry',
  in_notice: 'ministry',
  notice_passed: 'ministry',
  provincial_rejected: null,
  announced: null,
  rejected: null,
  withdrawn: null,
  closed: null,
};

/**
 * 七(二)4 经整改合格 2 年后方可重新提出规范公告申请: the lock holds at every step that carries an application
 * towards the 公告, not only when a draft is created — submitting (also after 补正), the provincial
 * forwarding, the expert review (assignment, opinions, completion), the on-site pass, 公示 and its closing,
 * and the 公告. Steps that end a case (withdraw, reject, return) stay open to the actors.
 */
export const LOCK_GUARDED_EVENTS = [
  'submit',
  'forward',
  'assign_experts',
  'record_opinion',
  'complete_expert_review',
  'record_onsite_pass',
  'add_to_notice',
  'close_notice',
  'announce',
] as const satisfies readonly ApplicationEvent[];

/** Whether `event` is refused while the enterprise's reapply lock runs (七(二)4). */
export function lockGuarded(event: ApplicationEvent): boolean {
  return (LOCK_GUARDED_EVENTS as readonly string[]).includes(event);
}

/** Whose to-do list an application in `state` is on; null in a terminal state. */
export function awaiting(state: ApplicationState): ActorKind | null {
  return AWAITING[state] ?? null;
}

/** 七(一)5 组织专家对企业申请材料进行复审: the platform requires at least three experts per application. */
export const MIN_EXPERTS_PER_APPLICATION = 3;

/**
 * 七(一)5 对符合本规范条件的企业名单进行公示: the text fixes no length; the platform defaults to 5 Chinese
 * working days, editable per batch (domain notes).
 */
export const DEFAULT_NOTICE_WORKING_DAYS = 5;
