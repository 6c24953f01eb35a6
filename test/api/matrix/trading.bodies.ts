import { makeCreditCode as creditCode } from '../../../src/domain/credit-code.js';
import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/**
 * 交易服务 (issue 13): buyer registration, listings (orders in orders.bodies below). The negative bodies aim at the
 * foreign enterprise's product and listing: nobody but its own users may list or withdraw them.
 */
let n = 0;
const registration = () => {
  n++;
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body9 = 'MA' + Array.from({ length: 7 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  return { orgName: `矩阵采购单位${n}`, creditCode: creditCode('110105', body9), contactName: '矩阵', phone: '010-12345678', username: `m-reg-${Date.now().toString(36)}-${n}`, password: 'Matrix-pass-2026' };
};

export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/public/register': registration(),
    'POST /api/v1/listings': { productCode: foreign.productCode ?? 'RM0000000000000000', title: '矩阵商品', priceCny: 1000 },
    'POST /api/v1/listings/:id/withdraw': { reason: '矩阵下架' },
  };
}

const step = (w: PositiveWorld, name: string, body: unknown) => w.must('enterprise_staff', 'POST', `/api/v1/trace/steps/${name}`, body);
/** A fresh product of the home enterprise. */
export async function homeProduct(w: PositiveWorld, name = '矩阵再制造发动机'): Promise<{ code: string; epc: string }> {
  const core = (await step(w, 'intake', { name: '矩阵旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } })).coreEpc as string;
  const p = (await step(w, 'reassembly', { name, model: 'M-1', inputs: [{ epc: core, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }] })).product;
  return { code: p.code, epc: p.epc };
}
/** A fresh active listing of the home enterprise. */
export async function homeListing(w: PositiveWorld): Promise<{ id: string; code: string }> {
  const p = await homeProduct(w);
  const l = await w.must('enterprise_staff', 'POST', '/api/v1/listings', { productCode: p.code, title: '矩阵再制造发动机', priceCny: 1000 });
  return { id: l.id, code: p.code };
}

export const positive: Record<string, Positive> = {
  'GET /api/v1/market/statistics': { as: 'authority_reviewer', query: 'from=2026-01-01' },
  'POST /api/v1/public/register': () => Promise.resolve({ as: 'public', body: registration() }),
  'GET /api/v1/buyer-orgs': { as: 'ministry_admin', query: 'kind=insurer' },
  'GET /api/v1/public/listings': { as: 'public', query: 'q=发动机' },
  'GET /api/v1/public/listings/:id': async (w) => ({ as: 'public', params: { id: (await w.once('trading-listing', () => homeListing(w))).id } }),
  'GET /api/v1/listings': { as: 'enterprise_staff' },
  'POST /api/v1/listings': async (w) => ({ as: 'enterprise_admin', body: { productCode: (await homeProduct(w)).code, title: '矩阵上架', priceCny: 999.5 } }),
  'POST /api/v1/listings/:id/withdraw': async (w) => ({ as: 'enterprise_admin', params: { id: (await homeListing(w)).id }, body: { reason: '矩阵下架' } }),
};
