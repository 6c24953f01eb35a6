/**
 * 再制造产品目录 (认定) — the procedure of a catalogue application (issue 14; 《高端智能再制造行动计划》三(五)
 * 推进再制造产品认定, 发布再制造产品目录). It reuses the pieces of the 规范条件 procedure (domain/announcement/
 * workflow.ts, 七(一)2–5): the enterprise applies voluntarily, the provincial authority checks and forwards with
 * its opinion (or returns for supplement / rejects), MIIT reviews, puts the model on 公示 for a window of working
 * days (domain/working-days.ts, chinese-days and the platform's overrides), closes it without objection (or
 * upholds an objection), and lists the models that passed in a numbered batch (目录批次).
 */
import { addWorkingDays } from '../working-days.js';
import type { WorkdayOverride } from '../working-days.js';
import { DEFAULT_NOTICE_WORKING_DAYS } from '../announcement/workflow.js';

export const CATALOGUE_STATE_VALUES = ['draft', 'submitted', 'returned', 'provincial_rejected', 'forwarded', 'in_notice', 'notice_passed', 'listed', 'rejected', 'withdrawn'] as const;
export type CatalogueState = (typeof CATALOGUE_STATE_VALUES)[number];

export const CATALOGUE_STATES: Record<CatalogueState, { zh: string; en: string; terminal: boolean }> = {
  draft: { zh: '草稿', en: 'Draft', terminal: false },
  submitted: { zh: '已提交，待省级审核', en: 'Submitted, awaiting provincial review', terminal: false },
  returned: { zh: '退回补正', en: 'Returned for supplement', terminal: false },
  provincial_rejected: { zh: '省级审核未通过', en: 'Rejected by the provincial authority', terminal: true },
  forwarded: { zh: '已报送工业和信息化部', en: 'Forwarded to MIIT', terminal: false },
  in_notice: { zh: '公示中', en: 'In public notice', terminal: false },
  notice_passed: { zh: '公示无异议，待列入目录', en: 'Notice passed, awaiting a batch', terminal: false },
  listed: { zh: '已列入目录', en: 'Listed', terminal: true },
  rejected: { zh: '未通过', en: 'Rejected', terminal: true },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', terminal: true },
};

export type CatalogueActor = 'enterprise' | 'authority' | 'ministry';
export const CATALOGUE_EVENT_VALUES = ['submit', 'return', 'provincial_reject', 'forward', 'reject', 'start_notice', 'close_notice', 'uphold_objection', 'list', 'withdraw'] as const;
export type CatalogueEvent = (typeof CATALOGUE_EVENT_VALUES)[number];

interface EventDef {
  from: readonly CatalogueState[];
  to: CatalogueState;
  actor: CatalogueActor;
  /** the step of the 规范条件 procedure it mirrors */
  clause: string;
  /** a reason / opinion must be given */
  needsText?: boolean;
}

export const CATALOGUE_EVENTS: Record<CatalogueEvent, EventDef> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', actor: 'enterprise', clause: '七(一)2' },
  return: { from: ['submitted'], to: 'returned', actor: 'authority', clause: '七(一)4', needsText: true },
  provincial_reject: { from: ['submitted'], to: 'provincial_rejected', actor: 'authority', clause: '七(一)4', needsText: true },
  forward: { from: ['submitted'], to: 'forwarded', actor: 'authority', clause: '七(一)4', needsText: true },
  reject: { from: ['forwarded'], to: 'rejected', actor: 'ministry', clause: '七(一)5', needsText: true },
  start_notice: { from: ['forwarded'], to: 'in_notice', actor: 'ministry', clause: '七(一)5' },
  close_notice: { from: ['in_notice'], to: 'notice_passed', actor: 'ministry', clause: '七(一)5' },
  uphold_objection: { from: ['in_notice'], to: 'rejected', actor: 'ministry', clause: '七(一)5', needsText: true },
  list: { from: ['notice_passed'], to: 'listed', actor: 'ministry', clause: '七(一)5' },
  withdraw: { from: ['draft', 'submitted', 'returned', 'forwarded'], to: 'withdrawn', actor: 'enterprise', clause: '七(一)2' },
};

export type CatalogueTransition = { ok: true; to: CatalogueState } | { ok: false; reason: 'illegal_transition' | 'wrong_actor' };

/** The state after `event` by `actor` (illegal from this state first, then the wrong kind of actor). */
export function nextCatalogueState(state: CatalogueState, event: CatalogueEvent, actor: CatalogueActor): CatalogueTransition {
  const def = CATALOGUE_EVENTS[event];
  if (!def.from.includes(state)) return { ok: false, reason: 'illegal_transition' };
  if (def.actor !== actor) return { ok: false, reason: 'wrong_actor' };
  return { ok: true, to: def.to };
}

/** The events `actor` may take from `state` (the web's buttons; `list` is taken through a batch). */
export function catalogueEventsFor(state: CatalogueState, actor: CatalogueActor): CatalogueEvent[] {
  return CATALOGUE_EVENT_VALUES.filter((e) => e !== 'list' && CATALOGUE_EVENTS[e].actor === actor && CATALOGUE_EVENTS[e].from.includes(state));
}

/**
 * The 公示 window: `workingDays` working days from `start` (counted as day 1 when it is a working day), as for the
 * 规范公告 (七(一)5; DEFAULT_NOTICE_WORKING_DAYS). Holidays and adjusted working days come from chinese-days and the
 * platform's overrides.
 */
export function catalogueNoticeWindow(start: string, workingDays = DEFAULT_NOTICE_WORKING_DAYS, overrides?: readonly WorkdayOverride[]) {
  return { startOn: start, endOn: addWorkingDays(start, workingDays, overrides), workingDays };
}

/** The notice may be closed once its last day has passed (Asia/Shanghai calendar days). */
export function noticeOver(endOn: string, today: string): boolean {
  return today > endOn;
}

/** A listed model's number in the catalogue: 批次-序号, e.g. "2026-03-007" (year of the batch, batch no, position). */
export function catalogueNumber(year: number, batchNo: number, position: number): string {
  return `${year}-${String(batchNo).padStart(2, '0')}-${String(position).padStart(3, '0')}`;
}

/**
 * The badge of a product whose model is listed (issue 14: labels, verification pages, market listings):
 * 再制造产品目录 第N批, the same words on the printed label and in the public answers.
 */
export function catalogueBadgeText(batchNo: number): { zh: string; en: string } {
  return { zh: `再制造产品目录 第${batchNo}批`, en: `Reman Catalogue, batch ${batchNo}` };
}
