import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { client, unwrap } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { useLocale } from '../../i18n';

const TrendChart = lazy(() => import('../annual-reports/TrendChart'));

/** 行业统计（公开）: national totals only — no enterprise-level data. */
export default function PublicStatisticsPage() {
  const { t } = useLocale();
  const q = useQuery({ queryKey: ['public', 'statistics'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/statistics', { signal })) });
  if (q.isPending) return <PageLoading />;
  const s = q.data;
  if (!s) return <Alert type="error" message={t('common.loadFailed')} />;
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('stat.publicTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('stat.publicNote')}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card><Statistic title={t('stat.announcedEnterprises')} value={s.announced.enterprises} data-testid="pub-stat-enterprises" /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={`${t('stat.recovered')}（${s.year ?? '—'}）`} value={s.totals.recovered} data-testid="pub-stat-recovered" /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={`${t('stat.remanufactured')}（${s.year ?? '—'}）`} value={s.totals.remanufactured} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={`${t('stat.sold')}（${s.year ?? '—'}）`} value={s.totals.sold} /></Card></Col>
      </Row>
      <Card title={t('stat.trend')} style={{ marginBottom: 16 }}>
        {s.trend.length ? (
          <Suspense fallback={<PageLoading />}>
            <TrendChart items={s.trend} />
          </Suspense>
        ) : (
          <Empty />
        )}
      </Card>
      <Card>
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={s.trend}
          columns={[
            { title: t('ar.year'), dataIndex: 'year' },
            { title: t('stat.reports'), dataIndex: 'reports' },
            { title: t('stat.recovered'), dataIndex: 'recovered' },
            { title: t('stat.remanufactured'), dataIndex: 'remanufactured' },
            { title: t('stat.sold'), dataIndex: 'sold' },
          ]}
        />
      </Card>
    </>
  );
}
