-- 规范条件 附2 三 "工业和信息化部将对相关情况进行核查，必要时进行现场审查" (issue 15 item 14): MIIT reviews a forwarded
-- report (its 核查 opinion) and may schedule an on-site inspection (date, note). Recorded once per report.
ALTER TABLE annual_reports ADD COLUMN ministry_opinion text;
ALTER TABLE annual_reports ADD COLUMN ministry_reviewed_at timestamptz;
ALTER TABLE annual_reports ADD COLUMN ministry_reviewed_by uuid REFERENCES users(id);
ALTER TABLE annual_reports ADD COLUMN onsite_inspection_on date;
ALTER TABLE annual_reports ADD COLUMN onsite_inspection_note text;
ALTER TABLE annual_reports ADD CONSTRAINT annual_reports_ministry_review_check
  CHECK ((ministry_reviewed_at IS NULL OR (ministry_opinion IS NOT NULL AND state = 'forwarded')) AND (onsite_inspection_on IS NULL OR ministry_reviewed_at IS NOT NULL));
