import type { MatrixWorld } from './index.js';

/**
 * Sample bodies for the trace write routes. Steps write into the caller's own enterprise only; the bodies name
 * objects no caller owns (an unknown EPC / a product code of nobody), which must answer 400/404, never 2xx on
 * someone else's object (the foreign enterprise's product where the matrix made one). The intake creates a new core in the caller's own stream (allowed).
 */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  // the foreign enterprise's own product (created in the matrix setup): steps on it must never succeed
  const epc = foreign.productEpc ?? `urn:reman-platform:core:MATRIX.${foreign.enterprise?.slice(0, 8) ?? 'x'}`;
  const code = foreign.productCode ?? 'RM0000000000000000';
  return {
    'POST /api/v1/trace/steps/intake': { name: '矩阵旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } },
    'POST /api/v1/trace/steps/inspection': { coreEpc: epc, grade: 'A', result: 'accepted', measurements: [] },
    'POST /api/v1/trace/steps/disassembly': { coreEpc: epc, parts: [{ name: '零件' }] },
    'POST /api/v1/trace/steps/cleaning': { epcs: [epc] },
    'POST /api/v1/trace/steps/assessment': { items: [{ epc, decision: 'reuse' }] },
    'POST /api/v1/trace/steps/process': { epcs: [epc], process: 'machining' },
    'POST /api/v1/trace/steps/reassembly': { name: '矩阵产品', inputs: [{ epc, origin: 'reused', name: '零件', massKg: 1, valueCny: 1 }] },
    'POST /api/v1/trace/steps/test': { code, result: 'pass', measurements: [] },
    'POST /api/v1/trace/steps/marking': { code },
    'POST /api/v1/trace/steps/shipping': { codes: [code] },
    'POST /api/v1/trace/steps/sale': { code, customerName: '矩阵客户' },
    'POST /api/v1/trace/steps/lease': { code, lesseeName: '矩阵承租人' },
    'POST /api/v1/trace/steps/installation': { code, location: '矩阵' },
    'POST /api/v1/trace/steps/removal': { code },
    'POST /api/v1/trace/products/:code/status': { status: 'revoked', reason: '矩阵作废' },
    'POST /api/v1/trace/import/:step': undefined,
  };
}
