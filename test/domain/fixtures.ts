/**
 * A complete, condition-satisfying application (as of 2026-11-23) for reuse across tests: `missingItems()`
 * lists nothing for it and every condition rule passes except the document rules, which are 'review' by nature.
 * Each call returns a fresh deep copy, so tests may mutate it.
 */
import { ATTACHMENT_SLOTS, type ApplicationForm, type AttachmentSlot } from '../../src/domain/announcement/form.js';
import { sampleApplicationForm } from '../../src/domain/announcement/sample.js';

export const FIXTURE_AS_OF = '2026-11-23';

/** The sample form as of FIXTURE_AS_OF (a fresh copy per call). */
export function completeApplicationForm(): ApplicationForm {
  const form = sampleApplicationForm(FIXTURE_AS_OF);
  form.declaration!.date = '2026-11-20';
  return form;
}

/** One file in every attachment slot (the optional r30_standards included). */
export function completeAttachments(): Partial<Record<AttachmentSlot, number>> {
  return Object.fromEntries(ATTACHMENT_SLOTS.map((s) => [s.key, 1])) as Partial<Record<AttachmentSlot, number>>;
}
