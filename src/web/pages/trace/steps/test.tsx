import { Form, Input, Radio } from 'antd';
import { useT } from '../../../i18n';
import { Measurements, measurementsOf, TextField, useRequired } from './fields';
import type { StepModule } from './types';

/** 检测（出厂）: the product's test against its standard, pass or fail, with measurements. */
function Fields() {
  const tt = useT();
  const req = useRequired();
  return (
    <>
      <TextField name="code" label={tt('trace.productCode')} />
      <Form.Item name="result" label={tt('trace.result')} rules={req}>
        <Radio.Group options={[{ value: 'pass', label: tt('trace.pass') }, { value: 'fail', label: tt('trace.fail') }]} optionType="button" />
      </Form.Item>
      <Form.Item name="standardNo" label={tt('trace.standardNo')}>
        <Input data-testid="f-standardNo" />
      </Form.Item>
      <Measurements />
    </>
  );
}

export const test: StepModule = {
  Fields,
  initial: (work) => ({ code: work.productCode, result: 'pass', measurements: [{}] }),
  toBody: (v, common) => ({ ...common, code: v.code, result: v.result, measurements: measurementsOf(v), standardNo: v.standardNo || undefined }),
};
