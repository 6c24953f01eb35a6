import { Input, Typography } from 'antd';
import { useT } from '../../../i18n';
import { RowEditor, TextField } from './fields';
import type { StepModule } from './types';

/** 拆解: the parts taken out of the core (name, part number, their own EPC if they carry one). */
function Fields() {
  const tt = useT();
  return (
    <>
      <TextField name="coreEpc" label={tt('trace.coreEpc')} />
      <Typography.Text strong>{tt('trace.parts')}</Typography.Text>
      <RowEditor
        name="parts"
        removeSpan={2}
        addInitial={{}}
        addTestId="add-part"
        columns={[
          { field: 'name', span: 8, label: tt('trace.partName'), input: (i) => <Input data-testid={`f-part-name-${i}`} /> },
          { field: 'partNo', span: 6, label: tt('trace.partNo'), input: (i) => <Input data-testid={`f-part-no-${i}`} /> },
          { field: 'epc', span: 8, label: tt('trace.partEpc'), input: (i) => <Input data-testid={`f-part-epc-${i}`} placeholder="—" /> },
        ]}
      />
    </>
  );
}

export const disassembly: StepModule = {
  Fields,
  initial: (work) => ({ coreEpc: work.coreEpc, parts: [{}, {}, {}] }),
  toBody: (v, common) => ({
    ...common,
    coreEpc: v.coreEpc,
    parts: ((v.parts as Array<{ name?: string; partNo?: string; epc?: string }>) ?? []).filter((p) => p?.name).map((p) => ({ name: p.name, partNo: p.partNo || undefined, epc: p.epc || undefined })),
  }),
  after: (r) => (r.parts ? { parts: r.parts } : {}),
};
