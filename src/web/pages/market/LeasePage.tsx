import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Result, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { validated } from '../../components/confirm';
import { useApiErrorHandler } from '../../errors';
import { formatDateTime } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { formatCny } from './marketApi';
import { LEASE_STATUS_COLOR } from './LeasesPage';
import { leaseApi, leaseKeys, leaseStatement, type Lease } from './orderApi';
import { useMe } from '../../auth';
import { UnitPoliciesCard } from './InsuranceDialogs';

type Dialog = { kind: 'bill'; seq: number } | { kind: 'pay'; seq: number } | { kind: 'terminate' } | { kind: 'return' };

/**
 * One lease (lessor, lessee, leasing company, MIIT): terms, the schedule of rents with what is billed, paid and
 * overdue, the 以租代购 balance, the .xlsx statement, and the steps the server allows now (`actions`): bill the next
 * usage period (the reading from monitoring wins; a declared one otherwise), record a rent, terminate, take back.
 */
export default function LeasePage() {
  const { id = '' } = useParams();
  const { locale, t, pick } = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const q = useQuery({ queryKey: leaseKeys.one(id), queryFn: ({ signal }) => leaseApi.get(id, signal), retry: false });
  const role = useMe().data?.role;
  const isEnterprise = role === 'enterprise_admin' || role === 'enterprise_staff';
  if (q.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (q.isError) {
    const nf = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    return <Result status={nf ? '404' : 'error'} title={nf ? t('app.notFound') : t('common.loadFailed')} extra={<Button onClick={() => navigate('/leases')}>{t('market.lease.back')}</Button>} />;
  }
  const l = q.data;
  const can = (a: string) => l.actions.includes(a);
  const next = l.rents.find((r) => r.status === 'scheduled' || r.status === 'billed');
  const done = (n: Lease) => {
    qc.setQueryData(leaseKeys.one(id), n);
    void qc.invalidateQueries({ queryKey: leaseKeys.all });
    setDialog(null);
    message.success(t('market.lease.saved'));
  };

  return (
    <Flex vertical gap={16} data-testid="lease-page" data-status={l.status}>
      <div>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate('/leases')}>‹ {t('market.lease.back')}</Button>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>{`${l.product.name}${l.product.model ? ` ${l.product.model}` : ''}`}</Typography.Title>
        <Flex gap={6} wrap style={{ marginTop: 6 }}>
          <Tag color={LEASE_STATUS_COLOR[l.status]} data-testid="lease-status" data-status={l.status}>{pick(l.statusLabel)}</Tag>
          <Tag>{t(`market.lease.kind.${l.kind}`)}</Tag>
          {l.purchasePriceCny !== null ? <Tag color="purple">{t('market.lease.rentToOwn')}</Tag> : null}
          {l.overdueRents ? <Tag color="red" data-testid="lease-overdue">{t('market.lease.overdueN', { n: l.overdueRents })}</Tag> : null}
        </Flex>
      </div>
      <Card size="small" title={t('market.orders.actions')}>
        <Flex gap={8} wrap>
          {can('bill') && next ? <Button type="primary" data-testid="lease-bill" onClick={() => setDialog({ kind: 'bill', seq: next.seq })}>{t('market.lease.billN', { n: next.seq })}</Button> : null}
          {can('payRent') && next ? <Button type="primary" data-testid="lease-pay" onClick={() => setDialog({ kind: 'pay', seq: next.seq })}>{t('market.lease.payN', { n: next.seq })}</Button> : null}
          {can('return') ? <Button type="primary" data-testid="lease-return" onClick={() => setDialog({ kind: 'return' })}>{t('market.lease.return')}</Button> : null}
          {can('terminate') ? <Button danger data-testid="lease-terminate" onClick={() => setDialog({ kind: 'terminate' })}>{t('market.lease.terminate')}</Button> : null}
          <Button href={leaseStatement(l.id)} data-testid="lease-statement">{t('market.lease.statement')}</Button>
        </Flex>
      </Card>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('market.lease.lessor')}>{l.lessor.name}</Descriptions.Item>
          <Descriptions.Item label={t('market.lease.lessee')}>{l.lessee.name}</Descriptions.Item>
          {l.financier ? <Descriptions.Item label={t('market.lease.financier')}>{l.financier.name}</Descriptions.Item> : null}
          <Descriptions.Item label={t('market.lease.unitCode')}><a href={`/p/${encodeURIComponent(l.product.code)}`} target="_blank" rel="noreferrer">{l.product.code}</a></Descriptions.Item>
          <Descriptions.Item label={t('market.lease.term')}>{`${l.startOn} – ${l.endOn}（${l.months}）`}</Descriptions.Item>
          <Descriptions.Item label={t('market.lease.deposit')}>{formatCny(l.depositCny, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('market.lease.billing')}>
            {l.billing === 'fixed' ? t('market.lease.fixedText', { rent: formatCny(l.monthlyRentCny, locale) }) : `${t('market.lease.usageText', { rate: formatCny(l.ratePerHourCny, locale) })}，${t('market.lease.minimum')} ${formatCny(l.minimumMonthlyCny, locale)}；${t('market.lease.startHours')} ${l.startHours}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('market.lease.paid')}><span data-testid="lease-paid">{formatCny(l.rentsPaidCny, locale)}</span></Descriptions.Item>
          {l.purchasePriceCny !== null ? <Descriptions.Item label={t('market.lease.purchasePrice')}>{`${formatCny(l.purchasePriceCny, locale)}（${t('market.lease.balance')} ${formatCny(l.purchaseBalanceCny, locale)}）`}</Descriptions.Item> : null}
          {l.terminateReason ? <Descriptions.Item label={t('market.lease.terminateReason')}>{l.terminateReason}</Descriptions.Item> : null}
          {l.returnDisposition ? <Descriptions.Item label={t('market.lease.return')}>{t(`market.lease.disp.${l.returnDisposition}` as MessageKey)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <UnitPoliciesCard codes={[l.product.code]} leaseId={l.id} canRecord={isEnterprise && l.status === 'active'} />
      <Card size="small" title={t('market.lease.schedule')}>
        <Table
          size="small"
          rowKey="seq"
          pagination={l.rents.length > 12 ? { pageSize: 12 } : false}
          dataSource={l.rents}
          scroll={{ x: 800 }}
          data-testid="lease-rents"
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            { title: t('market.lease.period'), key: 'p', render: (_, r) => `${r.periodFrom} – ${r.periodTo}` },
            { title: t('market.lease.dueOn'), dataIndex: 'dueOn', width: 110 },
            { title: t('market.lease.hours'), key: 'h', width: 120, render: (_, r) => (r.hours === null ? '—' : `${r.hours}${r.readingSource === 'monitoring' ? ` · ${t('market.lease.monitored')}` : ''}`) },
            { title: t('market.lease.rent'), key: 'a', width: 150, align: 'right', render: (_, r) => (r.amountCny === null ? '—' : formatCny(r.amountCny + r.purchaseBalanceCny, locale)) },
            { title: t('common.status'), key: 's', width: 130, render: (_, r) => <Flex gap={4}><Tag data-testid="rent-status" data-status={r.status}>{t(`market.lease.rent.${r.status}` as MessageKey)}</Tag>{r.overdue ? <Tag color="red">{t('market.ti.overdue')}</Tag> : null}</Flex> },
            { title: t('market.lease.paidAt'), key: 'pa', width: 170, render: (_, r) => (r.paidAt ? formatDateTime(r.paidAt, locale) : '—') },
          ]}
        />
      </Card>
      {dialog ? <LeaseDialog lease={l} dialog={dialog} onClose={() => setDialog(null)} onDone={done} /> : null}
    </Flex>
  );
}

function LeaseDialog({ lease, dialog, onClose, onDone }: { lease: Lease; dialog: Dialog; onClose: () => void; onDone: (l: Lease) => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<{ readingHours?: number; reference?: string; reason?: string; disposition?: 'relet' | 'core_intake'; grade?: 'A' | 'B' | 'C' | 'D' }>();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const title = dialog.kind === 'bill' ? t('market.lease.billN', { n: dialog.seq }) : dialog.kind === 'pay' ? t('market.lease.payN', { n: dialog.seq }) : t(`market.lease.${dialog.kind}` as MessageKey);
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      const r =
        dialog.kind === 'bill' ? await leaseApi.bill(lease.id, dialog.seq, v.readingHours ?? undefined)
        : dialog.kind === 'pay' ? await leaseApi.pay(lease.id, dialog.seq, v.reference?.trim() || undefined)
        : dialog.kind === 'terminate' ? await leaseApi.terminate(lease.id, v.reason ?? '')
        : await leaseApi.return(lease.id, { disposition: v.disposition ?? 'relet', ...(v.grade ? { grade: v.grade } : {}) });
      onDone(r);
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} okText={title} confirmLoading={busy} okButtonProps={{ 'data-testid': 'lease-ok', danger: dialog.kind === 'terminate' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ disposition: 'relet' }}>
        {dialog.kind === 'bill' ? (
          <Form.Item name="readingHours" label={t('market.lease.reading')} extra={t('market.lease.readingHelp')}>
            <InputNumber<number> min={0} style={{ width: 200 }} data-testid="lease-reading" />
          </Form.Item>
        ) : null}
        {dialog.kind === 'pay' ? (
          <Form.Item name="reference" label={t('market.orders.f.reference')}>
            <Input maxLength={100} data-testid="lease-reference" />
          </Form.Item>
        ) : null}
        {dialog.kind === 'terminate' ? (
          <Form.Item name="reason" label={t('market.orders.f.reason')} extra={t('market.lease.terminateHelp')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="lease-reason" />
          </Form.Item>
        ) : null}
        {dialog.kind === 'return' ? (
          <>
            <Form.Item name="disposition" label={t('market.lease.disposition')}>
              <Select data-testid="lease-disposition" options={(['relet', 'core_intake'] as const).map((d) => ({ value: d, label: t(`market.lease.disp.${d}`) }))} />
            </Form.Item>
            <Form.Item name="grade" label={t('market.orders.f.grade')}>
              <Select allowClear options={(['A', 'B', 'C', 'D'] as const).map((g) => ({ value: g, label: t(`market.ti.grade.${g}`) }))} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
