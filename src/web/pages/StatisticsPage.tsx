import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { REPORT_FIELDS } from '../../domain/annual-report/form';
import { valueFieldLabel } from '../../domain/annual-report/statistics';
import { client, unwrap, type ResponseOf } from '../api';
import { PageHeader } from '../components/PageHeader';
import { PageLoading } from '../components/PageLoading';
import { formatNumber } from '../format';
import { pick, useLocale } from '../i18n';

const RegionChart = lazy(() => import('../components/RegionChart'));
const TrendChart = lazy(() => import('./annual-reports/TrendChart'));

export type IndustryStatistics = ResponseOf<'/api/v1/statistics'>;

type Metric = 'enterprises' | 'recovered' | 'remanufactured' | 'sold' | 'outputValue';

/**
 * 行业统计: MIIT national, a provincial authority its jurisdiction — announced enterprises by region and
 * field, 表2-3 totals of the reviewed annual reports by region, field and year; .xlsx download. Each card names its
 * one source (issue 16 item 5); a provincial authority's chart is by city.
 */
export default function StatisticsPage() {
  const { locale, t } = useLocale();
  const [params, setParams] = useSearchParams();
  const year = params.get('year');
  const [metric, setMetric] = useState<Metric>('enterprises');
  const q = useQuery({ queryKey: ['statistics', year], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/statistics', { params: { query: { year: year ? Number(year) : undefined } }, signal })) });
  const s = q.data;
  if (q.isPending) return <PageLoading />;
  if (!s) return <Alert type="error" message={t('common.loadFailed')} />;
  const fieldLabel = (f: string) => {
    const o = REPORT_FIELDS.find((x) => x.value === f);
    return o ? (pick(locale, o)) : f;
  };
  // a provincial authority: its announced enterprises by city (the report sums exist by province only: tables below)
  const provincial = s.scope.kind === 'authority';
  const num = (v: number) => formatNumber(v, locale);
  const regionItems = provincial
    ? s.announced.byCity.map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, count: r.enterprises }))
    : metric === 'enterprises'
      ? s.announced.byRegion.map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, count: r.enterprises }))
      : s.byRegion.map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, count: r[metric] }));
  const source = (text: string) => (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }} data-testid="stat-source">
      {text}
    </Typography.Paragraph>
  );
  const srcAnnounced = t('ux.stat.src.announced');
  const srcReports = t('ux.stat.src.reports', { year: s.year ?? '—' });

  return (
    <>
      <PageHeader
        title={t('stat.title')}
        subTitle={`${provincial ? s.scope.name : t('stat.scope.national')} · ${t('stat.source')}`}
        extra={
          <Space>
            <Select
              aria-label={t('stat.yearLabel')}
              data-testid="stat-year"
              style={{ width: 140 }}
              value={s.year ?? undefined}
              placeholder={t('stat.noYear')}
              options={s.years.map((y) => ({ value: y, label: t('ar.yearN', { year: y }) }))}
              onChange={(y) => setParams({ year: String(y) })}
            />
            <Button href={`/api/v1/statistics.xlsx${s.year ? `?year=${s.year}` : ''}`} data-testid="stat-xlsx">
              {t('stat.xlsx')}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6} xl={3}><Card><Statistic title={t('stat.announcedEnterprises')} value={s.announced.enterprises} data-testid="stat-enterprises" /></Card></Col>
        <Col xs={12} md={6} xl={3}><Card><Statistic title={t('stat.announcedSites')} value={s.announced.sites} /></Card></Col>
        <Col xs={12} md={6} xl={3}><Card><Statistic title={t('stat.reports')} value={s.totals.reports} /></Card></Col>
        <Col xs={12} md={6} xl={3}><Card><Statistic title={t('stat.recovered')} value={s.totals.recovered} data-testid="stat-recovered" /></Card></Col>
        <Col xs={12} md={6} xl={3}><Card><Statistic title={t('stat.remanufactured')} value={s.totals.remanufactured} /></Card></Col>
        <Col xs={12} md={6} xl={3}><Card><Statistic title={t('stat.sold')} value={s.totals.sold} /></Card></Col>
        <Col xs={24} md={12} xl={6}><Card><Statistic title={t('proc.stat.outputValue')} value={num(s.totals.outputValue)} data-testid="stat-output-value" /></Card></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={provincial ? t('ux.stat.byCity') : t('stat.byRegion')}
            data-testid="stat-region-card"
            data-level={provincial ? 'city' : 'province'}
            extra={
              provincial ? null : <Segmented<Metric>
                size="small"
                value={metric}
                onChange={setMetric}
                options={[
                  { value: 'enterprises', label: t('stat.announcedEnterprises') },
                  { value: 'recovered', label: t('stat.recovered') },
                  { value: 'remanufactured', label: t('stat.remanufactured') },
                  { value: 'sold', label: t('stat.sold') },
                  { value: 'outputValue', label: t('proc.stat.outputValue') },
                ]}
              />
            }
          >
            {source(provincial ? `${srcAnnounced} ${t('ux.stat.byCityNote')}` : metric === 'enterprises' ? srcAnnounced : srcReports)}
            {regionItems.length ? (
              <Suspense fallback={<PageLoading />}>
                <RegionChart byName={provincial} items={regionItems} valueLabel={provincial || metric === 'enterprises' ? t('stat.announcedEnterprises') : metric === 'outputValue' ? t('proc.stat.outputValue') : `${t(`stat.${metric}`)}（${t('stat.units')}）`} />
              </Suspense>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('stat.trend')}>
            {source(t('ux.stat.src.reports', { year: t('ux.stat.allYears') }))}
            {s.trend.length ? (
              <Suspense fallback={<PageLoading />}>
                <TrendChart items={s.trend} />
              </Suspense>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('stat.byRegionTable', { year: s.year ?? '—' })}>
            {source(`${srcReports} ${t('proc.stat.partsNote')}`)}
            <Table
              size="small"
              rowKey="regionCode"
              pagination={false}
              dataSource={s.byRegion}
              data-testid="stat-region-table"
              scroll={{ x: true }}
              columns={[
                { title: t('ar.region'), dataIndex: 'regionName' },
                { title: t('stat.reports'), dataIndex: 'reports', align: 'right', render: num },
                { title: t('proc.stat.sites'), dataIndex: 'sites', align: 'right', render: num },
                { title: t('stat.recovered'), dataIndex: 'recovered', align: 'right', render: num },
                { title: t('stat.remanufactured'), dataIndex: 'remanufactured', align: 'right', render: num },
                { title: t('stat.sold'), dataIndex: 'sold', align: 'right', render: num },
                { title: t('proc.stat.outputValue'), dataIndex: 'outputValue', align: 'right', render: num },
              ]}
            />
          </Card>
        </Col>
        {/* 再制造产值 by region and field (issue 14): a site's stated share in its region and field, 跨领域 not split */}
        <Col xs={24} lg={12}>
          <Card title={t('proc.stat.valueByRegion', { year: s.year ?? '—' })} data-testid="stat-value-region">
            {source(t('proc.stat.valueNote'))}
            <Table
              size="small"
              rowKey="regionCode"
              pagination={false}
              dataSource={s.valueByRegion}
              columns={[
                { title: t('ar.region'), dataIndex: 'regionName' },
                { title: t('proc.stat.outputValue'), dataIndex: 'outputValue', align: 'right', render: num },
                { title: t('proc.stat.reportsN'), dataIndex: 'reports', align: 'right', render: num },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('proc.stat.valueByField', { year: s.year ?? '—' })} data-testid="stat-value-field">
            {source(t('proc.stat.valueNote'))}
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={s.valueByField}
              columns={[
                { title: t('stat.field'), dataIndex: 'field', render: (f: string) => pick(locale, valueFieldLabel(f)) },
                { title: t('proc.stat.outputValue'), dataIndex: 'outputValue', align: 'right', render: num },
                { title: t('proc.stat.reportsN'), dataIndex: 'reports', align: 'right', render: num },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('ux.stat.fieldEnterprises')} data-testid="stat-field-enterprises">
            {source(srcAnnounced)}
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={s.announced.byField}
              columns={[
                { title: t('stat.field'), dataIndex: 'field', render: (f: string) => fieldLabel(f) },
                { title: t('ux.stat.enterprisesN'), dataIndex: 'enterprises', align: 'right', render: num },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('ux.stat.fieldUnits', { year: s.year ?? '—' })} data-testid="stat-field-units">
            {source(srcReports)}
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={s.byField}
              columns={[
                { title: t('stat.field'), dataIndex: 'field', render: (f: string) => fieldLabel(f) },
                { title: t('ux.stat.unitsN'), dataIndex: 'remanufactured', align: 'right', render: num },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
