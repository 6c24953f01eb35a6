import { Input, Radio } from 'antd';
import { useT } from '../../../i18n';
import { RowEditor, useRequired } from './fields';
import type { StepModule, Work } from './types';

/** 评估: each part's decision — reuse, remanufacture, replace or scrap. */
function Fields() {
  const tt = useT();
  const req = useRequired();
  return (
    <RowEditor
      name="items"
      align="middle"
      rowTestId={(i) => `assess-row-${i}`}
      addInitial={{ decision: 'reuse' }}
      columns={[
        { field: 'epc', span: 10, label: tt('trace.partEpc'), rules: req, input: (i) => <Input data-testid={`f-item-epc-${i}`} /> },
        { field: 'name', span: 4, label: tt('trace.partName'), input: () => <Input disabled /> },
        {
          field: 'decision',
          span: 10,
          label: tt('trace.decision'),
          rules: req,
          input: (i) => (
            <Radio.Group
              data-testid={`f-decision-${i}`}
              optionType="button"
              size="small"
              options={(['reuse', 'remanufacture', 'replace', 'scrap'] as const).map((d) => ({ value: d, label: tt(`trace.decision.${d}`), 'data-testid': `f-decision-${i}-${d}` }))}
            />
          ),
        },
      ]}
    />
  );
}

type Item = { epc: string; decision: string };

export const assessment: StepModule = {
  Fields,
  initial: (work) => ({ items: (work.parts ?? []).map((p) => ({ epc: p.epc, name: p.name, decision: work.decisions?.[p.epc] ?? 'reuse' })) }),
  toBody: (v, common) => ({ ...common, items: ((v.items as Item[]) ?? []).filter((i) => i?.epc).map((i) => ({ epc: i.epc, decision: i.decision })) }),
  after: (_r, v) => ({ decisions: Object.fromEntries(((v.items as Item[]) ?? []).map((i) => [i.epc, i.decision])) as Work['decisions'] }),
};
