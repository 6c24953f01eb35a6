/**
 * The single fetch wrapper of the web app, plus the API's wire types.
 *
 * - JSON in and out, `credentials: 'same-origin'` (session cookie reman_session).
 * - Non-GET requests carry `x-csrf-token` = cookie `reman_csrf` (double submit);
 *   the token from the last login / me response is the fallback.
 * - A 401 from anything but /auth/* and /public/* (or while a public page is open) calls the
 *   unauthorized handler (→ /login).
 * - Errors are thrown as ApiError {status, code, message, messageEn, details}.
 */

export const API_BASE = '/api/v1';
export const CSRF_COOKIE = 'reman_csrf';
export const CSRF_HEADER = 'x-csrf-token';

// ---------------------------------------------------------------- wire types

export type Role =
  | 'enterprise_admin'
  | 'enterprise_staff'
  | 'authority_reviewer'
  | 'authority_admin'
  | 'ministry_officer'
  | 'ministry_admin'
  | 'expert';

export type OrganizationKind = 'enterprise' | 'authority' | 'expert';

export interface OrganizationRef {
  id: string;
  kind: OrganizationKind;
  name: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  organization: OrganizationRef;
}

export interface MeResponse {
  user: Me;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Items<T> {
  items: T[];
}

export interface Enterprise {
  id: string;
  name: string;
  creditCode: string;
  creditCodeOverride: boolean;
  regionCode: string;
  regionName: string;
  address: string;
  postalCode: string | null;
  website: string | null;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  enterpriseType: string;
  listingStatus: string;
  parentId: string | null;
  parentName: string | null;
  authority: { id: string; name: string };
  siteCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface EnterpriseInput {
  name?: string;
  creditCode?: string;
  confirmCreditCodeOverride?: boolean;
  regionCode?: string;
  address?: string;
  postalCode?: string | null;
  website?: string | null;
  legalRepresentative?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string | null;
  enterpriseType?: string;
  listingStatus?: string;
  parentId?: string | null;
  xpcc?: boolean;
}

export interface RegionStat {
  regionCode: string;
  regionName: string;
  count: number;
}

export interface Site {
  id: string;
  enterpriseId: string;
  name: string;
  address: string;
  regionCode: string;
  regionName: string;
  createdAt: string;
  updatedAt: string;
}

export interface SiteInput {
  name: string;
  address: string;
  regionCode: string;
}

export interface Authority {
  id: string;
  kind: string;
  regionCode: string | null;
  name: string;
  nameEn: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organization: OrganizationRef;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Expert {
  id: string;
  name: string;
  organization: string;
  title: string;
  fields: string[];
  phone: string | null;
  email: string | null;
}

export interface ExpertInput {
  name: string;
  organization: string;
  title: string;
  fields: string[];
  phone?: string;
  email?: string;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  requestId: string | null;
  digest: string;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  entries: number;
  firstBrokenAt: number | null;
}

// ---------------------------------------------------------------- 规范公告 (applications, notices, announcements)

export type ApplicationStateKey =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'provincial_rejected'
  | 'forwarded'
  | 'expert_review'
  | 'onsite_check'
  | 'ready_for_notice'
  | 'in_notice'
  | 'notice_passed'
  | 'announced'
  | 'rejected'
  | 'withdrawn';

export type ActorKindKey = 'enterprise' | 'authority' | 'ministry' | 'expert';

export interface ApplicationSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  siteId: string;
  siteName: string;
  authority: { id: string; name: string };
  state: ApplicationStateKey;
  version: number;
  fields: string[];
  submittedAt: string | null;
  updatedAt: string;
  awaiting: ActorKindKey | null;
  /** items still missing before submission (drafts and returned cases); null once submitted */
  missingCount?: number | null;
}

export interface ConditionResultWire {
  ruleId: string;
  clause: string;
  outcome: 'pass' | 'fail' | 'review';
  evidence: Record<string, unknown>;
  messageZh: string;
  messageEn: string;
}

export interface ConditionsCheckWire {
  results: ConditionResultWire[];
  summary: { pass: number; fail: number; review: number };
  rulesVersion: string;
  asOf: string;
}

export interface MissingItemWire {
  path: string;
  zh: string;
  en: string;
}

export interface AttachmentWire {
  id: string;
  slot: string;
  filename: string;
  sha256: string;
  mime: string;
  size: number;
  revision: number;
  replacesId: string | null;
  formVersion: number;
  uploadedAt: string;
  supersededAt: string | null;
}

export interface ApplicationEventWire {
  event: string;
  fromState: string;
  toState: string;
  actorRole: string | null;
  note: unknown;
  at: string;
}

export interface ExpertOpinionWire {
  chapters?: Record<string, string>;
  recommendation?: 'approve' | 'revise' | 'reject';
  comment?: string;
}

export interface ExpertAssignmentWire {
  expertId: string;
  name: string;
  organization: string;
  submitted: boolean;
  opinion: ExpertOpinionWire | null;
}

export interface OnsiteCheckWire {
  id: string;
  team: string[];
  date: string;
  findings: Record<string, string>;
  /** As sent by the server: the stored photos (see ApplicationDetail.attachments, slot onsite_photo). */
  photoIds: string[];
  conclusion: string;
  recordedAt: string;
}

export interface ProvincialOpinionWire {
  opinion?: string;
  handler?: string;
  head?: string;
  date?: string;
  filler?: string;
  phone?: string;
  email?: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  form: Record<string, unknown>;
  derived: Record<string, unknown>;
  check: ConditionsCheckWire;
  missing: MissingItemWire[];
  attachments: AttachmentWire[];
  provincialOpinion: ProvincialOpinionWire | null;
  outcomeReason: string | null;
  events: ApplicationEventWire[];
  versions: { version: number; submittedAt: string }[];
  experts: ExpertAssignmentWire[];
  onsiteChecks: OnsiteCheckWire[];
  actions: string[];
}

export interface TodoItem {
  kind: 'application' | 'notice' | 'annual_report' | 'supervision';
  id: string;
  title: string;
  titleEn: string;
  state: string;
  link: string;
  since: string;
}

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  titleEn: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NoticeEntry {
  id: string;
  seq: number;
  status: string;
  applicationId: string;
  enterpriseName: string;
  creditCode: string;
  regionCode: string;
  regionName: string;
  siteName: string;
  fields: string[];
}

export interface Notice {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  workingDays: number | null;
  status: string;
  entries: NoticeEntry[];
  /** all entries (lists embed only the first page of `entries`) */
  entryCount?: number;
  pendingObjections?: number;
}

export interface Objection {
  id: string;
  entryId: string;
  name: string;
  contact: string;
  reason: string;
  evidenceCount: number;
  filedAt: string;
  status: string;
  resolution: string | null;
}

export interface NoticeDetail extends Notice {
  objections: Objection[];
}

export interface AnnouncementEntry {
  seq: number;
  regionCode: string;
  regionName: string;
  enterpriseName: string;
  creditCode: string;
  siteName: string;
  fields: string[];
  status: string;
  /** 七(二)4: the day the entry was revoked. */
  revokedOn?: string | null;
  /** 七(二)3: confirmed changes of the listed facts. */
  history?: { on: string; fact: string; old: string; new: string }[];
}

export interface AnnouncementBatch {
  id: string;
  batchNo: number;
  docNumber: string;
  announcedOn: string;
  title: string;
  entries: AnnouncementEntry[];
  /** all entries (the list embeds only the first page of `entries`) */
  entryCount?: number;
}

export interface AnnouncedEnterprise {
  enterpriseName: string;
  creditCode: string;
  regionCode: string;
  regionName: string;
  siteName: string;
  fields: string[];
  batch: { batchNo: number; docNumber: string; announcedOn: string };
  history?: { on: string; fact: string; old: string; new: string }[];
}

// ---------------------------------------------------------------- errors

export interface ApiErrorDetail {
  field?: string;
  message?: string;
  messageEn?: string;
  [k: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string;
  readonly details: ApiErrorDetail[] | unknown;

  constructor(status: number, code: string, message: string, messageEn: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageEn = messageEn;
    this.details = details ?? null;
  }

  /** Validation details as a list, when the server sent one. */
  get fieldDetails(): ApiErrorDetail[] {
    return Array.isArray(this.details)
      ? (this.details as unknown[]).filter((d): d is ApiErrorDetail => typeof d === 'object' && d !== null)
      : [];
  }

  localized(locale: 'zh' | 'en'): string {
    if (locale === 'en') return this.messageEn || this.message;
    return this.message || this.messageEn;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// ---------------------------------------------------------------- csrf / 401

let lastCsrfToken: string | null = null;

export function rememberCsrfToken(token: string | null | undefined): void {
  if (token) lastCsrfToken = token;
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? lastCsrfToken;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (typeof window !== 'undefined' && window.location.pathname !== '/login') {
    window.location.assign('/login');
  }
};

/** The app installs a router-aware handler; the default does a full reload to /login. */
export function setUnauthorizedHandler(fn: UnauthorizedHandler): void {
  onUnauthorized = fn;
}

// ---------------------------------------------------------------- fetch

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api/') || path.startsWith('http') ? path : `${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

function isAuthPath(path: string): boolean {
  return path.startsWith('/auth/') || path.startsWith(`${API_BASE}/auth/`);
}

/** The public pages (no login): a 401 there must never send the visitor to /login. */
export function isPublicPagePath(pathname: string): boolean {
  return pathname === '/public' || pathname.startsWith('/public/') || pathname.startsWith('/p/');
}

function isPublicApiPath(path: string): boolean {
  return path.startsWith('/public/') || path.startsWith(`${API_BASE}/public/`);
}

function shouldRedirectOn401(path: string): boolean {
  if (isAuthPath(path) || isPublicApiPath(path)) return false;
  if (typeof window !== 'undefined' && isPublicPagePath(window.location.pathname)) return false;
  return true;
}

function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', '网络错误，请稍后重试', 'Network error, please try again later');
}

/** Turns a response into data or an ApiError (calling the 401 handler when appropriate). */
async function readResponse<T>(res: Response, path: string): Promise<T> {
  if (res.status === 204) return undefined as T;

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!res.ok) {
    const err = (data as { error?: Record<string, unknown> } | undefined)?.error;
    const apiErr = new ApiError(
      res.status,
      typeof err?.code === 'string' ? err.code : `HTTP_${res.status}`,
      typeof err?.message === 'string' ? err.message : `请求失败（${res.status}）`,
      typeof err?.messageEn === 'string' ? err.messageEn : `Request failed (${res.status})`,
      err?.details,
    );
    if (res.status === 401 && shouldRedirectOn401(path)) onUnauthorized();
    throw apiErr;
  }

  return data as T;
}

export async function apiFetch<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as { name?: string })?.name === 'AbortError') throw e;
    throw networkError();
  }
  return readResponse<T>(res, path);
}

/**
 * multipart/form-data POST (file uploads). The browser sets the boundary; the CSRF header goes along
 * like for every other write.
 */
export async function apiUpload<T>(path: string, form: FormData, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  let res: Response;
  try {
    res = await fetch(buildUrl(path), { method: 'POST', headers, credentials: 'same-origin', body: form, signal });
  } catch (e) {
    if ((e as { name?: string })?.name === 'AbortError') throw e;
    throw networkError();
  }
  return readResponse<T>(res, path);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiFetch<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiFetch<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiFetch<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiFetch<T>(path, { method: 'PUT', body }),
  del: <T = void>(path: string) => apiFetch<T>(path, { method: 'DELETE' }),
};
