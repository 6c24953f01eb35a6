import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { client, unwrap, type ApplicationStateKey, type ApplicationSummary } from '../api';
import { formatDate } from '../format';
import { useLocale } from '../i18n';
import { qk, useAuthorityName } from '../queries';
import { FieldTags } from './ApplicationStateTag';

/** Applications in one state as a selectable table; a form control (value = selected ids). */
export function ApplicationPicker({
  state,
  value,
  onChange,
  emptyText,
  testId,
}: {
  state: ApplicationStateKey;
  value?: string[];
  onChange?: (ids: string[]) => void;
  emptyText: string;
  testId?: string;
}) {
  const { locale, t } = useLocale();
  const authorityName = useAuthorityName();
  const params = { state, page: 1, pageSize: 200 };
  const list = useQuery({
    queryKey: qk.applications(params),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/applications', { params: { query: params }, signal })),
  });
  return (
    <Table<ApplicationSummary>
      rowKey="id"
      size="small"
      bordered
      data-testid={testId}
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      pagination={false}
      scroll={{ y: 280, x: 700 }}
      locale={{ emptyText: list.isError ? t('common.loadFailed') : emptyText }}
      rowSelection={{ selectedRowKeys: value ?? [], onChange: (keys) => onChange?.(keys.map(String)) }}
      columns={[
        { title: t('apps.enterprise'), key: 'enterprise', render: (_, a) => <Typography.Text>{a.enterpriseName}</Typography.Text> },
        { title: t('apps.site'), key: 'site', render: (_, a) => a.siteName },
        { title: t('apps.authority'), key: 'authority', render: (_, a) => authorityName(a.authority) },
        { title: t('apps.fields'), key: 'fields', render: (_, a) => <FieldTags fields={a.fields} /> },
        { title: t('apps.submittedAt'), key: 'submittedAt', width: 110, render: (_, a) => formatDate(a.submittedAt, locale) },
      ]}
    />
  );
}
