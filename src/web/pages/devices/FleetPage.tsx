import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { findTile } from '../../../domain/monitoring/province-tiles';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { regionLabel } from '../../format';
import { useLocale } from '../../i18n';
import { devicesApi, type Fleet } from './devicesApi';
import { ProvinceTileGrid, type TileMetric } from './ProvinceTileGrid';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

function Chart({ option, testId, label, height = 260 }: { option: echarts.EChartsCoreOption; testId: string; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    c.setOption(option);
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ height, width: '100%' }} data-testid={testId} role="img" aria-label={label} />;
}

const BANDS = ['good', 'fair', 'poor', 'critical', 'unknown'] as const;
const BAND_LABEL = { good: 'monitoring.band.good', fair: 'monitoring.band.fair', poor: 'monitoring.band.poor', critical: 'monitoring.band.critical', unknown: 'monitoring.band.unknown' } as const;
const BAND_COLORS = ['#389e0d', '#fadb14', '#fa8c16', '#cf1322', '#bfbfbf'];

/** 设备群与旧件回流预测: installed base by model and province, health distribution, returning cores per month. */
export default function FleetPage() {
  const { locale, t, pick } = useLocale();
  const [metric, setMetric] = useState<TileMetric>('units');
  const [province, setProvince] = useState<string | null>(null);
  const fleet = useQuery({ queryKey: ['devices', 'fleet'], queryFn: ({ signal }) => devicesApi.fleet({ months: 12 }, signal), refetchInterval: 120_000 });
  if (fleet.isPending) return <PageLoading />;
  if (!fleet.data) return <Alert type="error" showIcon title={t('app.notFound')} />;
  const f: Fleet = fleet.data;
  const bar = (names: string[], values: number[], name: string, color?: string) => ({
    grid: { left: 48, right: 16, top: 24, bottom: names.length > 6 ? 72 : 32 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name },
    series: [{ name, type: 'bar', data: values, barMaxWidth: 36, label: { show: true, position: 'top' }, ...(color ? { itemStyle: { color } } : {}) }],
  });
  const months = f.forecast.months;
  const forecastOption = {
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', name: t('monitoring.fleet.count') },
    series: [
      { name: t('monitoring.fleet.fromFailure'), type: 'bar', stack: 'e', data: months.map((m) => m.fromFailure), itemStyle: { color: '#1677ff' } },
      { name: t('monitoring.fleet.fromWarranty'), type: 'bar', stack: 'e', data: months.map((m) => m.fromWarrantyEnd), itemStyle: { color: '#69b1ff' } },
      { name: `${t('monitoring.fleet.interval')} ↑`, type: 'line', step: 'middle', data: months.map((m) => m.high), lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' }, showSymbol: false },
      { name: `${t('monitoring.fleet.interval')} ↓`, type: 'line', step: 'middle', data: months.map((m) => m.low), lineStyle: { type: 'dashed' }, itemStyle: { color: '#bfbfbf' }, showSymbol: false },
    ],
  };
  const lowest = [...f.devices].filter((d) => d.healthIndex !== null).sort((a, b) => (a.healthIndex ?? 0) - (b.healthIndex ?? 0)).slice(0, 10);

  return (
    <>
      <PageHeader title={t('monitoring.fleet.title')} subTitle={t('monitoring.fleet.sub')} />
      {f.partial && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('monitoring.fleet.partial', { n: f.total })} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card>
            <div data-testid="fleet-total">
              <Statistic title={t('monitoring.fleet.total')} value={f.total} />
            </div>
            <Typography.Text type="secondary">{t('monitoring.fleet.later', { n: f.forecast.later, m: f.forecast.withoutEstimate })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={18}>
          <Card title={t('monitoring.fleet.forecast')}>
            <Chart testId="fleet-forecast" label={t('monitoring.fleet.forecast')} option={forecastOption} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('monitoring.fleet.health')}>
            <Chart
              testId="fleet-health"
              label={t('monitoring.fleet.health')}
              option={{
                ...bar(BANDS.map((b) => t(BAND_LABEL[b])), BANDS.map((b) => f.health[b]), t('monitoring.fleet.count')),
                series: [{ type: 'bar', name: t('monitoring.fleet.count'), barMaxWidth: 36, label: { show: true, position: 'top' }, data: BANDS.map((b, i) => ({ value: f.health[b], itemStyle: { color: BAND_COLORS[i] } })) }],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('monitoring.fleet.byModel')}>
            <Chart testId="fleet-models" label={t('monitoring.fleet.byModel')} option={bar(f.byModel.map((m) => m.model), f.byModel.map((m) => m.count), t('monitoring.fleet.count'))} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={t('monitoring.fleet.byRegion')}
            extra={
              <Segmented<TileMetric>
                value={metric}
                onChange={setMetric}
                data-testid="tiles-metric"
                options={[
                  { value: 'units', label: t('monitoring.tiles.byUnits') },
                  { value: 'health', label: t('monitoring.tiles.byHealth') },
                ]}
              />
            }
          >
            <Row gutter={[24, 16]}>
              <Col xs={24} md={12}>
                <ProvinceTileGrid
                  metric={metric}
                  values={Object.fromEntries(f.byProvince.map((p) => [p.provinceCode, metric === 'units' ? p.count : p.meanHealth]))}
                  counts={Object.fromEntries(f.byProvince.map((p) => [p.provinceCode, p.count]))}
                  selected={province}
                  onSelect={setProvince}
                  testId="fleet-tiles"
                />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                  {t('monitoring.tiles.note')}
                </Typography.Paragraph>
              </Col>
              <Col xs={24} md={12} data-testid="fleet-province-units">
                {province ? (
                  <Table
                    size="small"
                    rowKey="deviceId"
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    title={() => t('monitoring.tiles.units', { province: pick({ zh: findTile(province)?.name ?? province, en: findTile(province)?.nameEn ?? province }), n: f.devices.filter((d) => d.regionCode === province).length })}
                    dataSource={f.devices.filter((d) => d.regionCode === province)}
                    columns={[
                      { title: t('monitoring.col.name'), key: 'd', render: (_, d) => <Link to={`/devices/${d.deviceId}`}>{d.name || d.deviceId.slice(0, 8)}</Link> },
                      { title: t('monitoring.col.model'), key: 'm', render: (_, d) => d.model ?? '—' },
                      { title: t('monitoring.health.index'), key: 'h', align: 'right', render: (_, d) => d.healthIndex ?? '—' },
                    ]}
                  />
                ) : (
                  <Empty description={t('monitoring.tiles.pick')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                )}
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('monitoring.fleet.lowest')}>
            <Table
              size="small"
              rowKey="deviceId"
              pagination={false}
              dataSource={lowest}
              columns={[
                { title: t('monitoring.col.name'), key: 'd', render: (_, d) => <Link to={`/devices/${d.deviceId}`}>{d.name || d.deviceId.slice(0, 8)}</Link> },
                { title: t('monitoring.col.model'), key: 'm', render: (_, d) => d.model ?? '—' },
                { title: t('monitoring.fleet.byRegion'), key: 'r', render: (_, d) => regionLabel(d.regionCode, locale) },
                { title: t('monitoring.health.index'), key: 'h', align: 'right', render: (_, d) => d.healthIndex },
                { title: t('monitoring.fleet.rulHours'), key: 'rul', align: 'right', render: (_, d) => d.rulHours ?? '—' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
