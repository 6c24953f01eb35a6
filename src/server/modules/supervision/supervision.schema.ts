import { z } from 'zod';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';

/** Who may call the read routes of changes and revocation cases (objects are then filtered by scope). */
export const SUPERVISION_VIEWERS = [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;
/** Who handles complaints and requests revocations: MIIT and the provincial authorities. */
export const SUPERVISION_HANDLERS = [...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;

export const IdParam = z.object({ id: z.uuid() });
/** A file of a case, by its SHA-256. */
export const FileParam = z.object({ id: z.uuid(), sha: z.string().regex(/^[0-9a-f]{64}$/) });
export const MULTIPART_NOTE = 'JSON, or multipart/form-data with the same fields plus up to 5 files (PDF/JPEG/PNG/OFD).';

/** A list that may arrive as a JSON array, one multipart field per value, or "a,b". */
export const listOf = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v), z.array(item));

/** An uploaded file of a case as the API shows it. */
export const FileRef = z.object({ sha256: z.string(), mime: z.string(), size: z.number() });
export type FileRef = z.infer<typeof FileRef>;

/** 待办 of dynamic management for the workbench (one per object awaiting the caller). */
export interface SupervisionTodo {
  kind: 'supervision';
  id: string;
  title: string;
  titleEn: string;
  state: string;
  link: string;
  since: string;
}
