-- 规范条件 七(二)4 "工业和信息化部撤销公告应提前通过省级工业和信息化主管部门告知企业" (issue 15 item 12): MIIT sends
-- the notice to the provincial authority (notice_sent, notice_sent_on); the authority relays it to the
-- enterprise (relayed_on, relayed_by) and only then is the enterprise notified: notified_on = relayed_on and the
-- statement period (statement_working_days, default 10) runs from it.
ALTER TABLE revocation_cases ADD COLUMN notice_sent_on date;
ALTER TABLE revocation_cases ADD COLUMN relayed_on date;
ALTER TABLE revocation_cases ADD COLUMN relayed_by uuid;
ALTER TABLE revocation_cases ADD COLUMN statement_working_days integer CHECK (statement_working_days BETWEEN 1 AND 60);
ALTER TABLE revocation_cases DROP CONSTRAINT revocation_cases_state_check;
ALTER TABLE revocation_cases ADD CONSTRAINT revocation_cases_state_check
  CHECK (state IN ('opened', 'notice_sent', 'notified', 'statement_received', 'revoked', 'not_revoked'));
ALTER TABLE revocation_cases ADD CONSTRAINT revocation_cases_relay_check
  CHECK (relayed_on IS NULL OR (notice_sent_on IS NOT NULL AND relayed_on >= notice_sent_on));
