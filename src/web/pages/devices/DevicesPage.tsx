import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { formatDateTime, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { BulkProvisionModal } from './BulkProvisionModal';
import { devicesApi, type Credentials, type Device } from './devicesApi';

export function DeviceStatusTag({ d }: { d: Pick<Device, 'status' | 'online'> }) {
  const { t } = useLocale();
  if (d.status === 'revoked') return <Tag data-testid="device-status">{t('monitoring.status.revoked')}</Tag>;
  return d.online ? (
    <Tag color="green" data-testid="device-status">
      {t('monitoring.status.online')}
    </Tag>
  ) : (
    <Tag color="default" data-testid="device-status">
      {t('monitoring.status.offline')}
    </Tag>
  );
}

/** The one-time credentials after provisioning or rotation. */
export function CredentialsModal({ credentials, onClose }: { credentials: Credentials | null; onClose: () => void }) {
  const { t } = useLocale();
  return (
    <OneTimeSecret
      open={credentials !== null}
      title={t('monitoring.secret.title')}
      label={`${t('monitoring.secret.label')} — ${credentials ? t('monitoring.secret.clientId', { clientId: credentials.clientId, username: credentials.username }) : ''}`}
      secret={credentials?.password ?? null}
      warning={t('monitoring.secret.warning')}
      onClose={onClose}
      testId="device-secret"
    />
  );
}

/** 在役设备: the devices the caller may read (its enterprise's, and those it owns or leases per the trace). */
export default function DevicesPage() {
  const { locale, t } = useLocale();
  const me = useMe();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const model = params.get('model') ?? '';
  const [provisionOpen, setProvisionOpen] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [form] = Form.useForm<{ productCode: string; name?: string; regionCode?: string }>();
  const canProvision = me.data?.role === 'enterprise_admin';

  const list = useQuery({
    queryKey: ['devices', 'list', { page, pageSize, q, status, model }],
    queryFn: ({ signal }) =>
      devicesApi.list({ page, pageSize, q: q || undefined, status: (status || undefined) as 'online' | undefined, model: model || undefined }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

  const provision = useMutation({
    mutationFn: (v: { productCode: string; name?: string; regionCode?: string }) =>
      devicesApi.provision({ productCode: v.productCode, name: v.name || undefined, regionCode: v.regionCode || undefined }),
    onSuccess: (r) => {
      setProvisionOpen(false);
      form.resetFields();
      setCredentials(r.credentials);
      void qc.invalidateQueries({ queryKey: ['devices'] });
    },
    onError: (e) => onError(e, form),
  });

  const columns: TableColumnsType<Device> = [
    {
      title: t('monitoring.col.name'),
      key: 'name',
      render: (_, d) => (
        <Link to={`/devices/${d.id}`} data-testid={`device-link-${d.productCode}`}>
          {d.name}
        </Link>
      ),
    },
    { title: t('monitoring.col.product'), key: 'code', render: (_, d) => <code>{d.productCode}</code> },
    { title: t('monitoring.col.model'), key: 'model', render: (_, d) => d.productModel ?? '—' },
    { title: t('monitoring.col.status'), key: 'status', render: (_, d) => <DeviceStatusTag d={d} /> },
    { title: t('monitoring.col.lastSeen'), key: 'seen', render: (_, d) => (d.lastSeenAt ? formatDateTime(d.lastSeenAt, locale) : '—') },
    { title: t('monitoring.col.points'), key: 'points', align: 'right', render: (_, d) => formatNumber(d.pointsStored, locale) },
    { title: t('monitoring.col.refused'), key: 'refused', align: 'right', render: (_, d) => (d.pointsRefused > 0 ? <Typography.Text type="warning">{d.pointsRefused}</Typography.Text> : 0) },
  ];

  return (
    <>
      <PageHeader
        title={t('monitoring.devices.title')}
        subTitle={t('monitoring.devices.sub')}
        extra={
          canProvision ? (
            <Flex gap={8}>
              <Button onClick={() => setBulkOpen(true)} data-testid="device-bulk">
                {t('monitoring.bulk')}
              </Button>
              <Button type="primary" onClick={() => setProvisionOpen(true)} data-testid="device-provision">
                {t('monitoring.provision')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('monitoring.devices.search')}
            aria-label={t('monitoring.devices.search')}
            style={{ width: 280 }}
            onSearch={(v) => update({ q: v || undefined, page: undefined })}
          />
          <Select
            value={status}
            style={{ width: 160 }}
            aria-label={t('monitoring.col.status')}
            onChange={(v) => update({ status: v || undefined, page: undefined })}
            options={[
              { value: '', label: t('monitoring.status.all') },
              { value: 'online', label: t('monitoring.status.online') },
              { value: 'offline', label: t('monitoring.status.offline') },
              { value: 'revoked', label: t('monitoring.status.revoked') },
            ]}
          />
          <Input.Search
            allowClear
            defaultValue={model}
            placeholder={t('monitoring.col.model')}
            aria-label={t('monitoring.col.model')}
            style={{ width: 180 }}
            onSearch={(v) => update({ model: v || undefined, page: undefined })}
          />
        </Flex>
        <div data-testid="devices-table">
        <Table<Device>
          rowKey="id"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t('monitoring.devices.empty') }}
          pagination={pagination(list.data?.total ?? 0)}
        />
        </div>
      </Card>
      <Modal
        open={provisionOpen}
        title={t('monitoring.provision.title')}
        onCancel={() => setProvisionOpen(false)}
        okText={t('monitoring.provision.submit')}
        confirmLoading={provision.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => provision.mutate(v)}>
          <Form.Item name="productCode" label={t('monitoring.provision.productCode')} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="provision-code" />
          </Form.Item>
          <Form.Item name="name" label={t('monitoring.provision.name')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('monitoring.provision.region')} rules={[{ pattern: /^\d{6}$/ }]}>
            <Input maxLength={6} />
          </Form.Item>
        </Form>
      </Modal>
      <CredentialsModal credentials={credentials} onClose={() => setCredentials(null)} />
      {canProvision ? <BulkProvisionModal open={bulkOpen} onClose={() => setBulkOpen(false)} /> : null}
    </>
  );
}
