import { Form, Radio } from 'antd';
import { useT } from '../../../i18n';
import { Measurements, measurementsOf, TextField, useRequired } from './fields';
import type { StepModule } from './types';

/** 检测: the core's grade, accepted or rejected, with measurements. */
function Fields() {
  const tt = useT();
  const req = useRequired();
  return (
    <>
      <TextField name="coreEpc" label={tt('trace.coreEpc')} />
      <Form.Item name="grade" label={tt('trace.grade')} rules={req}>
        <Radio.Group options={['A', 'B', 'C', 'D']} optionType="button" />
      </Form.Item>
      <Form.Item name="result" label={tt('trace.result')} rules={req}>
        <Radio.Group options={[{ value: 'accepted', label: tt('trace.accepted') }, { value: 'rejected', label: tt('trace.rejected') }]} optionType="button" />
      </Form.Item>
      <Measurements />
    </>
  );
}

export const inspection: StepModule = {
  Fields,
  initial: (work) => ({ coreEpc: work.coreEpc, grade: 'B', result: 'accepted', measurements: [{}] }),
  toBody: (v, common) => ({ ...common, coreEpc: v.coreEpc, grade: v.grade, result: v.result, measurements: measurementsOf(v) }),
};
