-- The English title of a case (modules/cases; docs/monitoring-cases.md). A case opened from an alarm stores both
-- texts, built from the alarm's metric (its thing-model name) and severity (domain/monitoring/cases.ts
-- alarmCaseTitle). NULL for a title a person typed and for the rows opened before this column: the API then
-- presents the stored title as titleEn too.
ALTER TABLE service_cases ADD COLUMN title_en text;
