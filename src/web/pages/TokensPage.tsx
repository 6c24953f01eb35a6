import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, unwrap, type ApiToken } from '../api';
import { OneTimeSecret } from '../components/OneTimeSecret';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { formatDateTime } from '../format';
import { pick, useLocale } from '../i18n';
import { qk } from '../queries';
import { useUrlPaging } from '../paging';

export default function TokensPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; scopes: string[] }>();

  const { page, pageSize, pagination } = useUrlPaging();
  const tokens = useQuery({
    queryKey: [...qk.tokens, { page, pageSize }],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/tokens', { params: { query: { page, pageSize } }, signal })),
  });

  const scopes = useQuery({
    queryKey: [...qk.tokens, 'scopes'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/tokens/scopes', { signal })),
    staleTime: Infinity,
  });
  const scopeLabel = (s: string) => {
    const info = scopes.data?.items.find((i) => i.scope === s);
    return info ? pick(locale, info.label) : s;
  };

  const create = useMutation({
    mutationFn: (v: { name: string; scopes: string[] }) => unwrap(client.POST('/api/v1/tokens', { body: v })),
    onSuccess: (res) => {
      setCreating(false);
      form.resetFields();
      setCreated(res.token);
      void qc.invalidateQueries({ queryKey: qk.tokens });
    },
    onError: (e) => onError(e, form),
  });

  const revoke = useMutation({
    mutationFn: (id: string) => client.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } }),
    onSuccess: () => {
      message.success(t('tokens.revokedMsg'));
      void qc.invalidateQueries({ queryKey: qk.tokens });
    },
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      render: (v: string) => <code>{v}…</code>,
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, tk) =>
        tk.revokedAt ? <Tag color="default">{t('tokens.revoked')}</Tag> : <Tag color="green">{t('tokens.active')}</Tag>,
    },
    {
      title: t('tokens.scopes'),
      key: 'scopes',
      render: (_, tk) => (
        <Space size={[4, 4]} wrap>
          {tk.scopes.map((s) => (
            <Tag key={s} title={scopeLabel(s)}>
              {s}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('common.createdAt'), key: 'createdAt', render: (_, tk) => formatDateTime(tk.createdAt, locale) },
    { title: t('tokens.lastUsedAt'), key: 'lastUsedAt', render: (_, tk) => formatDateTime(tk.lastUsedAt, locale) },
    { title: t('tokens.revokedAt'), key: 'revokedAt', render: (_, tk) => formatDateTime(tk.revokedAt, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, tk) =>
        tk.revokedAt ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm')}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutateAsync(tk.id).catch(() => undefined)}
          >
            <Button type="link" danger size="small" data-testid={`token-revoke-${tk.id}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        }
      />
      <Card>
        <Alert type="info" showIcon title={t('tokens.intro')} style={{ marginBottom: 16 }} />
        <Table<ApiToken>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tokens.data?.items ?? []}
          loading={tokens.isLoading}
          pagination={pagination(tokens.data?.total ?? 0)}
          data-testid="tokens-table"
          locale={tokens.isError ? { emptyText: t('common.loadFailed') } : undefined}
        />
      </Card>
      <Modal
        open={creating}
        title={t('tokens.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'token-create-submit' } as Record<string, string>}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate({ name: v.name.trim(), scopes: v.scopes })}>
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
            <Input id="token-name" maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('tokens.scopes')}
            extra={t('tokens.scopesHelp')}
            initialValue={['epcis:write', 'epcis:read', 'trace:read']}
            rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
          >
            <Checkbox.Group
              data-testid="token-scopes"
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={(scopes.data?.items ?? []).map((i) => ({ value: i.scope, label: `${i.scope} — ${pick(locale, i.label)}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <OneTimeSecret
        open={created !== null}
        title={t('tokens.createdTitle')}
        label={t('tokens.title')}
        secret={created}
        warning={t('tokens.onceWarning')}
        onClose={() => setCreated(null)}
        testId="token-value"
      />
    </>
  );
}
