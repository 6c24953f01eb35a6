import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useT } from '../../../i18n';
import { useRequired } from './fields';
import type { StepModule } from './types';

/** 回收入厂: the core taken in, from whom and through which channel (a trade-in or not). */
function Fields() {
  const tt = useT();
  const req = useRequired();
  return (
    <>
      <Form.Item name="coreEpc" label={tt('trace.coreEpc')} extra={tt('trace.coreEpcHint')}>
        <Input data-testid="f-coreEpc" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="name" label={tt('trace.coreName')} rules={req}>
            <Input data-testid="f-name" placeholder="旧发动机" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="model" label={tt('trace.model')}>
            <Input data-testid="f-model" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="returnedBy" label={tt('trace.returnedBy')} rules={req}>
            <Input data-testid="f-returnedBy" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="channel" label={tt('trace.channel')} rules={req}>
            <Select data-testid="f-channel" options={(['dealer', 'service_center', 'recycler', 'end_user', 'own_fleet', 'other'] as const).map((c) => ({ value: c, label: tt(`trace.channel.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="tradeIn" label={tt('trace.tradeIn')} valuePropName="checked">
            <Switch data-testid="f-tradeIn" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export const intake: StepModule = {
  Fields,
  initial: (work) => ({ channel: 'recycler', tradeIn: false, coreEpc: work.nextLifeEpc, name: work.nextLifeName }),
  toBody: (v, common) => ({ ...common, coreEpc: v.coreEpc || undefined, name: v.name, model: v.model || undefined, source: { returnedBy: v.returnedBy, channel: v.channel, tradeIn: !!v.tradeIn } }),
  // a new work: the core taken in; parts, decisions and product start empty
  after: (r, v) => ({ coreEpc: r.coreEpc ?? (v.coreEpc as string), coreName: v.name as string, coreModel: (v.model as string) || undefined, parts: [], decisions: {}, productCode: undefined, nextLifeEpc: undefined, nextLifeName: undefined }),
};
