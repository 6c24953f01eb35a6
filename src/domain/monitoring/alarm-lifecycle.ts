/**
 * The lifecycle of an alarm record (issue 12 "lifecycle active/cleared × acknowledged, assignee, comments"),
 * as ThingsBoard names the four states: ACTIVE_UNACK, ACTIVE_ACK, CLEARED_UNACK, CLEARED_ACK. Raising and
 * automatic clearing belong to the evaluator (alarm-rules.ts); this decides what people may do to a record.
 * Pure: the server locks the row, asks here, and answers 409 with the code when refused.
 */
export type AlarmStatus = 'active' | 'cleared';
export type AlarmCombinedStatus = 'ACTIVE_UNACK' | 'ACTIVE_ACK' | 'CLEARED_UNACK' | 'CLEARED_ACK';
export type AlarmAction = 'acknowledge' | 'clear' | 'assign' | 'comment';

export interface AlarmRecordState {
  status: AlarmStatus;
  acknowledged: boolean;
  assigneeId: string | null;
}

export interface Refusal {
  code: 'ALREADY_ACKNOWLEDGED' | 'ALREADY_CLEARED' | 'ALREADY_ASSIGNED';
  message: string;
  messageEn: string;
}

export const combinedStatus = (a: Pick<AlarmRecordState, 'status' | 'acknowledged'>): AlarmCombinedStatus =>
  `${a.status === 'active' ? 'ACTIVE' : 'CLEARED'}_${a.acknowledged ? 'ACK' : 'UNACK'}`;

/** Whether the action may be done now; null when allowed. Acknowledging and clearing happen once each. */
export function refusal(a: AlarmRecordState, action: AlarmAction, assignee?: string | null): Refusal | null {
  if (action === 'acknowledge' && a.acknowledged) return { code: 'ALREADY_ACKNOWLEDGED', message: '告警已确认', messageEn: 'The alarm is already acknowledged' };
  if (action === 'clear' && a.status === 'cleared') return { code: 'ALREADY_CLEARED', message: '告警已清除', messageEn: 'The alarm is already cleared' };
  if (action === 'assign' && assignee !== undefined && a.assigneeId === assignee) return { code: 'ALREADY_ASSIGNED', message: '告警已指派给该用户', messageEn: 'The alarm is already assigned to this user' };
  return null;
}

/** The actions the state allows (for the presenter's `actions`). */
export function stateAllows(a: AlarmRecordState, action: AlarmAction): boolean {
  return refusal(a, action) === null;
}
