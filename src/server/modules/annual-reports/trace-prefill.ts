/**
 * Pre-filling 表2-3 from the traceability records (the seam of annual-reports.service.ts): the trace service's
 * `annualTable23` (its exported `Table23Source`) gives 表2-3 of the year from the recorded events, or null
 * without any record (the enterprise then enters the numbers by hand). A failure of the source is an error of
 * the request, never silently an empty table.
 */
import type { Table23 } from '../../../domain/annual-report/index.js';
import type { Table23Source } from '../trace/trace.service.js';

export type { Table23Source };

/** The prefilled 表2-3 for a new report, or null when traceability holds nothing for the year. */
export async function prefillTable23(trace: Table23Source, input: { enterpriseId: string; siteId: string; year: number }): Promise<Table23 | null> {
  return trace.annualTable23({ enterpriseId: input.enterpriseId, siteId: input.siteId, year: input.year });
}
