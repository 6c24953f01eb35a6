import type { ReactNode } from 'react';
import { useT, type TFunction } from '../../../i18n';
import { TextField } from './fields';
import type { StepModule, Values, Work } from './types';

/**
 * The steps on one product named by its code, with a few text fields each: marking, sale, lease, installation and
 * removal (each is a few lines; they share this shape rather than a file each).
 */
function productStep(fields: (tt: TFunction) => { name: string; label: ReactNode; required?: boolean }[], body: (v: Values) => object, after?: StepModule['after']): StepModule {
  function Fields() {
    const tt = useT();
    return (
      <>
        <TextField name="code" label={tt('trace.productCode')} />
        {fields(tt).map((f) => (
          <TextField key={f.name} {...f} />
        ))}
      </>
    );
  }
  return { Fields, initial: (work: Work) => ({ code: work.productCode }), toBody: (v, common) => ({ ...common, code: v.code, ...body(v) }), after };
}

/** 标识: the label of the product (its image and downloads show after recording). */
export const marking = productStep(() => [], () => ({}));
/** 销售 */
export const sale = productStep((tt) => [{ name: 'customerName', label: tt('trace.customer') }], (v) => ({ customerName: v.customerName }));
/** 租赁 */
export const lease = productStep((tt) => [{ name: 'lesseeName', label: tt('trace.lessee') }], (v) => ({ lesseeName: v.lesseeName }));
/** 安装 */
export const installation = productStep(
  (tt) => [{ name: 'location', label: tt('trace.location') }, { name: 'equipment', label: tt('trace.equipment'), required: false }],
  (v) => ({ location: v.location, equipment: v.equipment || undefined }),
);
/** 拆卸: the product leaves service; its EPC is taken in as the core of its next life. */
export const removal = productStep(
  (tt) => [{ name: 'reason', label: tt('trace.reason'), required: false }],
  (v) => ({ reason: v.reason || undefined }),
  (r, v, work) => ({ nextLifeEpc: r.product?.epc ?? (v.code as string), nextLifeName: r.product ? `旧${r.product.name.replace(/^再制造/, '')}` : work.coreName, parts: [], decisions: {}, productCode: undefined }),
);
