/**
 * The web app's one HTTP client: openapi-fetch over the generated `paths` (schema.gen.ts, `npm run gen:api`).
 *
 * - JSON in and out, `credentials: 'same-origin'` (session cookie reman_session).
 * - Non-GET requests carry `x-csrf-token` = cookie `reman_csrf` (double submit);
 *   the token from the last login / me response is the fallback.
 * - A 401 from anything but /auth/* and /public/* (or while a public page is open) calls the
 *   unauthorized handler (→ /login).
 * - Errors are thrown as ApiError {status, code, message, messageEn, details}; `unwrap()` then gives the
 *   success body with its generated type.
 *
 * Multipart uploads and binary downloads use the two small helpers at the end, typed by the same paths.
 */
import { bilingual, type Locale } from '../i18n';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen';

export const API_BASE = '/api/v1';
export const CSRF_COOKIE = 'reman_csrf';
export const CSRF_HEADER = 'x-csrf-token';

// ---------------------------------------------------------------- types from the generated paths

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The API paths that answer `M`. */
export type PathWith<M extends Method> = { [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never }[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P] extends { [K in M]: infer O } ? O : never;
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<O> = O extends { responses: infer R } ? R : never;
/** The JSON body of the success response (200, 201 or 202) of `M path`. */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> = JsonContent<Responses<Operation<P, M>>[200 & keyof Responses<Operation<P, M>>]> extends never
  ? JsonContent<Responses<Operation<P, M>>[(201 | 202) & keyof Responses<Operation<P, M>>]>
  : JsonContent<Responses<Operation<P, M>>[200 & keyof Responses<Operation<P, M>>]>;
/** The JSON request body of `M path`. */
export type BodyOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;
/** The query parameters of `GET path`. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

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

  localized(locale: Locale): string {
    return bilingual(locale, this.message, this.messageEn);
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

/** The public pages (no login): a 401 there must never send the visitor to /login. */
export function isPublicPagePath(pathname: string): boolean {
  return pathname === '/public' || pathname.startsWith('/public/') || pathname.startsWith('/p/');
}

function shouldRedirectOn401(apiPath: string): boolean {
  if (apiPath.startsWith(`${API_BASE}/auth/`) || apiPath.startsWith(`${API_BASE}/public/`)) return false;
  if (typeof window !== 'undefined' && isPublicPagePath(window.location.pathname)) return false;
  return true;
}

function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', '网络错误，请稍后重试', 'Network error, please try again later');
}

/** A failed response as an ApiError (calling the 401 handler when appropriate). */
async function errorOf(res: Response, apiPath: string): Promise<ApiError> {
  let data: unknown;
  try {
    data = JSON.parse(await res.text());
  } catch {
    data = undefined;
  }
  const err = (data as { error?: Record<string, unknown> } | undefined)?.error;
  const apiErr = new ApiError(
    res.status,
    typeof err?.code === 'string' ? err.code : `HTTP_${res.status}`,
    typeof err?.message === 'string' ? err.message : `请求失败（${res.status}）`,
    typeof err?.messageEn === 'string' ? err.messageEn : `Request failed (${res.status})`,
    err?.details,
  );
  if (res.status === 401 && shouldRedirectOn401(apiPath)) onUnauthorized();
  return apiErr;
}

function withCsrf(headers: Headers, method: string): void {
  if (method === 'GET' || method === 'HEAD') return;
  const token = csrfToken();
  if (token) headers.set(CSRF_HEADER, token);
}

const isAbort = (e: unknown) => (e as { name?: string })?.name === 'AbortError';

// ---------------------------------------------------------------- the typed client

/** Query strings as the API reads them: empty values left out, lists comma-separated. */
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return params.toString();
}

const behaviour: Middleware = {
  onRequest({ request }) {
    withCsrf(request.headers, request.method);
  },
  async onResponse({ response, schemaPath }) {
    if (!response.ok) throw await errorOf(response, schemaPath);
  },
  onError({ error }) {
    return isAbort(error) ? (error as Error) : networkError();
  },
};

export const client = createClient<paths>({
  baseUrl: typeof window !== 'undefined' ? window.location.origin : '',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  querySerializer,
});
client.use(behaviour);

/**
 * The success body of a client call (errors were already thrown as ApiError by the middleware):
 * `const e = await unwrap(client.GET('/api/v1/enterprises/{id}', { params: { path: { id } } }))`.
 */
export async function unwrap<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

// ---------------------------------------------------------------- multipart and binary

async function send(path: string, init: RequestInit & { method: string; headers: Headers }): Promise<Response> {
  withCsrf(init.headers, init.method);
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw networkError();
  }
  if (!res.ok) throw await errorOf(res, path);
  return res;
}

/** Fills `{name}` placeholders of an API path. */
export function apiPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k] ?? '')));
}

/**
 * multipart/form-data POST (file uploads) to a path of the API (its answer typed by the generated paths).
 * The browser sets the boundary; the CSRF header goes along like for every other write.
 */
export async function upload<P extends PathWith<'post'>>(path: P, params: Record<string, string | number>, form: FormData, signal?: AbortSignal, query?: Record<string, string>): Promise<ResponseOf<P, 'post'>> {
  const qs = query ? `?${new URLSearchParams(query).toString()}` : '';
  const res = await send(apiPath(path, params) + qs, { method: 'POST', headers: new Headers({ accept: 'application/json' }), body: form, signal });
  return (await res.json()) as ResponseOf<P, 'post'>;
}

/** A binary answer (PDF, PNG, .xlsx) of a JSON POST, as a Blob. */
export async function postForBlob<P extends PathWith<'post'>>(path: P, body: BodyOf<P, 'post'>): Promise<Blob> {
  const res = await send(path, { method: 'POST', headers: new Headers({ 'content-type': 'application/json' }), body: JSON.stringify(body) });
  return res.blob();
}
