import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, unwrap, type Site, type SiteInput } from '../api';
import { useApiErrorHandler } from '../errors';
import { formatDateTime, regionLabel } from '../format';
import { useLocale } from '../i18n';
import { qk, useSites } from '../queries';
import { RegionInput, regionCodeRule } from './RegionInput';

/** Sites (厂区) of one enterprise; add / edit through a modal when `editable`. */
export function SitesTable({
  enterpriseId,
  editable,
  title,
  defaultRegionCode,
}: {
  enterpriseId: string;
  editable: boolean;
  title?: string;
  defaultRegionCode?: string;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const sites = useSites(enterpriseId);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [form] = Form.useForm<SiteInput>();

  const save = useMutation({
    mutationFn: async (v: SiteInput) => {
      const body = { name: v.name.trim(), address: v.address.trim(), regionCode: v.regionCode.trim() };
      if (editing && editing !== 'new') {
        const changed: Partial<SiteInput> = {};
        for (const k of ['name', 'address', 'regionCode'] as const) if (body[k] !== editing[k]) changed[k] = body[k];
        if (Object.keys(changed).length === 0) return editing;
        return unwrap(client.PATCH('/api/v1/enterprises/{id}/sites/{siteId}', { params: { path: { id: enterpriseId, siteId: editing.id } }, body: changed }));
      }
      return unwrap(client.POST('/api/v1/enterprises/{id}/sites', { params: { path: { id: enterpriseId } }, body }));
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: qk.sites(enterpriseId) });
      void qc.invalidateQueries({ queryKey: qk.enterprise(enterpriseId) });
    },
    onError: (e) => onError(e, form),
  });

  const open = (s: Site | 'new') => {
    setEditing(s);
    form.resetFields();
    form.setFieldsValue(
      s === 'new' ? { name: '', address: '', regionCode: defaultRegionCode ?? '' } : { name: s.name, address: s.address, regionCode: s.regionCode },
    );
  };

  const columns: TableColumnsType<Site> = [
    { title: t('sites.name'), dataIndex: 'name', key: 'name' },
    { title: t('sites.address'), dataIndex: 'address', key: 'address' },
    {
      title: t('sites.region'),
      key: 'region',
      render: (_, s) => regionLabel(s.regionCode, locale, s.regionName),
    },
    { title: t('common.updatedAt'), key: 'updatedAt', render: (_, s) => formatDateTime(s.updatedAt, locale), width: 180 },
  ];
  if (editable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, s) => (
        <Button type="link" size="small" onClick={() => open(s)} data-testid={`site-edit-${s.id}`}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const required = { required: true, message: t('common.required') };

  return (
    <Card
      title={title ?? t('sites.title')}
      extra={
        editable ? (
          <Button type="primary" onClick={() => open('new')} data-testid="site-add">
            {t('sites.add')}
          </Button>
        ) : null
      }
    >
      <Table<Site>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sites.data?.items ?? []}
        loading={sites.isLoading}
        pagination={false}
        locale={{ emptyText: sites.isError ? t('common.loadFailed') : t('sites.empty') }}
        data-testid="sites-table"
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('sites.add') : t('sites.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        forceRender
        okButtonProps={{ 'data-testid': 'site-save' } as Record<string, string>}
      >
        <Form<SiteInput> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('sites.name')} rules={[required, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="address" label={t('sites.address')} rules={[required, { min: 2, max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('sites.region')} rules={[required, regionCodeRule(t('region.codeInvalid'))]}>
            <RegionInput />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
