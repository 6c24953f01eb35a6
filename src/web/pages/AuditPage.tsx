import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result, Select, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { auditActionLabel, auditObjectLabel, knownAuditAreas, OBJECT_TYPES } from '../../domain/audit-labels';
import { DateField } from '../components/DateField';
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
  const { locale, t, pick } = useLocale();
  const onError = useApiErrorHandler();
  const { page, pageSize, pagination, params, update } = useUrlPaging(PAGE_SIZES);
  // 筛选 (issue 16 item 11): kept in the URL like the page; the export uses the same ones
  const filter = {
    actor: params.get('actor') || undefined,
    action: params.get('action') || undefined,
    objectType: params.get('objectType') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
  const setFilter = (k: keyof typeof filter, v: string | null | undefined) => update({ [k]: v ?? undefined, page: 1 });
  const exportHref = `/api/v1/audit/export.xlsx?${new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString()}`;

  const audit = useQuery({
    queryKey: qk.audit({ page, pageSize, ...filter }),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/audit', { params: { query: { page, pageSize, ...filter } }, signal })),
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
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      // words first; the code stays at hand for whoever reads the logs (issue 16 item 4)
      render: (v: string) => (
        <Tooltip title={<span style={mono}>{v}</span>}>
          <span data-testid="audit-action">{pick(auditActionLabel(v))}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, a) =>
        a.objectType ? (
          <span>
            {pick(auditObjectLabel(a.objectType))}
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
          <Space>
            <Button href={exportHref} data-testid="audit-export">
              {t('audit.export')}
            </Button>
            <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
              {t('audit.verify')}
            </Button>
          </Space>
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
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} data-testid="audit-filters">
          <Form.Item label={t('audit.actor')} htmlFor="audit-actor">
            <Input.Search
              id="audit-actor"
              allowClear
              defaultValue={filter.actor}
              placeholder={t('audit.filter.actorHint')}
              onSearch={(v) => setFilter('actor', v.trim())}
              style={{ width: 180 }}
              data-testid="audit-filter-actor"
            />
          </Form.Item>
          <Form.Item label={t('audit.action')} htmlFor="audit-action">
            <Select
              id="audit-action"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filter.action}
              onChange={(v: string | undefined) => setFilter('action', v)}
              options={knownAuditAreas().map((a) => ({ value: a.value, label: pick(a.label) }))}
              placeholder={t('common.all')}
              style={{ width: 160 }}
              data-testid="audit-filter-action"
            />
          </Form.Item>
          <Form.Item label={t('audit.object')} htmlFor="audit-object">
            <Select
              id="audit-object"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filter.objectType}
              onChange={(v: string | undefined) => setFilter('objectType', v)}
              options={Object.entries(OBJECT_TYPES).filter(([k]) => !['auth', 'demo', 'token', 'change', 'revocation', 'buyer', 'epcis', 'trace', 'calendar', 'portal'].includes(k)).map(([k, l]) => ({ value: k, label: pick(l) }))}
              placeholder={t('common.all')}
              style={{ width: 160 }}
              data-testid="audit-filter-object"
            />
          </Form.Item>
          <Form.Item label={t('audit.filter.from')}>
            <DateField value={filter.from ?? null} onChange={(v) => setFilter('from', v)} data-testid="audit-filter-from" />
          </Form.Item>
          <Form.Item label={t('audit.filter.to')}>
            <DateField value={filter.to ?? null} onChange={(v) => setFilter('to', v)} data-testid="audit-filter-to" />
          </Form.Item>
        </Form>
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
