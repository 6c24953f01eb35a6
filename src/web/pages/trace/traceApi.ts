/** Wire types and calls of the trace API (/tmp/trace-api.md → docs/traceability.md), for the trace pages. */
import { api, API_BASE, ApiError, csrfToken } from '../../api';

export interface Label {
  zh: string;
  en: string;
}
export interface Measurement {
  name: string;
  value: number;
  unit?: string;
}
export const STEP_KINDS = ['intake', 'inspection', 'disassembly', 'cleaning', 'assessment', 'process', 'reassembly', 'test', 'marking', 'shipping', 'sale', 'lease', 'installation', 'removal'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export type ProductStatus = 'issued' | 'revoked' | 'recalled';

export interface ProductSummary {
  code: string;
  epc: string;
  gtin: string | null;
  digitalLink: string | null;
  verifyPath: string;
  enterpriseId: string;
  enterpriseName: string;
  name: string;
  model: string | null;
  serial: string;
  life: number;
  status: ProductStatus;
  state: string;
  productionDate: string;
  standardNo: string | null;
  warrantyMonths: number | null;
  massRate: number | null;
  valueRate: number | null;
  formulaVersion: string | null;
}

export interface StepResult {
  step: StepKind;
  eventIds: string[];
  eventTime: string;
  epcs: string[];
  product?: ProductSummary;
  parts?: { epc: string; name: string }[];
  coreEpc?: string;
}

export interface ProductDetail extends ProductSummary {
  lives: { life: number; productCode: string | null; productionDate: string | null }[];
  remanufacturedTimes: number;
  originalComponents: { key: string; name: string | null; kind: string }[];
  inputs: { key: string; name: string | null; origin: 'reused' | 'remanufactured' | 'new'; quantity: number; massKg: number; valueCny: number }[];
  steps: { eventId: string; time: string; kind: string; label: Label; bizStep: string | null; disposition: string | null; objectKey: string; erroneous: boolean }[];
  owner: { id: string; name: string | null } | null;
  possessor: { id: string; name: string | null } | null;
  installation: { location: string; equipment: string | null; time: string } | null;
  enterpriseAddress: string;
}

export interface TraceNode {
  key: string;
  kind: 'core' | 'part' | 'product' | 'lot' | 'other';
  name: string | null;
  productCode: string | null;
  life: number | null;
}
export interface TraceTree {
  root: TraceNode;
  direction: 'up' | 'down';
  depth: number;
  nodes: (TraceNode & { depth: number })[];
  edges: { parent: string; child: string; kind: string; eventId: string; validFrom: string; validTo: string | null }[];
  truncated: boolean;
}

export interface RecallItem {
  code: string;
  name: string;
  model: string | null;
  serial: string;
  life: number;
  status: ProductStatus;
  state: string;
  productionDate: string;
  owner: string | null;
  possessor: string | null;
  installation: string | null;
  enterpriseName: string;
}

/** How far the trace tables follow an enterprise's EPCIS event stream (large MES captures are projected after commit). */
export interface ProjectionStatus {
  enterpriseId: string;
  projectedSeq: number;
  headSeq: number;
  lag: number;
  updatedAt: string;
  lastError: string | null;
  failedAt: string | null;
}

export interface ImportJob {
  id: string;
  step: string;
  status: 'running' | 'succeeded' | 'failed';
  processed: number;
  total: number;
  errors: { sheet: string; row: number; column: string; message: string; messageEn: string }[];
  createdAt: string;
  finishedAt: string | null;
}

export interface PublicProduct {
  code: string;
  genuine: boolean;
  /** superseded: remanufactured into `successor`; disassembled: taken in as a core and disassembled */
  status: ProductStatus | 'superseded' | 'disassembled';
  statusLabel: Label;
  successor: { code: string; verifyPath: string } | null;
  enterprise: { name: string; announced: boolean };
  name: string;
  model: string | null;
  productionDate: string;
  standardNo: string | null;
  warrantyMonths: number | null;
  life: number;
  massRate: number | null;
  valueRate: number | null;
  formulaVersion: string | null;
  steps: { date: string; kind: string; label: Label }[];
}

const enc = encodeURIComponent;

export const traceApi = {
  step: <T = StepResult>(kind: StepKind, body: unknown) => api.post<T>(`/trace/steps/${kind}`, body),
  products: (q: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    api.get<{ items: ProductSummary[]; total: number; page: number; pageSize: number }>('/trace/products', q, signal),
  product: (code: string, signal?: AbortSignal) => api.get<ProductDetail>(`/trace/products/${enc(code)}`, undefined, signal),
  setStatus: (code: string, status: 'revoked' | 'recalled', reason: string) => api.post<ProductSummary>(`/trace/products/${enc(code)}/status`, { status, reason }),
  tree: (code: string, direction: 'up' | 'down', signal?: AbortSignal) => api.get<TraceTree>(`/trace/${enc(code)}`, { direction }, signal),
  recall: (q: { lot?: string; core?: string }, signal?: AbortSignal) => api.get<{ items: RecallItem[] }>('/trace/recall', q, signal),
  ledger: (q: Record<string, string | undefined>, signal?: AbortSignal) => api.get<Record<string, unknown>>('/trace/ledger', q, signal),
  importJob: (id: string, signal?: AbortSignal) => api.get<{ job: ImportJob }>(`/trace/import/jobs/${enc(id)}`, undefined, signal),
  projection: (signal?: AbortSignal) => api.get<{ items: ProjectionStatus[] }>('/trace/projection', undefined, signal),
  publicProduct: (code: string, signal?: AbortSignal) => api.get<PublicProduct>(`/public/products/${enc(code)}`, undefined, signal),
};

export const labelPngUrl = (code: string) => `${API_BASE}/trace/products/${enc(code)}/label.png`;
export const labelSvgUrl = (code: string) => `${API_BASE}/trace/products/${enc(code)}/label.svg`;
export const recallXlsxUrl = (q: { lot?: string; core?: string }) => `${API_BASE}/trace/recall?${new URLSearchParams({ ...q, format: 'xlsx' } as Record<string, string>)}`;
export const ledgerXlsxUrl = (q: Record<string, string | undefined>) =>
  `${API_BASE}/trace/ledger?${new URLSearchParams(Object.fromEntries(Object.entries({ ...q, format: 'xlsx' }).filter(([, v]) => v)) as Record<string, string>)}`;
export const templateUrl = (step: string, format: 'xlsx' | 'csv') => `${API_BASE}/trace/import/templates/${enc(step)}?format=${format}`;
export const importUrl = (step: string) => `${API_BASE}/trace/import/${enc(step)}`;

/** POST the codes and hand the returned PDF to the browser (a new tab to print, or a download). */
export async function downloadLabelsPdf(codes: string[]): Promise<Blob> {
  const res = await fetch(`${API_BASE}/trace/labels.pdf`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() ?? '' },
    body: JSON.stringify({ codes }),
  });
  if (!res.ok) {
    let err: { code?: string; message?: string; messageEn?: string; details?: unknown } = {};
    try {
      err = ((await res.json()) as { error?: typeof err }).error ?? {};
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? `请求失败（${res.status}）`, err.messageEn ?? `Request failed (${res.status})`, err.details);
  }
  return res.blob();
}
