import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { client, unwrap, type CreateUserInput, type Role, type User } from '../api';
import { useCurrentUser } from '../auth';
import { EnterpriseSelect, useDebouncedSearch } from '../components/EnterpriseSelect';
import { OneTimeSecret } from '../components/OneTimeSecret';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { formatDateTime, orgKindLabel, roleLabel } from '../format';
import { bilingual, useLocale } from '../i18n';
import { GRANTABLE_ROLES, MIIT_ID, userOrgKindOf } from '../menu';
import { qk, useAuthorities } from '../queries';
import { useUrlPaging } from '../paging';

/** An organisation to pick for a new user: a page of matches of the typed text (name, or the start of a credit code). */
interface OrgOption {
  value: string;
  label: string;
}

/**
 * Remote-search select of registered buyers or insurers (GET /api/v1/buyer-orgs, the ministry admin's directory) or
 * of the published testing organisations (the public directory): like EnterpriseSelect, 20 matches of the typed text.
 */
function OrgSearchSelect({ kind, value, onChange, id }: { kind: 'buyer' | 'insurer' | 'testing_org'; value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const { t } = useLocale();
  const [debounced, setSearch] = useDebouncedSearch();
  const q = debounced || undefined;
  const list = useQuery({
    queryKey: ['users', 'org-pick', kind, q],
    queryFn: async ({ signal }): Promise<OrgOption[]> => {
      if (kind === 'testing_org') {
        const page = await unwrap(client.GET('/api/v1/public/testing-organizations', { params: { query: { q, pageSize: 20 } }, signal }));
        return page.items.map((o) => ({ value: o.id, label: `${o.name}（${o.accreditationNo}）` }));
      }
      const page = await unwrap(client.GET('/api/v1/buyer-orgs', { params: { query: { kind, q, pageSize: 20 } }, signal }));
      return page.items.map((o) => ({ value: o.id, label: `${o.name}（${o.creditCode}）` }));
    },
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={list.data ?? []}
      allowClear
      placeholder={t(`users.orgSearch.${kind}`)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      style={{ width: '100%' }}
      data-testid="user-org-select"
    />
  );
}

interface CreateValues {
  username: string;
  displayName: string;
  role?: Role;
  organizationId?: string | null;
}

function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User, initialPassword: string) => void;
}) {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<CreateValues>();
  const role = Form.useWatch('role', form);
  const isMinistryAdmin = me.role === 'ministry_admin';
  // the ministry admin picks the organisation of any kind: enterprises, authorities, experts, the ministry, registered
  // buyers and insurers (e.g. the first admin of one, after a phone call) and the published testing organisations
  const grantable = GRANTABLE_ROLES[me.role] ?? [];
  const kind = role ? userOrgKindOf(role) : undefined;
  const authorities = useAuthorities(open && isMinistryAdmin);
  const experts = useQuery({
    queryKey: [...qk.experts, 'pick'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/experts', { params: { query: { pageSize: 200 } }, signal })),
    enabled: open && isMinistryAdmin && kind === 'expert',
  });

  // The ministry admin picks the organisation; other admins create users in their own.
  useEffect(() => {
    if (open && isMinistryAdmin) form.setFieldValue('organizationId', kind === 'ministry' ? MIIT_ID : null);
  }, [open, kind, isMinistryAdmin, form]);

  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      unwrap(
        client.POST('/api/v1/users', {
          body: {
            username: v.username.trim().toLowerCase(),
            displayName: v.displayName.trim(),
            role: v.role!,
            organizationId: isMinistryAdmin ? v.organizationId! : me.organization.id,
          } satisfies CreateUserInput,
        }),
      ),
    onSuccess: (res) => {
      form.resetFields();
      onCreated(res.user, res.initialPassword);
    },
    onError: (e) => onError(e, form),
  });

  const required = { required: true, message: t('common.required') };

  let orgField: ReactNode;
  if (!isMinistryAdmin) {
    orgField = <Input value={me.organization.name} disabled />;
  } else if (kind === 'enterprise') {
    orgField = <EnterpriseSelect />;
  } else if (kind === 'authority') {
    orgField = (
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('common.pleaseSelect')}
        loading={authorities.isLoading}
        options={(authorities.data?.items ?? [])
          .filter((a) => a.id !== MIIT_ID)
          .map((a) => ({ value: a.id, label: bilingual(locale, a.name, a.nameEn || a.name) }))}
      />
    );
  } else if (kind === 'expert') {
    orgField = (
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('common.pleaseSelect')}
        loading={experts.isLoading}
        options={(experts.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.organization}）` }))}
      />
    );
  } else if (kind === 'buyer' || kind === 'insurer' || kind === 'testing_org') {
    orgField = <OrgSearchSelect key={kind} kind={kind} />;
  } else if (kind === 'ministry') {
    orgField = <Select disabled options={[{ value: MIIT_ID, label: t('users.orgMiit') }]} />;
  } else {
    orgField = <Select disabled placeholder={t('users.role')} />;
  }

  return (
    <Modal
      open={open}
      title={t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'user-create-submit' } as Record<string, string>}
      forceRender
    >
      <Form<CreateValues> form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ role: grantable[0] }}>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameRule')}
          rules={[required, { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}$/, message: t('users.usernameRule') }]}
        >
          <Input id="new-username" autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required, { max: 100 }]}>
          <Input id="new-displayName" maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required]}>
          <Select id="new-role" options={grantable.map((r) => ({ value: r, label: roleLabel(r, locale) }))} />
        </Form.Item>
        {isMinistryAdmin ? (
          <Form.Item name="organizationId" label={t('users.organization')} rules={[required]}>
            {orgField}
          </Form.Item>
        ) : (
          <Form.Item label={t('users.organization')}>{orgField}</Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? '';
  const [searchText, setSearchText] = useState(q);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);

  const users = useQuery({
    queryKey: qk.users({ page, pageSize, q }),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/users', { params: { query: { page, pageSize, q: q || undefined } }, signal })),
    placeholderData: keepPreviousData,
  });


  const reset = useMutation({
    mutationFn: (u: User) => unwrap(client.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: u.id } } })),
    onSuccess: (res, u) => {
      setSecret({ username: u.username, password: res.initialPassword });
      void qc.invalidateQueries({ queryKey: qk.usersAll });
    },
    onError: (e) => onError(e),
  });

  const toggle = useMutation({
    mutationFn: (u: User) => unwrap(client.PATCH('/api/v1/users/{id}', { params: { path: { id: u.id } }, body: { disabled: !u.disabled } })),
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: qk.usersAll });
    },
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      render: (v: string, u) => (
        <span>
          {v}
          {u.id === me.id ? <Tag style={{ marginInlineStart: 8 }}>{t('users.self')}</Tag> : null}
        </span>
      ),
    },
    { title: t('users.role'), key: 'role', render: (_, u) => roleLabel(u.role, locale) },
    {
      title: t('users.organization'),
      key: 'organization',
      render: (_, u) => (
        <span>
          {u.organization?.name ?? '—'}
          {u.organization ? <Typography.Text type="secondary"> · {orgKindLabel(u.organization.kind, locale)}</Typography.Text> : null}
        </span>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap>
          {u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>}
          {u.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('users.lastLoginAt'), key: 'lastLoginAt', render: (_, u) => formatDateTime(u.lastLoginAt, locale), width: 170 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, u) =>
        u.id === me.id ? null : (
          <Space size={0}>
            <Popconfirm
              title={t('users.resetConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => reset.mutateAsync(u).catch(() => undefined)}
            >
              <Button type="link" size="small" data-testid={`user-reset-${u.username}`}>
                {t('users.resetPassword')}
              </Button>
            </Popconfirm>
            {u.disabled ? (
              <Button type="link" size="small" onClick={() => toggle.mutate(u)} data-testid={`user-enable-${u.username}`}>
                {t('users.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('users.disableConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => toggle.mutateAsync(u).catch(() => undefined)}
              >
                <Button type="link" size="small" danger data-testid={`user-disable-${u.username}`}>
                  {t('users.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subTitle={me.role === 'ministry_admin' ? undefined : me.organization.name}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            enterButton={t('common.search')}
            style={{ width: 340, maxWidth: '100%' }}
          />
        </Flex>
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          data-testid="users-table"
          locale={users.isError ? { emptyText: t('common.loadFailed') } : undefined}
          pagination={pagination(users.data?.total ?? 0)}
          scroll={{ x: 900 }}
        />
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u, pw) => {
          setCreating(false);
          setSecret({ username: u.username, password: pw });
          message.success(t('common.created'));
          void qc.invalidateQueries({ queryKey: qk.usersAll });
        }}
      />
      <OneTimeSecret
        open={secret !== null}
        title={secret ? `${t('users.initialPasswordTitle')} — ${secret.username}` : ''}
        label={t('users.initialPassword')}
        secret={secret?.password ?? null}
        warning={t('users.initialPasswordHint')}
        onClose={() => setSecret(null)}
        testId="initial-password"
      />
    </>
  );
}
