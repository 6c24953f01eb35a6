import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../auth';
import { validated } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { useLocale, type MessageKey } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { formatCny, marketApi, marketKeys } from './marketApi';
import { leaseApi, leaseKeys, type CreateLeaseBody, type Lease } from './orderApi';

export const LEASE_STATUS_COLOR: Record<Lease['status'], string> = { active: 'blue', ended: 'gold', terminated: 'orange', returned: 'default', purchased: 'green' };

/**
 * 租赁合同 (lessor enterprises: their leases; buyer organisations: those they lease or finance; MIIT: all).
 * The enterprise starts a lease of one of its genuine units (新建租赁): operating or finance lease, fixed or
 * usage-based rent, optionally 以租代购 — the server checks everything and answers refusals under the fields.
 */
export default function LeasesPage() {
  const { locale, t, pick } = useLocale();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isLessor = me.data?.role === 'enterprise_admin' || me.data?.role === 'enterprise_staff';
  const { page, pageSize, pagination } = useUrlPaging();
  const query = { page, pageSize };
  const list = useQuery({ queryKey: leaseKeys.list(query), queryFn: ({ signal }) => leaseApi.list(query, signal), placeholderData: keepPreviousData });
  const [open, setOpen] = useState(false);

  const columns: TableColumnsType<Lease> = [
    { title: t('market.lease.unit'), key: 'unit', render: (_, l) => <Link to={`/leases/${l.id}`} data-testid="lease-link">{`${l.product.name}${l.product.model ? ` ${l.product.model}` : ''}`}</Link> },
    { title: t('market.lease.lessor'), key: 'lessor', render: (_, l) => l.lessor.name },
    { title: t('market.lease.lessee'), key: 'lessee', render: (_, l) => l.lessee.name },
    { title: t('market.lease.term'), key: 'term', width: 210, render: (_, l) => `${l.startOn} – ${l.endOn}` },
    { title: t('market.lease.billing'), key: 'billing', width: 180, render: (_, l) => (l.billing === 'fixed' ? t('market.lease.fixedText', { rent: formatCny(l.monthlyRentCny, locale) }) : t('market.lease.usageText', { rate: formatCny(l.ratePerHourCny, locale) })) },
    {
      title: t('common.status'),
      key: 'status',
      width: 190,
      render: (_, l) => (
        <Flex gap={4} wrap>
          <Tag color={LEASE_STATUS_COLOR[l.status]} data-testid="lease-row-status" data-status={l.status}>{pick(l.statusLabel)}</Tag>
          {l.purchasePriceCny !== null ? <Tag color="purple">{t('market.lease.rentToOwn')}</Tag> : null}
          {l.overdueRents ? <Tag color="red">{t('market.lease.overdueN', { n: l.overdueRents })}</Tag> : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('market.lease.title')}
        subTitle={t('market.lease.sub')}
        extra={isLessor ? <Button type="primary" onClick={() => setOpen(true)} data-testid="lease-new">{t('market.lease.new')}</Button> : null}
      />
      <Card>
        <Table<Lease> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.isFetching} pagination={pagination(list.data?.total ?? 0)} scroll={{ x: 1000 }} data-testid="leases-table" locale={{ emptyText: list.isError ? t('common.loadFailed') : t('market.lease.none') }} />
      </Card>
      {open ? (
        <NewLeaseDialog
          onClose={() => setOpen(false)}
          onCreated={(id) => {
            setOpen(false);
            message.success(t('market.lease.created'));
            void qc.invalidateQueries({ queryKey: leaseKeys.all });
            navigate(`/leases/${id}`);
          }}
        />
      ) : null}
    </>
  );
}

type FormValues = Omit<CreateLeaseBody, 'billing'> & { mode: 'fixed' | 'usage'; monthlyRentCny?: number; ratePerHourCny?: number; minimumMonthlyCny?: number; startHours?: number };

function NewLeaseDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<FormValues>();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const [search, setSearch] = useState('');
  const products = useQuery({ queryKey: marketKeys.products(search), queryFn: ({ signal }) => marketApi.genuineProducts(search || undefined, signal), placeholderData: keepPreviousData });
  const mode = Form.useWatch('mode', form) ?? 'fixed';
  const kind = Form.useWatch('kind', form) ?? 'operating';

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      const { mode: m, monthlyRentCny, ratePerHourCny, minimumMonthlyCny, startHours, ...rest } = v;
      const billing = m === 'fixed' ? { mode: 'fixed' as const, monthlyRentCny: monthlyRentCny! } : { mode: 'usage' as const, ratePerHourCny: ratePerHourCny!, minimumMonthlyCny: minimumMonthlyCny ?? 0, ...(startHours !== undefined && startHours !== null ? { startHours } : {}) };
      const l = await leaseApi.create({ ...rest, financierCreditCode: rest.kind === 'finance' ? rest.financierCreditCode : undefined, purchasePriceCny: rest.purchasePriceCny ?? undefined, startOn: rest.startOn || undefined, billing });
      onCreated(l.id);
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('market.lease.new')} onCancel={onClose} onOk={() => void submit()} okText={t('market.lease.create')} confirmLoading={busy} width={680} okButtonProps={{ 'data-testid': 'lease-create' } as never} destroyOnHidden>
      <Form<FormValues> form={form} layout="vertical" initialValues={{ kind: 'operating', mode: 'fixed', months: 12, depositCny: 0 }} data-testid="lease-form">
        <Form.Item name="productCode" label={t('market.lease.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch={{ filterOption: false, onSearch: setSearch }} loading={products.isFetching} data-testid="lease-product" options={(products.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name}${p.model ? ` ${p.model}` : ''} · ${p.code}` }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="lesseeCreditCode" label={t('market.lease.lesseeCode')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={18} style={{ width: 240 }} data-testid="lease-lessee" />
          </Form.Item>
          <Form.Item name="kind" label={t('market.lease.kind')}>
            <Select style={{ width: 160 }} data-testid="lease-kind" options={(['operating', 'finance'] as const).map((k) => ({ value: k, label: t(`market.lease.kind.${k}`) }))} />
          </Form.Item>
          {kind === 'finance' ? (
            <Form.Item name="financierCreditCode" label={t('market.lease.financierCode')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={18} style={{ width: 240 }} data-testid="lease-financier" />
            </Form.Item>
          ) : null}
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="startOn" label={t('market.lease.startOn')}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 150 }} data-testid="lease-start" />
          </Form.Item>
          <Form.Item name="months" label={t('market.lease.months')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={1} max={120} precision={0} style={{ width: 120 }} data-testid="lease-months" />
          </Form.Item>
          <Form.Item name="depositCny" label={t('market.lease.deposit')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={0} precision={2} style={{ width: 160 }} data-testid="lease-deposit" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="mode" label={t('market.lease.billing')}>
            <Select style={{ width: 180 }} data-testid="lease-mode" options={(['fixed', 'usage'] as const).map((m) => ({ value: m, label: t(`market.lease.mode.${m}` as MessageKey) }))} />
          </Form.Item>
          {mode === 'fixed' ? (
            <Form.Item name="monthlyRentCny" label={t('market.lease.monthlyRent')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber<number> min={0.01} precision={2} style={{ width: 160 }} data-testid="lease-rent" />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="ratePerHourCny" label={t('market.lease.rate')} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber<number> min={0.01} precision={2} style={{ width: 140 }} data-testid="lease-rate" />
              </Form.Item>
              <Form.Item name="minimumMonthlyCny" label={t('market.lease.minimum')} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber<number> min={0} precision={2} style={{ width: 140 }} data-testid="lease-minimum" />
              </Form.Item>
              <Form.Item name="startHours" label={t('market.lease.startHours')} extra={t('market.lease.startHoursHelp')}>
                <InputNumber<number> min={0} style={{ width: 140 }} data-testid="lease-start-hours" />
              </Form.Item>
            </>
          )}
        </Flex>
        <Form.Item name="purchasePriceCny" label={t('market.lease.purchasePrice')} extra={t('market.lease.purchaseHelp')}>
          <InputNumber<number> min={0.01} precision={2} style={{ width: 200 }} data-testid="lease-purchase" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
