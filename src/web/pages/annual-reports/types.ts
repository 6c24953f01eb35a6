/** Wire types of the 年度报告 API: aliases of the generated OpenAPI types (see src/web/api.ts). */
import type { components } from '../../api/schema.gen';
import type { ResponseOf } from '../../api';

export type AnnualReportDetail = components['schemas']['AnnualReport'];
export type OwedReport = components['schemas']['AnnualReportOwed'];
export type OwedList = ResponseOf<'/api/v1/annual-reports'>;
export type Totals = AnnualReportDetail['totals'];
export type ReportIssue = AnnualReportDetail['missing'][number];
export type ImportJob = components['schemas']['AnnualReportImportJob'];
export type CellError = ImportJob['errors'][number];

export const STATE_COLORS: Record<string, string> = {
  not_started: 'default',
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
  forwarded: 'cyan',
};
