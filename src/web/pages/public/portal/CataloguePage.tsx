import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { REMAN_FIELDS } from '../../../../domain/enterprise';
import { client, unwrap } from '../../../api';
import { optionsOf } from '../../../format';
import { useLocale } from '../../../i18n';
import { useUrlPaging } from '../../../paging';
import { usePageMeta } from './meta';

const stdLink = (code: string) => `/public/standards/${encodeURIComponent(code)}`;
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/**
 * 再制造产品目录: the listed models (numbered, by batch), filterable by words and field; a second tab shows the
 * models in 公示 with their window. Rates come from the enterprises' trace records, reports from the directory.
 */
export default function CataloguePage() {
  const { t, locale } = useLocale();
  usePageMeta(t('portal.cat.title'), t('portal.cat.desc'), '/public/catalogue');
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? undefined;
  const field = params.get('field') ?? undefined;
  const tab = params.get('tab') === 'notice' ? 'notice' : 'listed';
  const path = tab === 'notice' ? '/api/v1/public/catalogue/notices' : '/api/v1/public/catalogue';
  const res = useQuery({
    queryKey: ['public', 'catalogue', tab, q, field, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET(path as '/api/v1/public/catalogue', { params: { query: { q, field, page, pageSize } as never }, signal })),
  });
  const batches = useQuery({ queryKey: ['public', 'catalogue-batches'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/catalogue/batches', { signal })) });
  type Row = NonNullable<typeof res.data>['items'][number];
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('portal.cat.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.cat.desc')}</Typography.Paragraph>
      {!!batches.data?.items.length && (
        <Typography.Paragraph data-testid="catalogue-batches">
          {batches.data.items.map((b) => (
            <Tag key={b.id} color="blue">{b.title} · {b.publishedOn} · {t('portal.cat.models', { n: b.models })}</Tag>
          ))}
        </Typography.Paragraph>
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'notice' ? 'notice' : undefined, page: 1 })}
        items={[
          { key: 'listed', label: t('portal.cat.listed') },
          { key: 'notice', label: t('portal.cat.inNotice') },
        ]}
      />
      {tab === 'notice' && <Alert type="info" showIcon message={t('portal.cat.noticeNote')} style={{ marginBottom: 12 }} />}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('portal.q')} placeholder={t('portal.q')} defaultValue={q} allowClear onSearch={(v) => update({ q: v.trim(), page: 1 })} style={{ maxWidth: 320 }} data-testid="catalogue-q" />
        <Select aria-label={t('portal.cat.field')} placeholder={t('portal.cat.field')} allowClear value={field} onChange={(v) => update({ field: v, page: 1 })} style={{ width: 180 }} options={optionsOf(REMAN_FIELDS, locale)} />
      </Flex>
      <Card>
        <Table<Row>
          rowKey="id"
          size="small"
          loading={res.isPending}
          dataSource={res.data?.items ?? []}
          pagination={pagination(res.data?.total ?? 0)}
          scroll={{ x: 960 }}
          data-testid="catalogue-table"
          expandable={{
            expandedRowRender: (r) => (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.specifications || '—'}</Typography.Paragraph>
                <ul>
                  {r.testReports.map((x) => (
                    <li key={x.reportNo}>{t('portal.cat.report')}：{x.orgName}（{x.accreditationNo}）{x.reportNo} · {x.issuedOn}</li>
                  ))}
                </ul>
              </>
            ),
          }}
          columns={[
            tab === 'notice'
              ? { title: t('portal.cat.window'), key: 'notice', render: (_: unknown, r: Row) => (r.notice ? `${r.notice.startOn} — ${r.notice.endOn}` : '—') }
              : { title: t('portal.cat.no'), dataIndex: 'listedNo', render: (v: string | null) => <Typography.Text strong data-testid="catalogue-no">{v}</Typography.Text> },
            { title: t('portal.cat.product'), key: 'product', render: (_: unknown, r: Row) => <span data-testid="catalogue-model">{r.productName} {r.model}</span> },
            { title: t('portal.cat.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('portal.cat.field'), dataIndex: 'fieldLabel' },
            { title: t('portal.cat.standard'), dataIndex: 'standardCode', render: (c: string) => <Link to={stdLink(c)}>{c}</Link> },
            { title: t('portal.cat.rate'), key: 'rate', render: (_: unknown, r: Row) => `${pct(r.massRate)} / ${pct(r.valueRate)}` },
            ...(tab === 'listed' ? [{ title: t('portal.cat.batch'), key: 'batch', render: (_: unknown, r: Row) => (r.batchNo ? `${r.batchNo} · ${r.publishedOn}` : '—') }] : []),
          ]}
        />
      </Card>
    </>
  );
}
