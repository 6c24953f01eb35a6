-- 规范条件 七(二)4 (issue 15 item 10): a revocation ends the enterprise's open applications. They go to the
-- terminal state 'closed' (因撤销公告终止) with the revocation's reason; a closed case is not a live case of its
-- site any more.
ALTER TABLE applications DROP CONSTRAINT applications_state_check;
ALTER TABLE applications ADD CONSTRAINT applications_state_check CHECK (state IN ('draft', 'submitted', 'returned',
  'provincial_rejected', 'forwarded', 'expert_review', 'onsite_check', 'ready_for_notice', 'in_notice', 'notice_passed',
  'announced', 'rejected', 'withdrawn', 'closed'));
DROP INDEX applications_open_per_site;
CREATE UNIQUE INDEX applications_open_per_site ON applications (enterprise_id, site_id)
  WHERE state NOT IN ('provincial_rejected', 'rejected', 'withdrawn', 'announced', 'closed');
