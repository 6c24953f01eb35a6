/** Wire types (aliases of the generated OpenAPI types) and calls of the market API (docs/trading.md), for the market pages. */
import type { components } from '../../api/schema.gen';
import { client, unwrap, type BodyOf, type QueryOf } from '../../api';

type Schemas = components['schemas'];
export type ListingSummary = Schemas['ListingSummary'];
export type ListingDetail = Schemas['ListingDetail'];
export type PublicListingsQuery = QueryOf<'/api/v1/public/listings'>;
export type CreateListingBody = BodyOf<'/api/v1/listings', 'post'>;
export type RegisterBody = BodyOf<'/api/v1/public/register', 'post'>;

const id = (i: string) => ({ params: { path: { id: i } } });

export const marketApi = {
  search: (query: PublicListingsQuery, signal?: AbortSignal) => unwrap(client.GET('/api/v1/public/listings', { params: { query }, signal })),
  listing: (i: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/public/listings/{id}', { ...id(i), signal })),
  mine: (query: QueryOf<'/api/v1/listings'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/listings', { params: { query }, signal })),
  create: (body: CreateListingBody) => unwrap(client.POST('/api/v1/listings', { body })),
  withdraw: (i: string, reason?: string) => unwrap(client.POST('/api/v1/listings/{id}/withdraw', { ...id(i), body: reason ? { reason } : {} })),
  register: (body: RegisterBody) => unwrap(client.POST('/api/v1/public/register', { body })),
  /** the seller's genuine products (trace), for the product picker */
  genuineProducts: (q: string | undefined, signal?: AbortSignal) =>
    unwrap(client.GET('/api/v1/trace/products', { params: { query: { status: 'issued', pageSize: 100, page: 1, ...(q ? { q } : {}) } }, signal })),
};

export const marketKeys = {
  search: (q: Record<string, unknown>) => ['public', 'listings', q] as const,
  listing: (i: string) => ['public', 'listing', i] as const,
  mine: (q: Record<string, unknown>) => ['listings', 'mine', q] as const,
  mineAll: ['listings'] as const,
  products: (q: string) => ['listings', 'products', q] as const,
};

export { formatCny } from '../../format';

/** 0.417 → "41.7%" */
export const formatShare = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
