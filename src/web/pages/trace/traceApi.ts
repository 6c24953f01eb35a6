/** Wire types (aliases of the generated OpenAPI types) and calls of the trace API (docs/traceability.md), for the trace pages. */
import type { components } from '../../api/schema.gen';
import { API_BASE, client, postForBlob, unwrap, upload, type QueryOf, type ResponseOf } from '../../api';

type Schemas = components['schemas'];

export const STEP_KINDS = ['intake', 'inspection', 'disassembly', 'cleaning', 'assessment', 'process', 'reassembly', 'test', 'marking', 'shipping', 'sale', 'lease', 'installation', 'removal'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
type StepPath = `/api/v1/trace/steps/${StepKind}`;

export type ProductSummary = Schemas['TraceProductSummary'];
export type ProductStatus = ProductSummary['status'];
export type ProductDetail = Schemas['TraceProductDetail'];
export type Label = ProductDetail['steps'][number]['label'];
export type StepResult = Schemas['TraceStepResult'];
export type TraceTree = Schemas['TraceTree'];
export type TraceNode = TraceTree['root'];
export type RecallItem = Schemas['TraceRecall']['items'][number];
/** How far the trace tables follow an enterprise's EPCIS event stream (large MES captures are projected after commit). */
export type ProjectionStatus = ResponseOf<'/api/v1/trace/projection'>['items'][number];
export type ImportJob = ResponseOf<'/api/v1/trace/import/jobs/{id}'>['job'];
export type PublicProduct = Schemas['PublicProduct'];

const enc = encodeURIComponent;

/** A fresh Idempotency-Key (random; `crypto.randomUUID` needs a secure context, `getRandomValues` does not). */
export function newRequestKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
const code = (c: string) => ({ params: { path: { code: c } } });

export const traceApi = {
  /** the body is the step form's (pages/trace/steps/<step> toBody); the server validates it against the step's schema */
  step: (kind: StepKind, body: unknown, requestKey?: string) =>
    unwrap(client.POST(`/api/v1/trace/steps/${kind}` as StepPath, { body: body as never, params: { header: requestKey ? { 'idempotency-key': requestKey } : {} } })),
  products: (query: QueryOf<'/api/v1/trace/products'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/trace/products', { params: { query }, signal })),
  product: (c: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/trace/products/{code}', { ...code(c), signal })),
  setStatus: (c: string, status: 'revoked' | 'recalled', reason: string) => unwrap(client.POST('/api/v1/trace/products/{code}/status', { ...code(c), body: { status, reason } })),
  tree: (c: string, direction: 'up' | 'down', signal?: AbortSignal) => unwrap(client.GET('/api/v1/trace/{code}', { params: { path: { code: c }, query: { direction } }, signal })),
  recallTargets: (q: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/trace/recall/targets', { params: { query: { q } }, signal })),
  recall: (query: { lot?: string; core?: string }, signal?: AbortSignal) => unwrap(client.GET('/api/v1/trace/recall', { params: { query }, signal })),
  ledger: (query: QueryOf<'/api/v1/trace/ledger'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/trace/ledger', { params: { query }, signal })),
  importJob: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/trace/import/jobs/{id}', { params: { path: { id } }, signal })),
  projection: (signal?: AbortSignal) => unwrap(client.GET('/api/v1/trace/projection', { signal })),
  publicProduct: (c: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/public/products/{code}', { ...code(c), signal })),
  importFile: (step: string, form: FormData) => upload('/api/v1/trace/import/{step}', { step }, form),
};

export const labelPngUrl = (code: string) => `${API_BASE}/trace/products/${enc(code)}/label.png`;
export const labelSvgUrl = (code: string) => `${API_BASE}/trace/products/${enc(code)}/label.svg`;
export const recallXlsxUrl = (q: { lot?: string; core?: string }) => `${API_BASE}/trace/recall?${new URLSearchParams({ ...q, format: 'xlsx' } as Record<string, string>)}`;
export const ledgerXlsxUrl = (q: Record<string, string | undefined>) =>
  `${API_BASE}/trace/ledger?${new URLSearchParams(Object.fromEntries(Object.entries({ ...q, format: 'xlsx' }).filter(([, v]) => v)) as Record<string, string>)}`;
export const templateUrl = (step: string, format: 'xlsx' | 'csv') => `${API_BASE}/trace/import/templates/${enc(step)}?format=${format}`;
export const importUrl = (step: string) => `${API_BASE}/trace/import/${enc(step)}`;

/** POST the codes and hand the returned PDF to the browser (a new tab to print, or a download). */
export function downloadLabelsPdf(codes: string[]): Promise<Blob> {
  return postForBlob('/api/v1/trace/labels.pdf', { codes });
}
