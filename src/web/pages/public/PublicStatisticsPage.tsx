import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { client, unwrap } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { valueFieldLabel } from '../../../domain/annual-report/statistics';
import { formatNumber, formatCny, regionLabel } from '../../format';
import { pick, useLocale } from '../../i18n';

const TrendChart = lazy(() => import('../annual-reports/TrendChart'));
const ValueChart = lazy(() => import('./portal/TargetChart'));
const BarChart = lazy(() => import('../../components/RegionChart'));

/** 行业统计（公开）: national totals only — no enterprise-level data. */
export default function PublicStatisticsPage() {
  const { t, locale } = useLocale();
  const q = useQuery({ queryKey: ['public', 'statistics'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/statistics', { signal })) });
  if (q.isPending) return <PageLoading />;
  const s = q.data;
  if (!s) return <Alert type="error" message={t('common.loadFailed')} />;
  const value = new Map(s.outputValue.map((v) => [v.year, v.outputValue]));
  const lastValue = s.outputValue.at(-1);
  const traded = s.traded.at(-1);
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
        <Col xs={24} md={12}>
          <Card>
            <Statistic title={`${t('portal.stat.outputValue')}（${lastValue?.year ?? '—'}）`} value={formatNumber(lastValue?.outputValue, locale)} data-testid="pub-stat-output" />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
              {t('portal.stat.outputNote')} <Link to="/public/targets" style={{ textDecoration: 'underline' }}>{t('portal.stat.targets')}</Link>
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            <Statistic title={t('portal.stat.traded', { year: traded?.year ?? '—' })} value={formatCny(traded?.valueCny, locale)} data-testid="pub-stat-traded" />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
              {t('portal.stat.tradedNote', { units: formatNumber(traded?.units, locale) })}
            </Typography.Paragraph>
          </Card>
        </Col>
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
      {s.outputValue.length > 0 && (
        <Card title={t('portal.stat.outputTrend')} style={{ marginBottom: 16 }} data-testid="pub-stat-output-trend">
          <Suspense fallback={<PageLoading />}>
            <ValueChart trend={s.outputValue.map((v) => ({ year: v.year, value: v.outputValue }))} target={null} label={t('portal.stat.outputTrend')} />
          </Suspense>
        </Card>
      )}
      {s.value ? (
        // 再制造产值 by region and field (issue 14): national cells only, fewer than 3 enterprises pooled
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {(
            [
              ['region', t('proc.stat.valueByRegion', { year: s.value.year }), s.value.byRegion.map((c) => ({ regionCode: c.regionCode, regionName: c.regionCode === 'pooled' ? t('proc.stat.pooledRegion') : regionLabel(c.regionCode, locale, c.regionName), count: c.outputValue }))],
              ['field', t('proc.stat.valueByField', { year: s.value.year }), s.value.byField.map((c) => ({ regionCode: c.field, regionName: pick(locale, valueFieldLabel(c.field)), count: c.outputValue }))],
            ] as const
          ).map(([key, title, items]) => (
            <Col xs={24} lg={12} key={key}>
              <Card title={title} data-testid={`pub-stat-value-${key}`}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }}>
                  {t('proc.stat.valueNote')} {t('proc.stat.publicValueNote')}
                </Typography.Paragraph>
                <Suspense fallback={<PageLoading />}>
                  <BarChart byName items={[...items]} valueLabel={t('proc.stat.outputValue')} />
                </Suspense>
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      <Card>
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={s.trend}
          columns={[
            { title: t('ar.year'), dataIndex: 'year' },
            { title: t('stat.reports'), dataIndex: 'reports', render: (v: number) => formatNumber(v, locale) },
            { title: t('stat.recovered'), dataIndex: 'recovered', render: (v: number) => formatNumber(v, locale) },
            { title: t('stat.remanufactured'), dataIndex: 'remanufactured', render: (v: number) => formatNumber(v, locale) },
            { title: t('stat.sold'), dataIndex: 'sold', render: (v: number) => formatNumber(v, locale) },
            { title: t('portal.stat.outputValue'), key: 'outputValue', render: (_: unknown, r: { year: number }) => formatNumber(value.get(r.year), locale) },
          ]}
        />
      </Card>
    </>
  );
}
