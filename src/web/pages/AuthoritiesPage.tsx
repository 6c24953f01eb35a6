import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Authority, type BodyOf } from '../api';
import { useCurrentUser } from '../auth';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { authorityKindLabel, regionLabel } from '../format';
import { useLocale } from '../i18n';
import { qk, useAuthorities } from '../queries';

const KIND_COLORS: Record<string, string> = { ministry: 'red', province: 'blue', plan_city: 'cyan', xpcc: 'purple' };

export default function AuthoritiesPage() {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const authorities = useAuthorities();
  const [editing, setEditing] = useState<Authority | null>(null);
  const [form] = Form.useForm<{ name: string; nameEn: string }>();
  const canEdit = me.role === 'ministry_admin';

  const save = useMutation({
    mutationFn: (v: { name: string; nameEn: string }) => {
      const body: BodyOf<'/api/v1/authorities/{id}', 'patch'> = {};
      if (v.name.trim() !== editing!.name) body.name = v.name.trim();
      if (v.nameEn.trim() !== editing!.nameEn) body.nameEn = v.nameEn.trim();
      if (Object.keys(body).length === 0) return Promise.resolve(editing!);
      return unwrap(client.PATCH('/api/v1/authorities/{id}', { params: { path: { id: editing!.id } }, body }));
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: qk.authorities });
    },
    onError: (e) => onError(e, form),
  });

  const columns: TableColumnsType<Authority> = [
    { title: t('auth.id'), dataIndex: 'id', key: 'id', width: 130, render: (v: string) => <code>{v}</code> },
    {
      title: t('auth.kind'),
      key: 'kind',
      width: 170,
      render: (_, a) => <Tag color={KIND_COLORS[a.kind] ?? 'default'}>{authorityKindLabel(a.kind, locale)}</Tag>,
    },
    {
      title: t('auth.regionCode'),
      key: 'regionCode',
      width: 200,
      render: (_, a) => (a.regionCode ? `${a.regionCode} ${regionLabel(a.regionCode, locale)}` : '—'),
    },
    { title: t('auth.name'), dataIndex: 'name', key: 'name' },
    { title: t('auth.nameEn'), dataIndex: 'nameEn', key: 'nameEn' },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, a) => (
        <Button
          type="link"
          size="small"
          data-testid={`authority-edit-${a.id}`}
          onClick={() => {
            setEditing(a);
            form.setFieldsValue({ name: a.name, nameEn: a.nameEn });
          }}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <>
      <PageHeader title={t('auth.title')} />
      <Card>
        <Table<Authority>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={authorities.data?.items ?? []}
          loading={authorities.isLoading}
          pagination={false}
          data-testid="authorities-table"
          locale={authorities.isError ? { emptyText: t('common.loadFailed') } : undefined}
          scroll={{ x: 1000 }}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? `${t('auth.edit')} — ${editing.id}` : t('auth.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'authority-save' } as Record<string, string>}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('auth.name')} rules={[required, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('auth.nameEn')} rules={[required, { max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
