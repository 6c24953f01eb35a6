/** Wire types (aliases of the generated OpenAPI types) and calls of the insurance API (docs/trading.md "Insurance"). */
import type { components } from '../../api/schema.gen';
import { client, unwrap, type BodyOf, type QueryOf } from '../../api';

type Schemas = components['schemas'];
export type InsurancePolicy = Schemas['InsurancePolicy'];
export type InsuranceClaim = Schemas['InsuranceClaim'];
export type InsuranceFigures = Schemas['InsuranceFigures'];
export type PublicUnitInsurance = Schemas['PublicUnitInsurance'];
export type RecordPolicyBody = BodyOf<'/api/v1/insurance/policies', 'post'>;
export type DecideClaimBody = BodyOf<'/api/v1/insurance/claims/{caseId}/decide', 'post'>;
export type ClaimStatus = InsuranceClaim['status'];

export const insuranceApi = {
  policies: (query: QueryOf<'/api/v1/insurance/policies'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/insurance/policies', { params: { query }, signal })),
  policy: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/insurance/policies/{id}', { params: { path: { id } }, signal })),
  record: (body: RecordPolicyBody) => unwrap(client.POST('/api/v1/insurance/policies', { body })),
  claims: (query: QueryOf<'/api/v1/insurance/claims'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/insurance/claims', { params: { query }, signal })),
  decide: (caseId: string, body: DecideClaimBody) => unwrap(client.POST('/api/v1/insurance/claims/{caseId}/decide', { params: { path: { caseId } }, body })),
  figures: (signal?: AbortSignal) => unwrap(client.GET('/api/v1/insurance/figures', { signal })),
  /** public: insurer, number, cover and term of a unit's policies (no holder, no premium) */
  ofUnit: (code: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/public/insurance/{code}', { params: { path: { code } }, signal })),
};

export const insuranceKeys = {
  all: ['insurance'] as const,
  policies: (q: Record<string, unknown>) => ['insurance', 'policies', q] as const,
  policy: (id: string) => ['insurance', 'policy', id] as const,
  claims: (q: Record<string, unknown>) => ['insurance', 'claims', q] as const,
  figures: ['insurance', 'figures'] as const,
  /** under 'public' so that a write's invalidation of public answers reaches it */
  ofUnit: (code: string) => ['public', 'insurance', code] as const,
};

export const CLAIM_STATUS_COLOR: Record<ClaimStatus, string> = { pending: 'gold', accepted: 'green', rejected: 'default' };
