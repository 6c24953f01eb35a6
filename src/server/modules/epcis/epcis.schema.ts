import { z } from 'zod';

/**
 * The shapes of the GS1 EPCIS 2.0 REST binding besides the EPCIS documents themselves (those are validated against
 * GS1's own JSON Schema, schema/EPCIS-JSON-Schema.json, by epcis.validator.ts): the capture header, the path
 * parameters and the capture job GET /epcis/capture/{captureID} answers.
 */

/** GS1-Capture-Error-Behaviour: rollback (default: all or nothing) or proceed (store the valid events). */
export const ErrorBehaviourSchema = z.enum(['rollback', 'proceed']);
export type ErrorBehaviour = z.infer<typeof ErrorBehaviourSchema>;
/** The header as sent (absent: rollback; case and surrounding blanks ignored). */
export const ErrorBehaviourHeader = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? 'rollback' : String(v).trim().toLowerCase()))
  .pipe(ErrorBehaviourSchema);

export const CaptureParams = z.object({ captureID: z.string() });
export const EventParams = z.object({ eventID: z.string() });

/** One problem of a capture: the event's index in the eventList (null: the document), a JSON pointer, both languages. */
export const CaptureIssueSchema = z.object({
  eventIndex: z.number().int().nullable(),
  eventId: z.string().optional(),
  pointer: z.string(),
  message: z.string(),
  messageZh: z.string(),
});
export type CaptureIssue = z.infer<typeof CaptureIssueSchema>;

/** A capture job (EPCIS 2.0 "CaptureJob"). */
export const CaptureJobSchema = z.object({
  captureID: z.string(),
  running: z.boolean(),
  success: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  captureErrorBehaviour: ErrorBehaviourSchema,
  eventCount: z.number().int(),
  storedCount: z.number().int(),
  duplicateCount: z.number().int(),
  errors: z.array(CaptureIssueSchema),
});
export type CaptureJob = z.infer<typeof CaptureJobSchema>;
