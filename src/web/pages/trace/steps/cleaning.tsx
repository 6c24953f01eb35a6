import { Form, Input } from 'antd';
import { useT } from '../../../i18n';
import { useRequired } from './fields';
import { lines, type StepModule } from './types';

/** 清洗: the parts cleaned and how. */
function Fields() {
  const tt = useT();
  const req = useRequired();
  return (
    <>
      <Form.Item name="epcs" label={tt('trace.epcs')} rules={req}>
        <Input.TextArea rows={5} data-testid="f-epcs" />
      </Form.Item>
      <Form.Item name="method" label={tt('trace.method')}>
        <Input data-testid="f-method" placeholder="超声波清洗 / 高温分解 / 喷丸" />
      </Form.Item>
    </>
  );
}

export const cleaning: StepModule = {
  Fields,
  initial: (work) => ({ epcs: (work.parts ?? []).map((p) => p.epc).join('\n') }),
  toBody: (v, common) => ({ ...common, epcs: lines(v.epcs), method: v.method || undefined }),
};
