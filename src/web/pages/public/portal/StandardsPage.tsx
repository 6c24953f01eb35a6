import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { client, unwrap } from '../../../api';
import { PageLoading } from '../../../components/PageLoading';
import { useLocale, type MessageKey } from '../../../i18n';
import { useUrlPaging } from '../../../paging';
import { usePageMeta } from './meta';

const STATUS_COLOR: Record<string, string> = { current: 'green', upcoming: 'blue', abolished: 'default', replaced: 'orange' };
const stdLink = (code: string) => `/public/standards/${encodeURIComponent(code)}`;

/** 标准库: filters by words/code, status and type; each row links to its detail (by code). */
export function StandardsPage() {
  const { t } = useLocale();
  usePageMeta(t('portal.std.title'), t('portal.std.desc'), '/public/standards');
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? undefined;
  const status = params.get('status') ?? undefined;
  const type = params.get('type') ?? undefined;
  const res = useQuery({
    queryKey: ['public', 'standards', q, status, type, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/standards', { params: { query: { q, status, type, page, pageSize } as never }, signal })),
  });
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('portal.std.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.std.desc')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('portal.q')} placeholder={t('portal.q')} defaultValue={q} allowClear onSearch={(v) => update({ q: v.trim(), page: 1 })} style={{ maxWidth: 320 }} data-testid="std-q" />
        <Select aria-label={t('portal.std.status')} placeholder={t('portal.std.status')} allowClear value={status} onChange={(v) => update({ status: v, page: 1 })} style={{ width: 140 }}
          options={['current', 'upcoming', 'abolished', 'replaced'].map((s) => ({ value: s, label: t(`portal.std.status.${s}` as MessageKey) }))} />
        <Select aria-label={t('portal.std.type')} placeholder={t('portal.std.type')} allowClear value={type} onChange={(v) => update({ type: v, page: 1 })} style={{ width: 140 }}
          options={['national', 'industry', 'group'].map((s) => ({ value: s, label: t(`portal.std.type.${s}` as MessageKey) }))} />
      </Flex>
      <Card>
        <Table
          rowKey="id"
          size="small"
          loading={res.isPending}
          dataSource={res.data?.items ?? []}
          pagination={pagination(res.data?.total ?? 0)}
          scroll={{ x: 720 }}
          columns={[
            { title: t('portal.std.code'), dataIndex: 'code', render: (c: string) => <Link to={stdLink(c)}>{c}</Link> },
            { title: t('portal.std.name'), dataIndex: 'title', render: (v: string, r) => <>{v} {!r.verified && <Tag>{t('portal.std.unverified')}</Tag>}</> },
            { title: t('portal.std.type'), dataIndex: 'type', render: (v: string) => t(`portal.std.type.${v}` as MessageKey) },
            { title: t('portal.std.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`portal.std.status.${v}` as MessageKey)}</Tag> },
            { title: t('portal.std.issued'), dataIndex: 'issuedOn' },
          ]}
        />
      </Card>
    </>
  );
}

/** One standard, found by its code (the URL the search, the feed and the sitemap use). */
export function StandardDetailPage() {
  const { t } = useLocale();
  const code = decodeURIComponent(useParams().code ?? '');
  const res = useQuery({
    queryKey: ['public', 'standard-by-code', code],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/standards', { params: { query: { q: code, pageSize: 50 } as never }, signal })),
  });
  const s = res.data?.items.find((i) => i.code.toUpperCase() === code.toUpperCase());
  usePageMeta(s ? `${s.code} ${s.title}` : code, s ? `${s.code} ${s.title}：${t(`portal.std.status.${s.status}` as MessageKey)}` : t('portal.std.desc'), stdLink(code));
  if (res.isPending) return <PageLoading />;
  if (!s) return <Alert type="warning" message={t('portal.notFound')} action={<Link to="/public/standards">{t('portal.back')}</Link>} />;
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{s.code} {s.title}</Typography.Title>
      {!s.verified && <Alert type="info" showIcon message={t('portal.std.unverifiedNote')} style={{ marginBottom: 12 }} />}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('portal.std.type')}>{t(`portal.std.type.${s.type}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('portal.std.status')}><Tag color={STATUS_COLOR[s.status]}>{t(`portal.std.status.${s.status}` as MessageKey)}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('portal.std.issued')}>{s.issuedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('portal.std.effective')}>{s.effectiveOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('portal.std.replacedBy')}>{s.replacedBy ? <Link to={stdLink(s.replacedBy)} data-testid="std-replaced-by">{s.replacedBy}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('portal.std.drafters')}>{s.drafters.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('portal.std.summary')} span={2}>{s.summary || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <StandardDeclarations id={s.id} />
      <Link to="/public/standards" style={{ display: 'inline-block', marginTop: 12 }}>{t('portal.back')}</Link>
    </>
  );
}

// tag colours whose text keeps 4.5:1 on their background (gold's does not: axe color-contrast)
const KIND_COLOR: Record<string, string> = { catalogue: 'purple', product: 'blue', enterprise: 'default' };

/** 声明执行该标准的目录型号、产品与公告企业 (issue 14): public facts only, paged by the server. */
function StandardDeclarations({ id }: { id: string }) {
  const { t } = useLocale();
  const { page, pageSize, pagination } = useUrlPaging();
  const res = useQuery({
    queryKey: ['public', 'standard-declarations', id, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/standards/{id}/declarations', { params: { path: { id }, query: { page, pageSize } as never }, signal })),
  });
  const d = res.data;
  return (
    <Card title={t('portal.std.decl.title')} style={{ marginTop: 16 }} data-testid="std-declarations">
      {d && (
        <Typography.Paragraph type="secondary">
          {t('portal.std.decl.summary', { enterprises: d.enterprises, catalogue: d.counts.catalogue, product: d.counts.product, enterprise: d.counts.enterprise })}
        </Typography.Paragraph>
      )}
      <Table
        rowKey={(r) => `${r.kind}/${r.enterprise.id}/${r.productName ?? ''}/${r.model ?? ''}`}
        size="small"
        loading={res.isPending}
        dataSource={d?.items ?? []}
        pagination={pagination(d?.total ?? 0)}
        // the empty text in the description colour: antd's placeholder grey is under 4.5:1 (axe color-contrast)
        locale={{ emptyText: <Typography.Text type="secondary">{t('portal.std.decl.none')}</Typography.Text> }}
        scroll={{ x: true }}
        columns={[
          { title: t('portal.std.decl.kind'), dataIndex: 'kind', render: (k: string) => <Tag color={KIND_COLOR[k]}>{t(`portal.std.decl.kind.${k}` as MessageKey)}</Tag> },
          { title: t('portal.std.decl.enterprise'), render: (_, r) => r.enterprise.name },
          { title: t('portal.std.decl.product'), render: (_, r) => (r.productName || r.model ? [r.productName, r.model].filter(Boolean).join(' · ') : '—') },
          { title: t('portal.std.decl.units'), dataIndex: 'units', align: 'right', render: (n: number | null) => n ?? '—' },
          { title: t('portal.std.decl.listedNo'), dataIndex: 'listedNo', render: (n: string | null) => n ?? '—' },
          { title: t('portal.std.decl.declaredAs'), dataIndex: 'declaredAs' },
          { title: t('portal.std.decl.open'), key: 'link', render: (_, r) => (r.url ? <Link to={r.url}>{t('portal.std.decl.open')}</Link> : null) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('portal.std.decl.note')}</Typography.Paragraph>
    </Card>
  );
}
