import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { client, unwrap, type AuditEntry } from '../api';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { formatDateTime, roleLabel } from '../format';
import { useLocale } from '../i18n';
import { qk } from '../queries';
import { useUrlPaging } from '../paging';

const PAGE_SIZES = [20, 50, 100, 200];
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 };

export default function AuditPage() {
  const { locale, t } = useLocale();
  const onError = useApiErrorHandler();
  const { page, pageSize, pagination } = useUrlPaging(PAGE_SIZES);

  const audit = useQuery({
    queryKey: qk.audit({ page, pageSize }),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/audit', { params: { query: { page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });

  const verify = useMutation({
    mutationFn: () => unwrap(client.GET('/api/v1/audit/verify')),
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<AuditEntry> = [
    { title: '#', dataIndex: 'id', key: 'id', width: 70 },
    { title: t('audit.at'), key: 'at', width: 170, render: (_, a) => formatDateTime(a.at, locale) },
    { title: t('audit.actor'), key: 'actor', render: (_, a) => a.actorUsername ?? '—' },
    { title: t('audit.actorRole'), key: 'actorRole', render: (_, a) => (a.actorRole ? roleLabel(a.actorRole, locale) : '—') },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (v: string) => <code>{v}</code> },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, a) =>
        a.objectType ? (
          <span>
            {a.objectType}
            {a.objectId ? (
              <Typography.Text type="secondary" style={mono}>
                {' '}
                {a.objectId}
              </Typography.Text>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('audit.ip'), key: 'ip', render: (_, a) => a.ip ?? '—' },
    {
      title: t('audit.requestId'),
      key: 'requestId',
      render: (_, a) => (a.requestId ? <span style={mono}>{a.requestId}</span> : '—'),
    },
    {
      title: t('audit.hash'),
      key: 'hash',
      render: (_, a) => (
        <Tooltip title={<span style={mono}>{a.hash}</span>}>
          <span style={mono}>{a.hash ? `${a.hash.slice(0, 12)}…` : '—'}</span>
        </Tooltip>
      ),
    },
  ];

  const v = verify.data;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      />
      {v ? (
        <Card style={{ marginBottom: 16 }} data-testid="audit-verify-result">
          <Result
            status={v.ok ? 'success' : 'error'}
            title={v.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
            subTitle={
              v.ok
                ? t('audit.verifyOkSub', { entries: v.entries })
                : v.firstBrokenAt !== null && v.firstBrokenAt !== undefined
                  ? t('audit.verifyBrokenSub', { entries: v.entries, at: v.firstBrokenAt })
                  : t('audit.verifyBrokenSubUnknown', { entries: v.entries })
            }
            style={{ padding: '16px 0' }}
          />
        </Card>
      ) : null}
      <Card>
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          data-testid="audit-table"
          locale={audit.isError ? { emptyText: t('common.loadFailed') } : undefined}
          pagination={pagination(audit.data?.total ?? 0)}
          scroll={{ x: 1100 }}
        />
      </Card>
    </>
  );
}
