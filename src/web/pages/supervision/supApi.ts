/** Wire types of the dynamic-management API: aliases of the generated OpenAPI types (see src/web/api.ts). */
import type { components } from '../../api/schema.gen';

export type ChangeRequest = components['schemas']['ChangeRequest'];
export type RevocationCase = components['schemas']['RevocationCase'];
export type ComplaintPublic = components['schemas']['ComplaintPublic'];
export type Complaint = components['schemas']['Complaint'];
export type FileRef = ChangeRequest['attachments'][number];
