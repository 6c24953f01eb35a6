/** Wire types (aliases of the generated OpenAPI types) and calls of the orders API (docs/trading.md "Orders"). */
import type { components } from '../../api/schema.gen';
import { client, unwrap, upload, type BodyOf, type QueryOf } from '../../api';

type Schemas = components['schemas'];
export type Order = Schemas['Order'];
export type OrderStatus = Order['status'];
export type TradeInEstimate = Schemas['TradeInEstimate'];
export type CreateOrderBody = BodyOf<'/api/v1/orders', 'post'>;
export type EstimateBody = BodyOf<'/api/v1/public/trade-in/estimate', 'post'>;
export type OrderListQuery = QueryOf<'/api/v1/orders'>;

const p = (id: string) => ({ params: { path: { id } } });

export const ORDER_STATUSES: OrderStatus[] = ['inquiry', 'quoted', 'placed', 'confirmed', 'paid', 'delivered', 'accepted', 'disputed', 'cancelled'];

export const orderApi = {
  list: (query: OrderListQuery, signal?: AbortSignal) => unwrap(client.GET('/api/v1/orders', { params: { query }, signal })),
  get: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/orders/{id}', { ...p(id), signal })),
  create: (body: CreateOrderBody) => unwrap(client.POST('/api/v1/orders', { body })),
  estimate: (body: EstimateBody) => unwrap(client.POST('/api/v1/public/trade-in/estimate', { body })),
  quote: (id: string, body: BodyOf<'/api/v1/orders/{id}/quote', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/quote', { ...p(id), body })),
  place: (id: string) => unwrap(client.POST('/api/v1/orders/{id}/place', p(id))),
  confirm: (id: string, body: BodyOf<'/api/v1/orders/{id}/confirm', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/confirm', { ...p(id), body })),
  cancel: (id: string, body: BodyOf<'/api/v1/orders/{id}/cancel', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/cancel', { ...p(id), body })),
  deliver: (id: string, body: BodyOf<'/api/v1/orders/{id}/deliver', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/deliver', { ...p(id), body })),
  accept: (id: string) => unwrap(client.POST('/api/v1/orders/{id}/accept', p(id))),
  dispute: (id: string, body: BodyOf<'/api/v1/orders/{id}/dispute', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/dispute', { ...p(id), body })),
  resolve: (id: string, body: BodyOf<'/api/v1/orders/{id}/resolve', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/resolve', { ...p(id), body })),
  invoice: (id: string, body: BodyOf<'/api/v1/orders/{id}/invoice', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/invoice', { ...p(id), body })),
  shipCore: (id: string, body: BodyOf<'/api/v1/orders/{id}/trade-in/ship', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/trade-in/ship', { ...p(id), body })),
  receiveCore: (id: string, body: BodyOf<'/api/v1/orders/{id}/trade-in/receive', 'post'>) => unwrap(client.POST('/api/v1/orders/{id}/trade-in/receive', { ...p(id), body })),
  settleTradeIn: (id: string) => unwrap(client.POST('/api/v1/orders/{id}/trade-in/settle', p(id))),
  /** multipart: amountCny, reference?, note? and the voucher file */
  pay: (id: string, form: FormData) => upload('/api/v1/orders/{id}/payments', { id }, form),
  decidePayment: (id: string, pid: string, confirm: boolean, note?: string) =>
    confirm
      ? unwrap(client.POST('/api/v1/orders/{id}/payments/{pid}/confirm', { params: { path: { id, pid } }, body: note ? { note } : {} }))
      : unwrap(client.POST('/api/v1/orders/{id}/payments/{pid}/reject', { params: { path: { id, pid } }, body: note ? { note } : {} })),
};

export const orderKeys = {
  all: ['orders'] as const,
  list: (q: Record<string, unknown>) => ['orders', 'list', q] as const,
  one: (id: string) => ['orders', 'one', id] as const,
};

/** Links of the order's documents (.docx downloads; the server checks who may read them). */
export const orderDoc = (id: string, file: 'contract' | 'delivery-note' | 'settlement') => `/api/v1/orders/${encodeURIComponent(id)}/${file}.docx`;
export const voucherHref = (id: string, pid: string) => `/api/v1/orders/${encodeURIComponent(id)}/payments/${encodeURIComponent(pid)}/voucher`;

// ---- leasing (docs/trading.md "Leasing")
export type Lease = Schemas['Lease'];
export type LeaseStatus = Lease['status'];
export type CreateLeaseBody = BodyOf<'/api/v1/leases', 'post'>;
export const leaseApi = {
  list: (query: QueryOf<'/api/v1/leases'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/leases', { params: { query }, signal })),
  get: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/leases/{id}', { ...p(id), signal })),
  create: (body: CreateLeaseBody) => unwrap(client.POST('/api/v1/leases', { body })),
  bill: (id: string, seq: number, readingHours?: number) =>
    unwrap(client.POST('/api/v1/leases/{id}/rents/{seq}/bill', { params: { path: { id, seq } }, body: readingHours === undefined ? {} : { readingHours } })),
  pay: (id: string, seq: number, reference?: string) => unwrap(client.POST('/api/v1/leases/{id}/rents/{seq}/pay', { params: { path: { id, seq } }, body: reference ? { reference } : {} })),
  terminate: (id: string, reason: string) => unwrap(client.POST('/api/v1/leases/{id}/terminate', { ...p(id), body: { reason } })),
  return: (id: string, body: BodyOf<'/api/v1/leases/{id}/return', 'post'>) => unwrap(client.POST('/api/v1/leases/{id}/return', { ...p(id), body })),
};
export const leaseKeys = {
  all: ['leases'] as const,
  list: (q: Record<string, unknown>) => ['leases', 'list', q] as const,
  one: (id: string) => ['leases', 'one', id] as const,
};
export const leaseStatement = (id: string) => `/api/v1/leases/${encodeURIComponent(id)}/statement.xlsx`;
