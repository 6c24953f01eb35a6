import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { REMAN_FIELDS } from '../../domain/enterprise';
import { client, unwrap, type Expert, type ExpertInput } from '../api';
import { useCurrentUser } from '../auth';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { optionsOf, remanFieldLabel } from '../format';
import { useLocale } from '../i18n';
import { qk } from '../queries';
import { useUrlPaging } from '../paging';

export default function ExpertsPage() {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ExpertInput>();
  const canAdd = me.role === 'ministry_admin';
  const { page, pageSize, pagination, params, update } = useUrlPaging();
  // 按领域、姓名或单位查找 (issue 16 item 11), kept in the URL with the page
  const field = (params.get('field') as ExpertInput['fields'][number] | null) || undefined;
  const q = params.get('q') || undefined;

  const experts = useQuery({
    queryKey: [...qk.experts, { page, pageSize, field, q }],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/experts', { params: { query: { page, pageSize, field, q } }, signal })),
    placeholderData: keepPreviousData,
  });

  const add = useMutation({
    mutationFn: (v: ExpertInput) => {
      const body: ExpertInput = {
        name: v.name.trim(),
        organization: v.organization.trim(),
        title: v.title?.trim(),
        fields: v.fields ?? [],
      };
      if (v.phone?.trim()) body.phone = v.phone.trim();
      if (v.email?.trim()) body.email = v.email.trim();
      return unwrap(client.POST('/api/v1/experts', { body }));
    },
    onSuccess: () => {
      message.success(t('common.created'));
      setAdding(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: qk.experts });
    },
    onError: (e) => onError(e, form),
  });

  const columns: TableColumnsType<Expert> = [
    { title: t('experts.name'), dataIndex: 'name', key: 'name' },
    { title: t('experts.organization'), dataIndex: 'organization', key: 'organization' },
    { title: t('experts.jobTitle'), dataIndex: 'title', key: 'title' },
    {
      title: t('experts.fields'),
      key: 'fields',
      render: (_, x) => (
        <Space size={[0, 4]} wrap>
          {(x.fields ?? []).map((f) => (
            <Tag key={f} color="blue">
              {remanFieldLabel(f, locale)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('experts.phone'), key: 'phone', render: (_, x) => x.phone || '—' },
    { title: t('experts.email'), key: 'email', render: (_, x) => x.email || '—' },
  ];

  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <>
      <PageHeader
        title={t('experts.title')}
        extra={
          canAdd ? (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="expert-add">
              {t('experts.add')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }} data-testid="expert-filters">
          <Select
            allowClear
            value={field}
            onChange={(v: string | undefined) => update({ field: v, page: 1 })}
            options={optionsOf(REMAN_FIELDS, locale)}
            placeholder={t('ux.experts.allFields')}
            aria-label={t('experts.fields')}
            style={{ width: 220 }}
            data-testid="expert-field-filter"
          />
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('ux.experts.search')}
            aria-label={t('ux.experts.search')}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
            style={{ width: 260 }}
            data-testid="expert-search"
          />
        </Space>
        <Table<Expert>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={experts.data?.items ?? []}
          loading={experts.isLoading}
          pagination={pagination(experts.data?.total ?? 0)}
          data-testid="experts-table"
          locale={experts.isError ? { emptyText: t('common.loadFailed') } : undefined}
          scroll={{ x: 800 }}
        />
      </Card>
      <Modal
        open={adding}
        title={t('experts.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        okButtonProps={{ 'data-testid': 'expert-save' } as Record<string, string>}
        forceRender
      >
        <Form<ExpertInput> form={form} layout="vertical" onFinish={(v) => add.mutate(v)} initialValues={{ fields: [] }}>
          <Form.Item name="name" label={t('experts.name')} rules={[required]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="organization" label={t('experts.organization')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="title" label={t('experts.jobTitle')} rules={[required]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="fields" label={t('experts.fields')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
            <Select mode="multiple" options={optionsOf(REMAN_FIELDS, locale)} placeholder={t('common.pleaseSelect')} />
          </Form.Item>
          <Form.Item name="phone" label={t('experts.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,30}$/, message: t('common.phoneFormat') }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="email" label={t('experts.email')} rules={[{ type: 'email', message: t('common.invalidEmail') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
