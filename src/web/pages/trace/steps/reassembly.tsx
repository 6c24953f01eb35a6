import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { DateField } from '../../../components/DateField';
import { todayShanghai } from '../../../format';
import { useT } from '../../../i18n';
import { RowEditor, useRequired } from './fields';
import type { StepModule } from './types';

/** 再装配: the product made — its identity, standard, warranty — and every input (reused, remanufactured, new). */
function Fields() {
  const tt = useT();
  const req = useRequired();
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="name" label={tt('trace.name')} rules={req}>
            <Input data-testid="f-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="model" label={tt('trace.model')}>
            <Input data-testid="f-model" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="serial" label={tt('trace.serial')}>
            <Input data-testid="f-serial" placeholder="—" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="standardNo" label={tt('trace.standardNo')} rules={req}>
            <Input data-testid="f-standardNo" placeholder="GB/T 28672-2012" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="productionDate" label={tt('trace.productionDate')} rules={req}>
            <DateField data-testid="f-productionDate" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="warrantyMonths" label={tt('trace.warranty')}>
            <InputNumber min={0} max={240} style={{ width: '100%' }} data-testid="f-warrantyMonths" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="gtin" label={tt('trace.gtin')} rules={[{ pattern: /^\d{14}$/, message: 'GTIN: 14 digits' }]}>
            <Input data-testid="f-gtin" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{tt('trace.inputs')}</Typography.Text>
      <RowEditor
        name="inputs"
        gutter={6}
        rowTestId={(i) => `input-row-${i}`}
        removeSpan={1}
        addInitial={{ origin: 'new', quantity: 1 }}
        addTestId="add-input"
        columns={[
          { field: 'id', span: 7, label: tt('trace.epcOrClass'), rules: req, input: (i) => <Input data-testid={`f-in-id-${i}`} placeholder="urn:epc:class:lgtin:…" /> },
          { field: 'name', span: 4, label: tt('trace.partName'), rules: req, input: (i) => <Input data-testid={`f-in-name-${i}`} /> },
          {
            field: 'origin',
            span: 4,
            label: tt('trace.origin'),
            rules: req,
            input: (i) => <Select data-testid={`f-in-origin-${i}`} options={(['reused', 'remanufactured', 'new'] as const).map((o) => ({ value: o, label: tt(`trace.origin.${o}`) }))} />,
          },
          { field: 'quantity', span: 2, label: tt('trace.quantity'), input: (i) => <InputNumber min={1} style={{ width: '100%' }} data-testid={`f-in-qty-${i}`} /> },
          { field: 'massKg', span: 3, label: tt('trace.massKg'), rules: req, input: (i) => <InputNumber min={0} style={{ width: '100%' }} data-testid={`f-in-mass-${i}`} /> },
          { field: 'valueCny', span: 3, label: tt('trace.valueCny'), rules: req, input: (i) => <InputNumber min={0} style={{ width: '100%' }} data-testid={`f-in-value-${i}`} /> },
        ]}
      />
    </>
  );
}

type Input = { id?: string; name: string; origin: string; quantity?: number; massKg: number; valueCny: number };

export const reassembly: StepModule = {
  Fields,
  initial(work) {
    // the parts not scrapped, each as the input its decision made of it (a replaced part: a new one of its name)
    const inputs = (work.parts ?? [])
      .filter((p) => work.decisions?.[p.epc] !== 'scrap')
      .map((p) => {
        const d = work.decisions?.[p.epc] ?? 'reuse';
        if (d === 'replace') return { id: '', name: p.name, origin: 'new', quantity: 1 };
        return { id: p.epc, name: p.name, origin: d === 'remanufacture' ? 'remanufactured' : 'reused', quantity: 1 };
      });
    return {
      name: work.coreName ? `再制造${work.coreName.replace(/^旧/, '')}` : undefined,
      model: work.coreModel,
      productionDate: todayShanghai(),
      warrantyMonths: 12,
      inputs: inputs.length ? inputs : [{ origin: 'reused', quantity: 1 }],
    };
  },
  toBody: (v, common) => ({
    ...common,
    name: v.name,
    model: v.model || undefined,
    gtin: v.gtin || undefined,
    serial: v.serial || undefined,
    standardNo: v.standardNo || undefined,
    warrantyMonths: v.warrantyMonths ?? undefined,
    productionDate: v.productionDate || undefined,
    inputs: ((v.inputs as Input[]) ?? []).map((i) => {
      const id = (i.id ?? '').trim();
      return { ...(id.includes(':class:') ? { epcClass: id } : { epc: id }), name: i.name, origin: i.origin, quantity: i.quantity ?? 1, massKg: Number(i.massKg), valueCny: Number(i.valueCny) };
    }),
  }),
};
