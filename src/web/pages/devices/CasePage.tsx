import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Rate, Row, Select, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiErrorHandler } from '../../errors';
import { formatCny, formatDate, formatDateTime } from '../../format';
import { bilingual, pick, useLocale, type MessageKey } from '../../i18n';
import { CaseStateTag, ClaimTag } from './CasesPage';
import { casesApi, devicesApi, type ServiceCaseDetail } from './devicesApi';
import { MetricChart } from './LiveChart';
import { RemoteCommands } from './RemoteCommands';

const OUTCOMES = ['repaired', 'parts_replaced', 'no_fault_found', 'remanufacture', 'upgrade'] as const;
type Action = 'diagnose' | 'visit' | 'parts' | 'decideClaim' | 'conclude' | 'rate';

/** The telemetry window attached to the case (from the alarm, or the owner's period). */
function WindowChart({ c }: { c: ServiceCaseDetail }) {
  const { locale, t } = useLocale();
  const w = c.telemetryWindow;
  const data = useQuery({
    queryKey: ['cases', 'window', c.id],
    queryFn: ({ signal }) => devicesApi.telemetry(c.deviceId, { from: w!.from, to: w!.to, points: 400, ...(w!.keys.length ? { keys: w!.keys.join(',') } : {}) }, signal),
    enabled: !!w,
  });
  if (!w) return null;
  const series = Object.entries(data.data?.series ?? {}).slice(0, 4);
  return (
    <Card title={t('monitoring.case.window', { from: formatDateTime(w.from, locale), to: formatDateTime(w.to, locale) })} data-testid="case-window">
      {series.length === 0 ? (
        <Typography.Text type="secondary">{t('monitoring.live.noData')}</Typography.Text>
      ) : (
        series.map(([k, pts]) => (
          <div key={k}>
            <code>{k}</code>
            <MetricChart title={k} unit={null} points={pts as [number, number][]} testId={`case-chart-${k}`} />
          </div>
        ))
      )}
    </Card>
  );
}

/** One action's form in a modal (diagnosis, visit, parts, warranty decision, conclusion, rating). */
function ActionModal({ c, action, onClose }: { c: ServiceCaseDetail; action: Action | null; onClose: () => void }) {
  const { locale, t } = useLocale();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const run = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      switch (action) {
        case 'diagnose':
          return casesApi.diagnose(c.id, { faultCode: String(v.faultCode), diagnosis: String(v.diagnosis) });
        case 'visit':
          return casesApi.visit(c.id, { date: (v.date as { format(f: string): string }).format('YYYY-MM-DD'), technician: String(v.technician), findings: String(v.findings) });
        case 'parts':
          return casesApi.parts(c.id, { parts: [{ name: String(v.name), quantity: Number(v.quantity ?? 1), ...(v.partNo ? { partNo: String(v.partNo) } : {}), ...(v.removedSerial ? { removedSerial: String(v.removedSerial) } : {}), ...(v.newSerial ? { newSerial: String(v.newSerial) } : {}), ...(v.costCny != null ? { costCny: Number(v.costCny) } : {}) }] });
        case 'decideClaim':
          return casesApi.claim(c.id, { decision: v.decision as 'accepted', reason: String(v.reason), ...(v.costCny != null ? { costCny: Number(v.costCny) } : {}) });
        case 'conclude':
          return casesApi.conclude(c.id, { conclusion: String(v.conclusion), outcome: v.outcome as 'repaired' });
        case 'rate':
          return casesApi.rate(c.id, { rating: Number(v.rating), ...(v.comment ? { comment: String(v.comment) } : {}) });
        default:
          throw new Error('no action');
      }
    },
    onSuccess: () => {
      form.resetFields();
      onClose();
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (e) => onError(e, form),
  });
  const text = (name: string, label: MessageKey, rows = 3) => (
    <Form.Item name={name} label={t(label)} rules={[{ required: true, whitespace: true }]}>
      <Input.TextArea rows={rows} maxLength={4000} data-testid={`case-field-${name}`} />
    </Form.Item>
  );
  return (
    <Modal open={action !== null} title={action ? t(`monitoring.case.action.${action}` as MessageKey) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} okButtonProps={{ 'data-testid': 'case-action-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ quantity: 1, decision: 'accepted', rating: 5 }}>
        {action === 'diagnose' && (
          <>
            <Form.Item name="faultCode" label={t('monitoring.case.fault')} rules={[{ required: true }]}>
              <Select data-testid="case-field-faultCode" options={c.taxonomy.map((f) => ({ value: f.code, label: `${f.code} ${pick(locale, { zh: f.zh, en: f.en })}` }))} />
            </Form.Item>
            {text('diagnosis', 'monitoring.case.diagnosis')}
          </>
        )}
        {action === 'visit' && (
          <>
            <Form.Item name="date" label={t('monitoring.case.visit.date')} rules={[{ required: true }]}>
              <DatePicker data-testid="case-field-date" />
            </Form.Item>
            <Form.Item name="technician" label={t('monitoring.case.visit.technician')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} data-testid="case-field-technician" />
            </Form.Item>
            {text('findings', 'monitoring.case.visit.findings')}
          </>
        )}
        {action === 'parts' && (
          <>
            <Form.Item name="name" label={t('monitoring.case.part.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} data-testid="case-field-partName" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="partNo" label={t('monitoring.case.part.partNo')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="quantity" label={t('monitoring.case.part.quantity')} rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} precision={0} />
              </Form.Item>
              <Form.Item name="costCny" label={t('monitoring.case.cost')}>
                <InputNumber min={0} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="removedSerial" label={t('monitoring.case.part.removed')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="newSerial" label={t('monitoring.case.part.new')}>
                <Input maxLength={200} />
              </Form.Item>
            </Space>
          </>
        )}
        {action === 'decideClaim' && (
          <>
            <Form.Item name="decision" label={t('monitoring.case.claim.decision')} rules={[{ required: true }]}>
              <Select data-testid="case-field-decision" options={(['accepted', 'rejected'] as const).map((d) => ({ value: d, label: t(`monitoring.case.claim.${d}`) }))} />
            </Form.Item>
            {text('reason', 'monitoring.case.claim.reason', 2)}
            <Form.Item name="costCny" label={t('monitoring.case.cost')}>
              <InputNumber min={0} data-testid="case-field-cost" />
            </Form.Item>
          </>
        )}
        {action === 'conclude' && (
          <>
            <Form.Item name="outcome" label={t('monitoring.case.outcome')} rules={[{ required: true }]}>
              <Select data-testid="case-field-outcome" options={OUTCOMES.map((o) => ({ value: o, label: t(`monitoring.case.outcome.${o}`) }))} />
            </Form.Item>
            {text('conclusion', 'monitoring.case.conclusion')}
          </>
        )}
        {action === 'rate' && (
          <>
            <Form.Item name="rating" label={t('monitoring.case.rating')} rules={[{ required: true }]}>
              <Rate />
            </Form.Item>
            <Form.Item name="comment" label={t('monitoring.case.rating.comment')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 远程诊断 from the case: its commands; the form while the case is worked and the caller may command the device. */
function CaseCommands({ c }: { c: ServiceCaseDetail }) {
  const device = useQuery({ queryKey: ['devices', 'detail', c.deviceId], queryFn: ({ signal }) => devicesApi.detail(c.deviceId, signal) });
  const worked = c.state === 'open' || c.state === 'diagnosed' || c.state === 'onsite';
  const canSend = worked && (device.data?.actions.includes('command') ?? false);
  if (!canSend && c.commands.length === 0) return null;
  return <RemoteCommands deviceId={c.deviceId} caseId={c.id} canSend={canSend} online={device.data?.online ?? false} />;
}

/** 工单详情: the case, its telemetry window, history and the actions the server allows. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const [action, setAction] = useState<Action | null>(null);
  const q = useQuery({ queryKey: ['cases', 'detail', id], queryFn: ({ signal }) => casesApi.detail(id, signal) });
  if (q.isPending) return <PageLoading />;
  if (q.isError || !q.data) return <Alert type="error" showIcon title={t('app.notFound')} />;
  const c = q.data;
  const fault = c.taxonomy.find((f) => f.code === c.faultCode);
  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="case-title">{bilingual(locale, c.title, c.titleEn)}</span>
            <CaseStateTag state={c.state} />
            <ClaimTag c={c} />
          </Space>
        }
        subTitle={c.number}
        backTo="/cases"
        extra={
          <Space wrap>
            {(c.actions as Action[]).map((a) => (
              <Button key={a} type={a === 'conclude' || a === 'rate' ? 'primary' : 'default'} data-testid={`case-action-${a}`} onClick={() => setAction(a)}>
                {t(`monitoring.case.action.${a}` as MessageKey)}
              </Button>
            ))}
          </Space>
        }
      />
      {c.partsInTrace === false && c.parts.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('monitoring.case.partsNotInTrace')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('monitoring.case.details')}>
            <Descriptions column={1} size="small" data-testid="case-details">
              <Descriptions.Item label={t('monitoring.col.name')}>
                <Link to={`/devices/${c.deviceId}`}>{c.deviceName}</Link> <code>{c.productCode}</code>
              </Descriptions.Item>
              <Descriptions.Item label={t('monitoring.case.origin')}>{t(`monitoring.case.origin.${c.origin}` as MessageKey)}</Descriptions.Item>
              {c.description && <Descriptions.Item label={t('monitoring.case.description')}>{c.description}</Descriptions.Item>}
              <Descriptions.Item label={t('monitoring.case.warranty')}>
                {c.warrantyUntil ? t('monitoring.case.warrantyUntil', { sold: formatDate(c.soldOn, locale), until: formatDate(c.warrantyUntil, locale) }) : t('monitoring.case.noWarranty')}
              </Descriptions.Item>
              {c.warrantyClaim && (
                <Descriptions.Item label={t('monitoring.case.claim')}>
                  <ClaimTag c={c} /> {c.claimReason} {c.claimCostCny !== null && formatCny(c.claimCostCny, locale)}
                </Descriptions.Item>
              )}
              {c.faultCode && (
                <Descriptions.Item label={t('monitoring.case.fault')}>
                  <span data-testid="case-fault">{fault ? pick(locale, { zh: fault.zh, en: fault.en }) : c.faultCode}</span> — {c.diagnosis}
                </Descriptions.Item>
              )}
              {c.visit && <Descriptions.Item label={t('monitoring.case.action.visit')}>{`${formatDate(c.visit.date, locale)} ${c.visit.technician}：${c.visit.findings}`}</Descriptions.Item>}
              {c.conclusion && (
                <Descriptions.Item label={t('monitoring.case.conclusion')}>
                  <span data-testid="case-outcome">{t(`monitoring.case.outcome.${c.outcome}` as MessageKey)}</span> — {c.conclusion}
                </Descriptions.Item>
              )}
              {c.rating !== null && (
                <Descriptions.Item label={t('monitoring.case.rating')}>
                  <Rate disabled value={c.rating} /> {c.ratingComment}
                </Descriptions.Item>
              )}
            </Descriptions>
            {c.parts.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.at}-${r.name}-${r.newSerial}`}
                pagination={false}
                dataSource={c.parts}
                data-testid="case-parts"
                columns={[
                  { title: t('monitoring.case.part.name'), dataIndex: 'name' },
                  { title: t('monitoring.case.part.partNo'), dataIndex: 'partNo' },
                  { title: t('monitoring.case.part.quantity'), dataIndex: 'quantity', align: 'right' },
                  { title: t('monitoring.case.part.removed'), dataIndex: 'removedSerial' },
                  { title: t('monitoring.case.part.new'), dataIndex: 'newSerial' },
                  { title: t('monitoring.case.cost'), key: 'cost', render: (_, r) => formatCny(r.costCny, locale) },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('monitoring.alarm.history')}>
            <Timeline
              data-testid="case-history"
              items={c.events.map((e) => ({ key: e.id, content: <>{t(`monitoring.case.event.${e.kind}` as MessageKey)} <Typography.Text type="secondary">{formatDateTime(e.at, locale)}</Typography.Text></> }))}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <WindowChart c={c} />
        </Col>
        <Col xs={24}>
          <CaseCommands c={c} />
        </Col>
      </Row>
      <ActionModal c={c} action={action} onClose={() => setAction(null)} />
    </>
  );
}
