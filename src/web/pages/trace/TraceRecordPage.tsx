import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { useCurrentUser } from '../../auth';
import { useSites } from '../../queries';
import { todayShanghai } from '../../format';
import { TraceNav, stepLabel, useCanRecord } from './common';
import { labelPngUrl, labelSvgUrl, newRequestKey, STEP_KINDS, traceApi, type StepKind, type StepResult } from './traceApi';
import { useT, type TFunction } from '../../i18n';
import { DateField } from '../../components/DateField';
import { DateTimeField } from '../../components/DateTimeField';

/**
 * 记录工序: one form per lifecycle step. The current work (the core taken in, its parts, their decisions,
 * the product made) is kept in sessionStorage so each step pre-fills the next: intake → inspection →
 * disassembly → cleaning → assessment → process → reassembly → test → marking → shipping → sale / lease →
 * installation → removal (→ intake of the next life).
 */

interface Work {
  coreEpc?: string;
  coreName?: string;
  coreModel?: string;
  parts?: { epc: string; name: string }[];
  decisions?: Record<string, 'reuse' | 'remanufacture' | 'replace' | 'scrap'>;
  productCode?: string;
  /** After a removal: the product's EPC, to be taken in as the core of its next life. */
  nextLifeEpc?: string;
  nextLifeName?: string;
}

const WORK_KEY = 'reman_trace_work';
function loadWork(): Work {
  try {
    return JSON.parse(sessionStorage.getItem(WORK_KEY) ?? '{}') as Work;
  } catch {
    return {};
  }
}

const NEXT: Partial<Record<StepKind, StepKind[]>> = {
  intake: ['inspection', 'disassembly'],
  inspection: ['disassembly'],
  disassembly: ['cleaning', 'assessment'],
  cleaning: ['assessment'],
  assessment: ['process', 'reassembly'],
  process: ['reassembly'],
  reassembly: ['test'],
  test: ['marking'],
  marking: ['shipping'],
  shipping: ['sale', 'lease'],
  sale: ['installation'],
  lease: ['installation'],
  installation: ['removal'],
  removal: ['intake'],
};

const lines = (v: string | undefined) =>
  (v ?? '')
    .split(/[\n,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const isoOrUndefined = (v: string | undefined) => (v ? new Date(v).toISOString() : undefined);

export default function TraceRecordPage() {
  const tt = useT();
  const canRecord = useCanRecord();
  const [params, setParams] = useSearchParams();
  const step = (STEP_KINDS as readonly string[]).includes(params.get('step') ?? '') ? (params.get('step') as StepKind) : 'intake';
  const [work, setWorkState] = useState<Work>(loadWork);
  const [result, setResult] = useState<StepResult | null>(null);
  const setWork = (w: Work) => {
    setWorkState(w);
    sessionStorage.setItem(WORK_KEY, JSON.stringify(w));
  };
  const go = (s: StepKind) => {
    setResult(null);
    setParams({ step: s }, { replace: false });
  };

  if (!canRecord) return <Result status="403" title={tt('trace.record')} />;

  return (
    <>
      <PageHeader title={tt('trace.record')} subTitle={tt('trace.sub')} />
      <TraceNav current="record" />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card size="small" title={tt('trace.record')} style={{ marginBottom: 16 }}>
            <Flex vertical gap={4}>
              {STEP_KINDS.map((k) => (
                <Button key={k} type={k === step ? 'primary' : 'text'} style={{ textAlign: 'left', justifyContent: 'flex-start' }} onClick={() => go(k)} data-testid={`step-${k}`}>
                  {STEP_KINDS.indexOf(k) + 1}. {stepLabel(tt, k)}
                </Button>
              ))}
            </Flex>
          </Card>
          <Card size="small" title={tt('trace.flow')} data-testid="trace-work">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={tt('trace.flowCore')}>
                <span data-testid="work-core">{work.coreEpc ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={tt('trace.parts')}>{work.parts?.length ?? 0}</Descriptions.Item>
              <Descriptions.Item label={tt('trace.flowProduct')}>
                {work.productCode ? (
                  <Link to={`/trace/products/${encodeURIComponent(work.productCode)}`} data-testid="work-product">
                    {work.productCode}
                  </Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
            </Descriptions>
            <Button
              size="small"
              onClick={() => {
                setWork({});
                setResult(null);
                go('intake');
              }}
              data-testid="work-clear"
            >
              {tt('trace.flowClear')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Card title={stepLabel(tt, step)} data-testid={`step-form-${step}`}>
            {result ? (
              <StepDone result={result} step={step} tt={tt} onNext={go} />
            ) : (
              <StepForm
                key={step}
                step={step}
                work={work}
                onDone={(r, w) => {
                  setWork({ ...work, ...w });
                  setResult(r);
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function StepDone({ result, step, tt, onNext }: { result: StepResult; step: StepKind; tt: TFunction; onNext: (s: StepKind) => void }) {
  const code = result.product?.code;
  return (
    <div data-testid="step-result" data-step={step}>
      <Alert type="success" showIcon message={tt('trace.recorded', { step: stepLabel(tt, step) })} style={{ marginBottom: 12 }} />
      {result.coreEpc ? (
        <p>
          {tt('trace.assignedCore', { epc: '' })}
          <Typography.Text code copyable data-testid="result-core">
            {result.coreEpc}
          </Typography.Text>
        </p>
      ) : null}
      {result.parts?.length ? (
        <ul data-testid="result-parts">
          {result.parts.map((p) => (
            <li key={p.epc}>
              {p.name}: <Typography.Text code>{p.epc}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
      {code ? (
        <p>
          {tt('trace.productMade', { code: '' })}
          <Link to={`/trace/products/${encodeURIComponent(code)}`} data-testid="result-product">
            {code}
          </Link>
        </p>
      ) : null}
      {step === 'marking' && code ? (
        <div data-testid="marking-label">
          <img src={labelPngUrl(code)} alt={tt('trace.label')} style={{ maxWidth: 480, width: '100%', border: '1px solid #d9d9d9' }} data-testid="label-image" />
          <Space style={{ marginTop: 8 }} wrap>
            <Button href={labelPngUrl(code)} download={`label-${code}.png`} data-testid="label-png">
              {tt('trace.labelPng')}
            </Button>
            <Button href={labelSvgUrl(code)} download={`label-${code}.svg`} data-testid="label-svg">
              {tt('trace.labelSvg')}
            </Button>
            <Button href={`/p/${encodeURIComponent(code)}`} target="_blank" data-testid="label-public">
              {tt('trace.publicPage')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {tt('trace.labelHint')}
          </Typography.Paragraph>
        </div>
      ) : null}
      <Space wrap>
        {(NEXT[step] ?? []).map((n, i) => (
          <Button key={n} type={i === 0 ? 'primary' : 'default'} onClick={() => onNext(n)} data-testid={`next-${n}`}>
            {tt('trace.next')}: {stepLabel(tt, n)}
          </Button>
        ))}
      </Space>
    </div>
  );
}

type Values = Record<string, unknown> & {
  eventTime?: string;
  note?: string;
  /** 生产场地 (issue 15 item 14): the site's id; asked only when the enterprise has several */
  site?: string;
};

function initialValues(step: StepKind, work: Work): Values {
  const partsOf = (d: string) => (work.parts ?? []).filter((p) => work.decisions?.[p.epc] === d);
  switch (step) {
    case 'intake':
      return { channel: 'recycler', tradeIn: false, coreEpc: work.nextLifeEpc, name: work.nextLifeName };
    case 'inspection':
      return { coreEpc: work.coreEpc, grade: 'B', result: 'accepted', measurements: [{}] };
    case 'disassembly':
      return { coreEpc: work.coreEpc, parts: [{}, {}, {}] };
    case 'cleaning':
      return { epcs: (work.parts ?? []).map((p) => p.epc).join('\n') };
    case 'assessment':
      return { items: (work.parts ?? []).map((p) => ({ epc: p.epc, name: p.name, decision: work.decisions?.[p.epc] ?? 'reuse' })) };
    case 'process':
      return { epcs: partsOf('remanufacture').map((p) => p.epc).join('\n'), process: 'laser_cladding' };
    case 'reassembly': {
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
    }
    case 'test':
      return { code: work.productCode, result: 'pass', measurements: [{}] };
    case 'shipping':
      return { codes: work.productCode ?? '' };
    default:
      return { code: work.productCode };
  }
}

function toBody(step: StepKind, v: Values): unknown {
  const common = { eventTime: isoOrUndefined(v.eventTime), note: v.note || undefined, site: v.site || undefined };
  const measurements = ((v.measurements as Array<{ name?: string; value?: number; unit?: string }>) ?? [])
    .filter((m) => m?.name && m.value !== undefined && m.value !== null)
    .map((m) => ({ name: m.name!, value: Number(m.value), unit: m.unit || undefined }));
  switch (step) {
    case 'intake':
      return { ...common, coreEpc: v.coreEpc || undefined, name: v.name, model: v.model || undefined, source: { returnedBy: v.returnedBy, channel: v.channel, tradeIn: !!v.tradeIn } };
    case 'inspection':
      return { ...common, coreEpc: v.coreEpc, grade: v.grade, result: v.result, measurements };
    case 'disassembly':
      return {
        ...common,
        coreEpc: v.coreEpc,
        parts: ((v.parts as Array<{ name?: string; partNo?: string; epc?: string }>) ?? []).filter((p) => p?.name).map((p) => ({ name: p.name, partNo: p.partNo || undefined, epc: p.epc || undefined })),
      };
    case 'cleaning':
      return { ...common, epcs: lines(v.epcs as string), method: v.method || undefined };
    case 'assessment':
      return { ...common, items: ((v.items as Array<{ epc: string; decision: string }>) ?? []).filter((i) => i?.epc).map((i) => ({ epc: i.epc, decision: i.decision })) };
    case 'process':
      return { ...common, epcs: lines(v.epcs as string), process: v.process, parameters: v.parameters || undefined };
    case 'reassembly':
      return {
        ...common,
        name: v.name,
        model: v.model || undefined,
        gtin: v.gtin || undefined,
        serial: v.serial || undefined,
        standardNo: v.standardNo || undefined,
        warrantyMonths: v.warrantyMonths ?? undefined,
        productionDate: v.productionDate || undefined,
        inputs: ((v.inputs as Array<{ id?: string; name: string; origin: string; quantity?: number; massKg: number; valueCny: number }>) ?? []).map((i) => {
          const id = (i.id ?? '').trim();
          return {
            ...(id.includes(':class:') ? { epcClass: id } : { epc: id }),
            name: i.name,
            origin: i.origin,
            quantity: i.quantity ?? 1,
            massKg: Number(i.massKg),
            valueCny: Number(i.valueCny),
          };
        }),
      };
    case 'test':
      return { ...common, code: v.code, result: v.result, measurements, standardNo: v.standardNo || undefined };
    case 'marking':
      return { ...common, code: v.code };
    case 'shipping':
      return { ...common, codes: lines(v.codes as string), destinationName: v.destinationName || undefined };
    case 'sale':
      return { ...common, code: v.code, customerName: v.customerName };
    case 'lease':
      return { ...common, code: v.code, lesseeName: v.lesseeName };
    case 'installation':
      return { ...common, code: v.code, location: v.location, equipment: v.equipment || undefined };
    case 'removal':
      return { ...common, code: v.code, reason: v.reason || undefined };
  }
}

function StepForm({ step, work, onDone }: { step: StepKind; work: Work; onDone: (r: StepResult, w: Partial<Work>) => void }) {
  const tt = useT();
  const t = useT();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  // 生产场地: with one site the server takes it; with several the step names its site (else 场地未知)
  const me = useCurrentUser();
  const sites = useSites(me.organization.kind === 'enterprise' ? me.organization.id : undefined).data?.items ?? [];
  useEffect(() => form.setFieldsValue(initialValues(step, work)), [step]); // eslint-disable-line react-hooks/exhaustive-deps
  // typed but not recorded: another step, the menu or a link asks first (another step is another form)
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty, 'location');

  // one Idempotency-Key per recording: a repeated submission of the same one is refused (409), a new one after success
  const requestKey = useRef(newRequestKey());
  const submit = useMutation({
    mutationFn: (v: Values) => traceApi.step(step, toBody(step, v), requestKey.current),
    onSuccess: (r, v) => {
      setDirty(false);
      requestKey.current = newRequestKey();
      void qc.invalidateQueries({ queryKey: ['trace'] });
      const w: Partial<Work> = {};
      if (step === 'intake') Object.assign(w, { coreEpc: r.coreEpc ?? (v.coreEpc as string), coreName: v.name as string, coreModel: (v.model as string) || undefined, parts: [], decisions: {}, productCode: undefined, nextLifeEpc: undefined, nextLifeName: undefined });
      if (step === 'disassembly' && r.parts) w.parts = r.parts;
      if (step === 'assessment') w.decisions = Object.fromEntries(((v.items as Array<{ epc: string; decision: string }>) ?? []).map((i) => [i.epc, i.decision])) as Work['decisions'];
      if (r.product) w.productCode = r.product.code;
      if (step === 'removal') Object.assign(w, { nextLifeEpc: r.product?.epc ?? (v.code as string), nextLifeName: r.product ? `旧${r.product.name.replace(/^再制造/, '')}` : work.coreName, parts: [], decisions: {}, productCode: undefined });
      onDone(r, w);
    },
    onError: (e) => onError(e, form),
  });

  const req = [{ required: true, message: t('common.required') }];
  const epcField = (name: string, label: ReactNode, required = true) => (
    <Form.Item name={name} label={label} rules={required ? req : []}>
      <Input data-testid={`f-${name}`} />
    </Form.Item>
  );

  let fields: ReactNode = null;
  switch (step) {
    case 'intake':
      fields = (
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
                <Select
                  data-testid="f-channel"
                  options={(['dealer', 'service_center', 'recycler', 'end_user', 'own_fleet', 'other'] as const).map((c) => ({ value: c, label: tt(`trace.channel.${c}`) }))}
                />
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
      break;
    case 'inspection':
      fields = (
        <>
          {epcField('coreEpc', tt('trace.coreEpc'))}
          <Form.Item name="grade" label={tt('trace.grade')} rules={req}>
            <Radio.Group options={['A', 'B', 'C', 'D']} optionType="button" />
          </Form.Item>
          <Form.Item name="result" label={tt('trace.result')} rules={req}>
            <Radio.Group options={[{ value: 'accepted', label: tt('trace.accepted') }, { value: 'rejected', label: tt('trace.rejected') }]} optionType="button" />
          </Form.Item>
          <Measurements tt={tt} />
        </>
      );
      break;
    case 'disassembly':
      fields = (
        <>
          {epcField('coreEpc', tt('trace.coreEpc'))}
          <Typography.Text strong>{tt('trace.parts')}</Typography.Text>
          <Form.List name="parts">
            {(items, { add, remove }) => (
              <>
                {items.map((f, i) => (
                  <Row gutter={8} key={f.key}>
                    <Col span={8}>
                      <Form.Item name={[f.name, 'name']} label={i === 0 ? tt('trace.partName') : undefined}>
                        <Input data-testid={`f-part-name-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'partNo']} label={i === 0 ? tt('trace.partNo') : undefined}>
                        <Input data-testid={`f-part-no-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[f.name, 'epc']} label={i === 0 ? tt('trace.partEpc') : undefined}>
                        <Input data-testid={`f-part-epc-${i}`} placeholder="—" />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="text" onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                        ×
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Button onClick={() => add({})} data-testid="add-part" style={{ marginBottom: 16 }}>
                  + {tt('trace.addRow')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      );
      break;
    case 'cleaning':
      fields = (
        <>
          <Form.Item name="epcs" label={tt('trace.epcs')} rules={req}>
            <Input.TextArea rows={5} data-testid="f-epcs" />
          </Form.Item>
          <Form.Item name="method" label={tt('trace.method')}>
            <Input data-testid="f-method" placeholder="超声波清洗 / 高温分解 / 喷丸" />
          </Form.Item>
        </>
      );
      break;
    case 'assessment':
      fields = (
        <Form.List name="items">
          {(items, { add }) => (
            <>
              {items.map((f, i) => (
                <Row gutter={8} key={f.key} align="middle" data-testid={`assess-row-${i}`}>
                  <Col span={10}>
                    <Form.Item name={[f.name, 'epc']} label={i === 0 ? tt('trace.partEpc') : undefined} rules={req}>
                      <Input data-testid={`f-item-epc-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[f.name, 'name']} label={i === 0 ? tt('trace.partName') : undefined}>
                      <Input disabled />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item name={[f.name, 'decision']} label={i === 0 ? tt('trace.decision') : undefined} rules={req}>
                      <Radio.Group
                        data-testid={`f-decision-${i}`}
                        optionType="button"
                        size="small"
                        options={(['reuse', 'remanufacture', 'replace', 'scrap'] as const).map((d) => ({ value: d, label: tt(`trace.decision.${d}`), 'data-testid': `f-decision-${i}-${d}` }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ decision: 'reuse' })} style={{ marginBottom: 16 }}>
                + {tt('trace.addRow')}
              </Button>
            </>
          )}
        </Form.List>
      );
      break;
    case 'process':
      fields = (
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
      break;
    case 'reassembly':
      fields = <ReassemblyFields tt={tt} req={req} />;
      break;
    case 'test':
      fields = (
        <>
          {epcField('code', tt('trace.productCode'))}
          <Form.Item name="result" label={tt('trace.result')} rules={req}>
            <Radio.Group options={[{ value: 'pass', label: tt('trace.pass') }, { value: 'fail', label: tt('trace.fail') }]} optionType="button" />
          </Form.Item>
          <Form.Item name="standardNo" label={tt('trace.standardNo')}>
            <Input data-testid="f-standardNo" />
          </Form.Item>
          <Measurements tt={tt} />
        </>
      );
      break;
    case 'marking':
      fields = epcField('code', tt('trace.productCode'));
      break;
    case 'shipping':
      fields = (
        <>
          <Form.Item name="codes" label={tt('trace.codes')} rules={req}>
            <Input.TextArea rows={3} data-testid="f-codes" />
          </Form.Item>
          <Form.Item name="destinationName" label={tt('trace.destination')}>
            <Input data-testid="f-destinationName" />
          </Form.Item>
        </>
      );
      break;
    case 'sale':
      fields = (
        <>
          {epcField('code', tt('trace.productCode'))}
          {epcField('customerName', tt('trace.customer'))}
        </>
      );
      break;
    case 'lease':
      fields = (
        <>
          {epcField('code', tt('trace.productCode'))}
          {epcField('lesseeName', tt('trace.lessee'))}
        </>
      );
      break;
    case 'installation':
      fields = (
        <>
          {epcField('code', tt('trace.productCode'))}
          {epcField('location', tt('trace.location'))}
          {epcField('equipment', tt('trace.equipment'), false)}
        </>
      );
      break;
    case 'removal':
      fields = (
        <>
          {epcField('code', tt('trace.productCode'))}
          {epcField('reason', tt('trace.reason'), false)}
        </>
      );
      break;
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} onValuesChange={() => setDirty(true)} data-testid={`form-${step}`}>
      {fields}
      {sites.length > 1 ? (
        <Form.Item name="site" label={t('proc.trace.site')} extra={t('proc.trace.siteHint')}>
          <Select allowClear data-testid="f-site" options={sites.map((x) => ({ value: x.id, label: x.name }))} style={{ maxWidth: 360 }} />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="eventTime" label={tt('trace.eventTime')}>
            <DateTimeField data-testid="f-eventTime" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="note" label={tt('trace.note')}>
            <Input maxLength={500} data-testid="f-note" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="step-submit">
        {tt('trace.submit')}
      </Button>
    </Form>
  );
}

function Measurements({ tt }: { tt: TFunction }) {
  return (
    <>
      <Typography.Text strong>{tt('trace.measurements')}</Typography.Text>
      <Form.List name="measurements">
        {(items, { add, remove }) => (
          <>
            {items.map((f, i) => (
              <Row gutter={8} key={f.key}>
                <Col span={10}>
                  <Form.Item name={[f.name, 'name']} label={i === 0 ? tt('trace.measureName') : undefined}>
                    <Input data-testid={`f-m-name-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'value']} label={i === 0 ? tt('trace.measureValue') : undefined}>
                    <InputNumber style={{ width: '100%' }} data-testid={`f-m-value-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'unit']} label={i === 0 ? tt('trace.measureUnit') : undefined}>
                    <Input data-testid={`f-m-unit-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button type="text" onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                    ×
                  </Button>
                </Col>
              </Row>
            ))}
            <Button onClick={() => add({})} style={{ marginBottom: 16 }}>
              + {tt('trace.addRow')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

function ReassemblyFields({ tt, req }: { tt: TFunction; req: { required: boolean; message: string }[] }) {
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
      <Form.List name="inputs">
        {(items, { add, remove }) => (
          <>
            {items.map((f, i) => (
              <Row gutter={6} key={f.key} data-testid={`input-row-${i}`}>
                <Col span={7}>
                  <Form.Item name={[f.name, 'id']} label={i === 0 ? tt('trace.epcOrClass') : undefined} rules={req}>
                    <Input data-testid={`f-in-id-${i}`} placeholder="urn:epc:class:lgtin:…" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'name']} label={i === 0 ? tt('trace.partName') : undefined} rules={req}>
                    <Input data-testid={`f-in-name-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'origin']} label={i === 0 ? tt('trace.origin') : undefined} rules={req}>
                    <Select data-testid={`f-in-origin-${i}`} options={(['reused', 'remanufactured', 'new'] as const).map((o) => ({ value: o, label: tt(`trace.origin.${o}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item name={[f.name, 'quantity']} label={i === 0 ? tt('trace.quantity') : undefined}>
                    <InputNumber min={1} style={{ width: '100%' }} data-testid={`f-in-qty-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[f.name, 'massKg']} label={i === 0 ? tt('trace.massKg') : undefined} rules={req}>
                    <InputNumber min={0} style={{ width: '100%' }} data-testid={`f-in-mass-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[f.name, 'valueCny']} label={i === 0 ? tt('trace.valueCny') : undefined} rules={req}>
                    <InputNumber min={0} style={{ width: '100%' }} data-testid={`f-in-value-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={1}>
                  <Button type="text" onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                    ×
                  </Button>
                </Col>
              </Row>
            ))}
            <Button onClick={() => add({ origin: 'new', quantity: 1 })} data-testid="add-input" style={{ marginBottom: 16 }}>
              + {tt('trace.addRow')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

