import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Result, Row, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { useCurrentUser } from '../../auth';
import { useSites } from '../../queries';
import { TraceNav, stepLabel, useCanRecord } from './common';
import { labelPngUrl, labelSvgUrl, newRequestKey, STEP_KINDS, traceApi, type StepKind, type StepResult } from './traceApi';
import { useT, type TFunction } from '../../i18n';
import { STEP_MODULES, type Values, type Work } from './steps';
import { DateTimeField } from '../../components/DateTimeField';

/**
 * 记录工序: one form per lifecycle step. The current work (the core taken in, its parts, their decisions,
 * the product made) is kept in sessionStorage so each step pre-fills the next: intake → inspection →
 * disassembly → cleaning → assessment → process → reassembly → test → marking → shipping → sale / lease →
 * installation → removal (→ intake of the next life).
 */

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

function StepForm({ step, work, onDone }: { step: StepKind; work: Work; onDone: (r: StepResult, w: Partial<Work>) => void }) {
  const tt = useT();
  const t = useT();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  // 生产场地: with one site the server takes it; with several the step names its site (else 场地未知)
  const me = useCurrentUser();
  const sites = useSites(me.organization.kind === 'enterprise' ? me.organization.id : undefined).data?.items ?? [];
  const mod = STEP_MODULES[step];
  useEffect(() => form.setFieldsValue(mod.initial(work)), [step]); // eslint-disable-line react-hooks/exhaustive-deps
  // typed but not recorded: another step, the menu or a link asks first (another step is another form)
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty, 'location');

  // one Idempotency-Key per recording: a repeated submission of the same one is refused (409), a new one after success
  const requestKey = useRef(newRequestKey());
  const submit = useMutation({
    mutationFn: (v: Values) => traceApi.step(step, mod.toBody(v, { eventTime: isoOrUndefined(v.eventTime), note: v.note || undefined, site: v.site || undefined }), requestKey.current),
    onSuccess: (r, v) => {
      setDirty(false);
      requestKey.current = newRequestKey();
      void qc.invalidateQueries({ queryKey: ['trace'] });
      // the product made passes on to the next step; the step says what else the work learns (or forgets)
      onDone(r, { ...(r.product ? { productCode: r.product.code } : {}), ...mod.after?.(r, v, work) });
    },
    onError: (e) => onError(e, form),
  });

  const Fields = mod.Fields;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} onValuesChange={() => setDirty(true)} data-testid={`form-${step}`}>
      <Fields />
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
