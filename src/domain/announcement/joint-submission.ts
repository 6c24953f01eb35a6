/**
 * 规范条件 七(一)3 "有多个生产厂区（车间）的企业，应将申请公告的生产厂区（车间）一并提交申请材料": an enterprise
 * submits every site it applies for in one submission. When a site's application is submitted while another
 * site's application is still a draft, the enterprise either submits that draft with it or confirms that the
 * other site is not being applied for now (the confirmation is recorded with the submission and audited).
 * Pure: the service passes the drafts it read in the submitting transaction.
 */

export interface OtherDraft {
  applicationId: string;
  siteId: string;
  siteName?: string;
}

export interface JointSubmissionDecision {
  /** drafts neither submitted now nor confirmed as not applied for now: the submission is refused (409) */
  unconfirmed: OtherDraft[];
  /** drafts the enterprise confirmed it does not apply for now (recorded) */
  deferred: OtherDraft[];
  /** confirmations naming something that is not another draft of the enterprise (400 naming `notApplyingNow`) */
  invalid: string[];
}

/**
 * `submitted`: the ids submitted together; `drafts`: every draft of the enterprise (the submitted ones
 * included or not); `notApplyingNow`: the ids the enterprise confirmed are not applied for now.
 */
export function jointSubmission(submitted: readonly string[], drafts: readonly OtherDraft[], notApplyingNow: readonly string[] = []): JointSubmissionDecision {
  const now = new Set(submitted);
  const confirmed = new Set(notApplyingNow);
  const others = drafts.filter((d) => !now.has(d.applicationId));
  const otherIds = new Set(others.map((d) => d.applicationId));
  return {
    unconfirmed: others.filter((d) => !confirmed.has(d.applicationId)),
    deferred: others.filter((d) => confirmed.has(d.applicationId)),
    invalid: [...confirmed].filter((id) => !otherIds.has(id)),
  };
}
