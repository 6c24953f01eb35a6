import type { epcisCaptures } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import type { QueryRow } from './epcis.repo.js';
import type { CaptureIssue, CaptureJob, ErrorBehaviour } from './epcis.schema.js';
import { EPCIS_CONTEXT } from './epcis.validator.js';

type Json = Record<string, unknown>;

/** The event as a query returns it: as captured, with the repository's eventID (if it had none) and recordTime. */
function renderEvent(r: QueryRow): Json {
  const doc = r.declaration ?? r.document;
  const out: Json = { ...doc };
  if (out.eventID === undefined) out.eventID = r.eventId;
  out.recordTime = new Date(r.recordTime).toISOString();
  return out;
}

/** Namespace prefixes of the captured documents, so that the query document is valid JSON-LD again. */
function queryContext(rows: QueryRow[]): unknown[] {
  const ns: Json = {};
  const visit = (c: unknown) => {
    if (Array.isArray(c)) c.forEach(visit);
    else if (c && typeof c === 'object') Object.assign(ns, c);
  };
  for (const r of rows) visit(r.docContext);
  return Object.keys(ns).length ? [EPCIS_CONTEXT, ns] : [EPCIS_CONTEXT];
}

/** An EPCISQueryDocument of SimpleEventQuery holding these events. */
export function queryDocument(rows: QueryRow[], clock: Clock) {
  return {
    '@context': queryContext(rows),
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: clock.now().toISOString(),
    epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: rows.map(renderEvent) } } },
  };
}

/** A stored capture job as GET /epcis/capture/{captureID} answers it (CaptureJobSchema). */
export const presentCaptureJob = (row: typeof epcisCaptures.$inferSelect): CaptureJob => ({
  captureID: row.id, running: row.running, success: row.success, createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null,
  captureErrorBehaviour: row.errorBehaviour as ErrorBehaviour, eventCount: row.eventCount, storedCount: row.storedCount, duplicateCount: row.duplicateCount,
  errors: row.errors as CaptureIssue[],
});
