/// <reference types="vite/client" />
/**
 * Sample bodies for the routes × roles matrix, one file per capability (`<area>.bodies.ts`), so that
 * each module adds its routes without touching the matrix itself. Each file exports
 *   - `bodies(world)`: `{ 'METHOD /url/:param': body }` for write routes, aimed at foreign objects where it can
 *     (the negative matrix: nobody but the right caller gets a 2xx);
 *   - `positive`: `{ 'METHOD /url/:param': case }` — the positive case of EVERY route (GET too): which caller gets a
 *     2xx, on which of its own objects, with which valid body. A route without one fails the matrix by name.
 *     The usual case is one line: `'GET /api/v1/things': { as: 'enterprise_staff' }`
 *     or, when the object has to be made first, a function of the world (`async (w) => ({ as, params, body })`).
 */
import type { Actor } from '../../../src/server/platform/principal.js';
import type { TestApp } from '../../support/app.js';

export interface MatrixWorld {
  home: Record<string, string>;
  foreign: Record<string, string>;
}

export interface UploadFile {
  name: string;
  data: Buffer;
  type?: string;
  /** form field name (default "file") */
  field?: string;
}

export interface PositiveCase {
  /** the caller, on the home side (Guangdong enterprise A, 广东省 authority, MIIT, an expert) */
  as: Actor;
  /** path parameters by name; any not given come from the home world (its enterprise, site, application…) */
  params?: Record<string, string>;
  /** query string without "?" */
  query?: string;
  /** JSON body */
  body?: unknown;
  /** multipart/form-data instead of a JSON body */
  form?: { fields?: Record<string, string | string[]>; files?: UploadFile[] };
  /** replaces the caller's session headers (a fresh user whose password the case changes) */
  headers?: Record<string, string>;
}

type Res = Awaited<ReturnType<TestApp['inject']>>;

/** What a positive case may use to make its object first. */
export interface PositiveWorld extends MatrixWorld {
  app: TestApp;
  username(actor: Actor): string;
  /** a request as a home caller; `must` throws unless it answers 2xx and returns the JSON body */
  call(actor: Actor, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  must(actor: Actor, method: string, url: string, body?: unknown): Promise<any>;
  upload(actor: Actor | null, url: string, form: NonNullable<PositiveCase['form']>): Promise<Res>;
  /** run `make` once per key for the whole matrix (shared fixtures such as a product or an application stage) */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** move the platform clock forward (公示 windows, hearing periods) */
  advanceDays(days: number): void;
}

export type Positive = PositiveCase | ((w: PositiveWorld) => Promise<PositiveCase>);

type AreaModule = { bodies?: (w: MatrixWorld) => Record<string, unknown>; positive?: Record<string, Positive> };

const areas = import.meta.glob<AreaModule>('./*.bodies.ts', { eager: true });

export function areaBodies(world: MatrixWorld): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [file, mod] of Object.entries(areas)) {
    for (const [key, body] of Object.entries(mod.bodies?.(world) ?? {})) {
      if (key in out) throw new Error(`routes-matrix: ${key} has a sample body in two files (${file})`);
      out[key] = body;
    }
  }
  return out;
}

export function positiveCases(): Record<string, Positive> {
  const out: Record<string, Positive> = {};
  for (const [file, mod] of Object.entries(areas)) {
    for (const [key, c] of Object.entries(mod.positive ?? {})) {
      if (key in out) throw new Error(`routes-matrix: ${key} has a positive case in two files (${file})`);
      out[key] = c;
    }
  }
  return out;
}

/** multipart/form-data for app.inject */
export function multipart(form: NonNullable<PositiveCase['form']>) {
  const boundary = '----matrix' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(form.fields ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
  }
  for (const f of form.files ?? []) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
