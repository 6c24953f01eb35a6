/** Wire types of the 年度报告 API (src/server/modules/annual-reports/annual-reports.schema.ts). */
import type { AnnualReportForm } from '../../../domain/annual-report/form';

export interface Totals {
  recovered: number | null;
  remanufactured: number | null;
  sold: number | null;
}

export interface OwedReport {
  reportId: string | null;
  enterpriseId: string;
  enterpriseName: string;
  siteId: string;
  siteName: string;
  regionCode: string;
  regionName: string;
  authorityId: string;
  year: number;
  announcedOn: string;
  state: string;
  open: boolean;
  overdue: boolean;
  late: boolean;
  dueOn: string;
  submittedOn: string | null;
  totals: Totals;
}

export interface OwedList {
  year: number;
  opensOn: string;
  dueOn: string;
  items: OwedReport[];
}

export interface ReportIssue {
  field: string;
  message: string;
  messageEn: string;
}

export interface AnnualReportDetail {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  siteId: string;
  siteName: string;
  year: number;
  state: string;
  opensOn: string;
  dueOn: string;
  overdue: boolean;
  late: boolean;
  submittedAt: string | null;
  submittedOn: string | null;
  returnReason: string | null;
  auditOpinion: string | null;
  reviewedAt: string | null;
  forwardedAt: string | null;
  form: AnnualReportForm;
  missing: ReportIssue[];
  totals: Totals;
  can: { edit: boolean; submit: boolean; review: boolean };
}

export interface CellError {
  sheet: string;
  row: number;
  column: string;
  reason: string;
  reasonEn: string;
}

export interface ImportJob {
  id: string;
  reportId: string;
  status: 'running' | 'done' | 'failed';
  processed: number;
  total: number;
  errors: CellError[];
}

export const STATE_COLORS: Record<string, string> = {
  not_started: 'default',
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
  forwarded: 'cyan',
};
