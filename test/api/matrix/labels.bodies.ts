import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** Sample body for the label sheet route: a code no caller owns (foreign or unknown products answer 404). */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/trace/labels.pdf': { codes: [`RM-MATRIX-${foreign.enterprise?.slice(0, 8) ?? 'X'}`] },
  };
}

/** A labelled product of the home enterprise, made through the steps API (facts a label needs: standard number). */
const labelled = (w: PositiveWorld) =>
  w.once('label-product', async () => {
    const step = (name: string, body: unknown) => w.must('enterprise_staff', 'POST', `/api/v1/trace/steps/${name}`, body);
    const { coreEpc } = await step('intake', { name: '标识旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } });
    const [part] = (await step('disassembly', { coreEpc, parts: [{ name: '缸体' }] })).parts as { epc: string }[];
    await step('assessment', { items: [{ epc: part!.epc, decision: 'reuse' }] });
    const { product } = await step('reassembly', { name: '标识产品', standardNo: 'GB/T 28672-2012', inputs: [{ epc: part!.epc, origin: 'reused', name: '缸体', massKg: 10, valueCny: 100 }] });
    return product.code as string;
  });

/** Positive cases of product labels. */
export const positive: Record<string, Positive> = {
  'GET /api/v1/trace/products/:code/label.png': async (w) => ({ as: 'enterprise_token', params: { code: await labelled(w) } }),
  'GET /api/v1/trace/products/:code/label.svg': async (w) => ({ as: 'enterprise_token', params: { code: await labelled(w) } }),
  'POST /api/v1/trace/labels.pdf': async (w) => ({ as: 'enterprise_staff', body: { codes: [await labelled(w)] } }),
};
