/**
 * The life of one 年度报告 (规范条件 七(二)1): the enterprise submits it to the provincial authority, which
 * reviews it (审核, 出具审核意见) — accepting it with its opinion or returning it for correction — and reports
 * its opinion together with the 汇总 of its jurisdiction's reports to MIIT (forward).
 *
 *   draft ─submit→ submitted ─accept(审核意见)→ accepted ─forward(汇总)→ forwarded
 *                      └─return→ returned ─submit→ submitted
 *
 * "overdue" is not a state: it is derived from the deadline (deadline.ts) for a report not submitted.
 */
export const REPORT_STATE_VALUES = ['draft', 'submitted', 'returned', 'accepted', 'forwarded'] as const;
export type ReportState = (typeof REPORT_STATE_VALUES)[number];

export const REPORT_STATES: readonly { key: ReportState; zh: string; en: string }[] = [
  { key: 'draft', zh: '草稿', en: 'Draft' },
  { key: 'submitted', zh: '已提交待审核', en: 'Submitted' },
  { key: 'returned', zh: '退回修改', en: 'Returned for correction' },
  { key: 'accepted', zh: '审核通过', en: 'Accepted' },
  { key: 'forwarded', zh: '已报送工信部', en: 'Forwarded to MIIT' },
];

export type ReportEvent = 'submit' | 'return' | 'accept' | 'forward';
export type ReportActor = 'enterprise' | 'authority';

const TRANSITIONS: Record<ReportEvent, { from: readonly ReportState[]; to: ReportState; actor: ReportActor }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', actor: 'enterprise' },
  return: { from: ['submitted'], to: 'returned', actor: 'authority' },
  accept: { from: ['submitted'], to: 'accepted', actor: 'authority' },
  forward: { from: ['accepted'], to: 'forwarded', actor: 'authority' },
};

export type TransitionResult = { ok: true; to: ReportState } | { ok: false; reason: 'wrong_actor' | 'illegal' };

export function nextReportState(from: ReportState, event: ReportEvent, actor: ReportActor): TransitionResult {
  const t = TRANSITIONS[event];
  if (t.actor !== actor) return { ok: false, reason: 'wrong_actor' };
  if (!t.from.includes(from)) return { ok: false, reason: 'illegal' };
  return { ok: true, to: t.to };
}

/** The enterprise may edit while draft or returned. */
export const EDITABLE_REPORT_STATES: readonly ReportState[] = ['draft', 'returned'];
/** Counted as submitted for the deadline (七(二)4(2)): everything past the enterprise's hands. */
export const SUBMITTED_REPORT_STATES: readonly ReportState[] = ['submitted', 'accepted', 'forwarded'];
/** Reviewed by the authority: the reports industry statistics are built from. */
export const COUNTED_REPORT_STATES: readonly ReportState[] = ['accepted', 'forwarded'];

export function reportStateLabel(s: string): { zh: string; en: string } {
  return REPORT_STATES.find((x) => x.key === s) ?? { zh: s, en: s };
}
