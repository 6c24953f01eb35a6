import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { findTile } from '../../../domain/monitoring/province-tiles';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { devicesApi } from './devicesApi';
import { ProvinceTileGrid } from './ProvinceTileGrid';

/**
 * 在役设备概况 (authorities, MIIT): the connected products of the enterprises in the caller's jurisdiction, in aggregate
 * only (GET /devices/summary) — totals, the province tile grid by installed units, and for a chosen province the
 * enterprises with units there (counts; never a device).
 */
export default function OverviewPage() {
  const { t, locale, pick } = useLocale();
  const [province, setProvince] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['devices', 'summary'], queryFn: ({ signal }) => devicesApi.summary(signal), refetchInterval: 60_000 });
  if (q.isPending) return <PageLoading />;
  if (!q.data) return <Alert type="error" showIcon title={t('app.notFound')} />;
  const s = q.data;
  const chosen = province ? s.byProvince.find((p) => p.provinceCode === province) : undefined;
  const unknown = s.byProvince.find((p) => p.provinceCode === 'unknown');
  const provinceName = (code: string) => pick({ zh: findTile(code)?.name ?? code, en: findTile(code)?.nameEn ?? code });
  return (
    <>
      <PageHeader title={t('monitoring.overview.title')} subTitle={t('monitoring.overview.sub')} />
      <Row gutter={[16, 16]}>
        {(['total', 'active', 'online', 'pointsStored'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Card>
              <div data-testid={`overview-${k}`}>
                <Statistic title={t(k === 'pointsStored' ? 'monitoring.overview.points' : `monitoring.overview.${k}`)} value={formatNumber(s.totals[k], locale)} />
              </div>
            </Card>
          </Col>
        ))}
        <Col xs={24}>
          <Card title={t('monitoring.fleet.byRegion')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('monitoring.fleet.mapNote')}</Typography.Text>}>
            <Row gutter={[24, 16]}>
              <Col xs={24} md={12}>
                <ProvinceTileGrid
                  metric="units"
                  values={Object.fromEntries(s.byProvince.filter((p) => p.provinceCode !== 'unknown').map((p) => [p.provinceCode, p.active]))}
                  selected={province}
                  onSelect={setProvince}
                  testId="overview-tiles"
                />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                  {t('monitoring.tiles.note')}
                  {unknown ? ` ${t('monitoring.tiles.unknown', { n: unknown.active })}` : ''}
                </Typography.Paragraph>
              </Col>
              <Col xs={24} md={12} data-testid="overview-province">
                {chosen ? (
                  <Table
                    size="small"
                    rowKey="enterpriseId"
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    title={() => t('monitoring.tiles.enterprises', { province: provinceName(chosen.provinceCode) })}
                    dataSource={chosen.enterprises}
                    columns={[
                      { title: t('monitoring.overview.enterprise'), key: 'e', render: (_, e) => e.enterpriseName },
                      { title: t('monitoring.overview.active'), key: 'a', align: 'right', render: (_, e) => formatNumber(e.active, locale) },
                      { title: t('monitoring.overview.online'), key: 'o', align: 'right', render: (_, e) => formatNumber(e.online, locale) },
                    ]}
                  />
                ) : province ? (
                  <Empty description={t('monitoring.tiles.units', { province: provinceName(province), n: 0 })} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <Empty description={t('monitoring.tiles.pick')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                )}
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
