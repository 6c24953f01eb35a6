import { MIN_EXPERTS_PER_APPLICATION } from '../../../domain/announcement/workflow.js';

/**
 * Why an offered step cannot be taken yet (issue 16 item 12): the same rule the step checks under its lock, said
 * beforehand so the button can be disabled with its reason instead of failing after a confirmation.
 */
export interface ActionBlock {
  action: string;
  code: string;
  message: string;
  messageEn: string;
  /** progress when there is one: 1 of 3 opinions, 78 items missing (done = null) */
  done: number | null;
  of: number | null;
}

/** 完成专家复审 (七(一)5): at least MIN_EXPERTS_PER_APPLICATION assigned, every opinion in. */
export function expertReviewBlock(assignments: readonly { submittedAt: Date | string | null }[]): ActionBlock | null {
  const submitted = assignments.filter((x) => x.submittedAt).length;
  const pending = assignments.length - submitted;
  if (assignments.length >= MIN_EXPERTS_PER_APPLICATION && pending === 0) return null;
  const of = Math.max(assignments.length, MIN_EXPERTS_PER_APPLICATION);
  return {
    action: 'complete_expert_review',
    code: 'OPINIONS_PENDING',
    message: `已收到 ${submitted}/${of} 份专家意见，还有 ${of - submitted} 份未提交`,
    messageEn: `${submitted} of ${of} expert opinions received; ${of - submitted} pending`,
    done: submitted,
    of,
  };
}

/** 提交申请: every required item filled (the same list the submission refuses with). */
export function submitBlock(missing: number): ActionBlock | null {
  if (missing <= 0) return null;
  return { action: 'submit', code: 'INCOMPLETE', message: `还缺 ${missing} 项必填内容`, messageEn: `${missing} required item(s) missing`, done: null, of: missing };
}
