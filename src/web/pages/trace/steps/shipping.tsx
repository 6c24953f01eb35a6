import { Form, Input } from 'antd';
import { useT } from '../../../i18n';
import { useRequired } from './fields';
import { lines, type StepModule } from './types';

/** 出库: the products shipped and where to. */
function Fields() {
  const tt = useT();
  const req = useRequired();
  return (
    <>
      <Form.Item name="codes" label={tt('trace.codes')} rules={req}>
        <Input.TextArea rows={3} data-testid="f-codes" />
      </Form.Item>
      <Form.Item name="destinationName" label={tt('trace.destination')}>
        <Input data-testid="f-destinationName" />
      </Form.Item>
    </>
  );
}

export const shipping: StepModule = {
  Fields,
  initial: (work) => ({ codes: work.productCode ?? '' }),
  toBody: (v, common) => ({ ...common, codes: lines(v.codes), destinationName: v.destinationName || undefined }),
};
