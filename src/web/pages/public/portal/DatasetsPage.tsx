import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Typography } from 'antd';
import { client, unwrap } from '../../../api';
import { formatDateTime } from '../../../format';
import { bilingual, useLocale } from '../../../i18n';
import { usePageMeta } from './meta';

const FEEDS = ['announcements', 'notices', 'standards', 'policies', 'catalogue'] as const;

/** 开放数据: each dataset with CSV / JSON / schema links, last-modified and licence; the Atom feeds. */
export default function DatasetsPage() {
  const { locale, t } = useLocale();
  usePageMeta(t('portal.ds.title'), t('portal.ds.desc'), '/public/datasets');
  const res = useQuery({ queryKey: ['public', 'datasets'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/datasets', { signal })) });
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('portal.ds.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.ds.desc')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Table
          rowKey="key"
          size="small"
          loading={res.isPending}
          pagination={false}
          dataSource={res.data?.items ?? []}
          scroll={{ x: 720 }}
          data-testid="dataset-table"
          columns={[
            { title: t('portal.ds.title'), dataIndex: 'name', render: (_: string, d) => <><strong>{bilingual(locale, d.name, d.nameEn)}</strong><div style={{ color: '#595959', fontSize: 12 }}>{d.description}</div></> },
            { title: t('portal.ds.lastModified'), dataIndex: 'lastModified', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
            { title: t('portal.ds.licence'), dataIndex: 'licence', render: (l: { name: string; url: string }) => <a href={l.url} rel="noopener noreferrer" target="_blank">{l.name}</a> },
            // every column has a header a screen reader can announce (issue 16 item 19)
            { title: t('common.download'), key: 'links', render: (_: unknown, d) => <Space><a href={d.csv} download>CSV</a><a href={d.json}>JSON</a><a href={d.schema}>{t('portal.ds.schema')}</a></Space> },
          ]}
        />
      </Card>
      <Card title={t('portal.ds.feeds')}>
        <Space wrap>{FEEDS.map((f) => <a key={f} href={`/feeds/${f}.atom`} type="application/atom+xml">{f}.atom</a>)}</Space>
      </Card>
    </>
  );
}
