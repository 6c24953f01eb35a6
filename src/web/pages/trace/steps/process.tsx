import { Form, Input, Select } from 'antd';
import { useT } from '../../../i18n';
import { useRequired } from './fields';
import { lines, type StepModule } from './types';

/** 再制造加工: the parts to remanufacture, the process and its parameters. */
function Fields() {
  const tt = useT();
  const req = useRequired();
  return (
    <>
      <Form.Item name="epcs" label={tt('trace.epcs')} rules={req}>
        <Input.TextArea rows={4} data-testid="f-epcs" />
      </Form.Item>
      <Form.Item name="process" label={tt('trace.process')} rules={req}>
        <Select data-testid="f-process" options={(['laser_cladding', 'thermal_spraying', 'machining', 'upgrade', 'other'] as const).map((p) => ({ value: p, label: tt(`trace.process.${p}`) }))} />
      </Form.Item>
      <Form.Item name="parameters" label={tt('trace.parameters')}>
        <Input data-testid="f-parameters" />
      </Form.Item>
    </>
  );
}

export const process: StepModule = {
  Fields,
  initial: (work) => ({ epcs: (work.parts ?? []).filter((p) => work.decisions?.[p.epc] === 'remanufacture').map((p) => p.epc).join('\n'), process: 'laser_cladding' }),
  toBody: (v, common) => ({ ...common, epcs: lines(v.epcs), process: v.process, parameters: v.parameters || undefined }),
};
