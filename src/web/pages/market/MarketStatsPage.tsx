import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Select, Statistic, Table, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { components } from '../../api/schema.gen';
import { client, unwrap } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { regionLabel, remanFieldLabel } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { formatCny } from './marketApi';

type Stats = components['schemas']['MarketStats'];
type Figures = Stats['totals'];

/**
 * 行业统计 · 交易市场统计 (issue 13): what the platform's market traded — units, value, trade-ins, leases — by region
 * and field, for a year; a provincial authority sees its jurisdiction, MIIT all (the server decides the scope).
 */
export default function MarketStatsPage() {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear);
  const query = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const stats = useQuery({ queryKey: ['market', 'statistics', query], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/market/statistics', { params: { query }, signal })) });

  const figureColumns: TableColumnsType<Figures> = (
    [
      ['units', (f) => f.units],
      ['value', (f) => formatCny(f.valueCny, locale)],
      ['tradeIns', (f) => f.tradeIns],
      ['tradeInCredit', (f) => formatCny(f.tradeInCreditCny, locale)],
      ['leases', (f) => f.leases],
      ['rentToOwn', (f) => f.rentToOwn],
      ['leaseValue', (f) => formatCny(f.leaseValueCny, locale)],
    ] as [string, (f: Figures) => string | number][]
  ).map(([k, v]) => ({ title: t(`market.stats.${k}` as MessageKey), key: k, align: 'right' as const, render: (_: unknown, f: Figures) => v(f) }));
  const tot = stats.data?.totals;

  return (
    <>
      <PageHeader
        title={t('market.stats.title')}
        subTitle={t('market.stats.sub')}
        extra={
          <Flex gap={8} align="center">
            {t('market.stats.period')}
            <Select<number> value={year} aria-label={t('market.stats.period')} style={{ width: 110 }} data-testid="market-stats-year" onChange={(y) => setParams({ year: String(y) })} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))} />
          </Flex>
        }
      />
      <Row gutter={[16, 16]} data-testid="market-stats-totals">
        {(
          [
            ['units', tot?.units],
            ['value', tot ? formatCny(tot.valueCny, locale) : undefined],
            ['tradeIns', tot?.tradeIns],
            ['leases', tot?.leases],
            ['leaseValue', tot ? formatCny(tot.leaseValueCny, locale) : undefined],
          ] as [string, string | number | undefined][]
        ).map(([k, v]) => (
          <Col key={k} xs={12} md={8} lg={4}>
            <Card size="small" loading={stats.isLoading}>
              <Statistic title={t(`market.stats.${k}` as MessageKey)} value={v ?? '—'} data-testid={`market-stats-${k}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('market.stats.byRegion')} style={{ marginTop: 16 }}>
        <Table<Stats['byRegion'][number]>
          rowKey="regionCode"
          size="small"
          pagination={false}
          loading={stats.isFetching}
          data-testid="market-stats-regions"
          dataSource={stats.data?.byRegion ?? []}
          locale={{ emptyText: stats.isError ? t('common.loadFailed') : t('market.stats.none') }}
          scroll={{ x: 900 }}
          columns={[{ title: t('market.stats.region'), key: 'r', render: (_, r) => regionLabel(r.regionCode, locale, r.regionName) }, ...(figureColumns as TableColumnsType<Stats['byRegion'][number]>)]}
        />
      </Card>
      <Card title={t('market.stats.byField')} style={{ marginTop: 16 }}>
        <Table<Stats['byField'][number]>
          rowKey={(r) => r.field ?? '-'}
          size="small"
          pagination={false}
          loading={stats.isFetching}
          data-testid="market-stats-fields"
          dataSource={stats.data?.byField ?? []}
          locale={{ emptyText: stats.isError ? t('common.loadFailed') : t('market.stats.none') }}
          scroll={{ x: 900 }}
          columns={[{ title: t('market.stats.field'), key: 'f', render: (_, r) => (r.field ? remanFieldLabel(r.field as never, locale) : t('market.stats.unclassified')) }, ...(figureColumns as TableColumnsType<Stats['byField'][number]>)]}
        />
      </Card>
    </>
  );
}
