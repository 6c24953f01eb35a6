/**
 * The API as the web app sees it: the typed client (./api/client.ts) and the wire types, every one an
 * alias of the types generated from the server's OpenAPI document (./api/schema.gen.ts, `npm run gen:api`).
 * No DTO is written by hand here: change the server's Zod schema and regenerate.
 */
import type { components } from './api/schema.gen';
import type { BodyOf, ResponseOf } from './api/client';

export {
  API_BASE,
  ApiError,
  apiPath,
  client,
  CSRF_COOKIE,
  CSRF_HEADER,
  csrfToken,
  isApiError,
  isPublicPagePath,
  postForBlob,
  readCookie,
  rememberCsrfToken,
  setUnauthorizedHandler,
  unwrap,
  upload,
  type ApiErrorDetail,
  type BodyOf,
  type PathWith,
  type QueryOf,
  type ResponseOf,
} from './api/client';

type Schemas = components['schemas'];

// ---------------------------------------------------------------- identity, registry, audit

export type Me = Schemas['Me'];
export type Role = Me['role'];
export type OrganizationRef = Me['organization'];
export type OrganizationKind = OrganizationRef['kind'];
export type MeResponse = ResponseOf<'/api/v1/auth/me'>;
export type User = Schemas['User'];
export type CreateUserInput = BodyOf<'/api/v1/users', 'post'>;
export type ApiToken = ResponseOf<'/api/v1/tokens'>['items'][number];

export type Enterprise = Schemas['Enterprise'];
export type EnterpriseInput = BodyOf<'/api/v1/enterprises/{id}', 'patch'>;
export type RegionStat = ResponseOf<'/api/v1/enterprises/stats/by-region'>['items'][number];
export type Site = Schemas['Site'];
export type SiteInput = BodyOf<'/api/v1/enterprises/{id}/sites', 'post'>;
export type Authority = Schemas['Authority'];
export type Expert = Schemas['Expert'];
export type ExpertInput = BodyOf<'/api/v1/experts', 'post'>;

export type AuditEntry = ResponseOf<'/api/v1/audit'>['items'][number];
export type AuditVerify = ResponseOf<'/api/v1/audit/verify'>;

// ---------------------------------------------------------------- 规范公告 (applications, notices, announcements)

export type ApplicationSummary = Schemas['ApplicationSummary'];
export type ApplicationDetail = Schemas['ApplicationDetail'];
export type ApplicationStateKey = ApplicationSummary['state'];
export type ActorKindKey = NonNullable<ApplicationSummary['awaiting']>;
export type ConditionsCheckWire = ApplicationDetail['check'];
export type ConditionResultWire = ConditionsCheckWire['results'][number];
export type MissingItemWire = ApplicationDetail['missing'][number];
export type AttachmentWire = ApplicationDetail['attachments'][number];
export type ApplicationEventWire = ApplicationDetail['events'][number];
export type ExpertAssignmentWire = ApplicationDetail['experts'][number];
export type ExpertOpinionWire = NonNullable<ExpertAssignmentWire['opinion']>;
export type OnsiteCheckWire = ApplicationDetail['onsiteChecks'][number];
export type ProvincialOpinionWire = NonNullable<ApplicationDetail['provincialOpinion']>;

export type TodoItem = ResponseOf<'/api/v1/todos'>['items'][number];
export type NotificationItem = ResponseOf<'/api/v1/notifications'>['items'][number];

/** A 公示 (the internal list adds the count of pending objections; the lists the count of all entries). */
export type Notice = Schemas['Notice'] & Partial<Pick<ResponseOf<'/api/v1/notices'>['items'][number], 'pendingObjections' | 'entryCount'>>;
export type NoticeEntry = Schemas['Notice']['entries'][number];
export type NoticeDetail = ResponseOf<'/api/v1/notices/{id}'>;
export type Objection = NoticeDetail['objections'][number];

/** A 公告 batch (the lists add the count of all entries; they embed only the first page). */
export type AnnouncementBatch = Schemas['AnnouncementBatch'] & Partial<Pick<ResponseOf<'/api/v1/public/announcements'>['items'][number], 'entryCount'>>;
export type AnnouncementEntry = AnnouncementBatch['entries'][number];
export type AnnouncedEnterprise = ResponseOf<'/api/v1/public/announced-enterprises'>['items'][number];
