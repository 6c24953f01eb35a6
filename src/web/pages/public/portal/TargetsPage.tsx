import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Progress, Row, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { client, unwrap } from '../../../api';
import { PageLoading } from '../../../components/PageLoading';
import { bilingual, useLocale } from '../../../i18n';
import { usePageMeta } from './meta';

const TargetChart = lazy(() => import('./TargetChart'));

/** 目标进展: the action plan's targets, the platform's actual where it has one, and the source of each figure. */
export default function TargetsPage() {
  const { locale, t } = useLocale();
  usePageMeta(t('portal.tgt.title'), t('portal.tgt.desc'), '/public/targets');
  const res = useQuery({ queryKey: ['public', 'targets'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/targets', { signal })) });
  if (res.isPending) return <PageLoading />;
  if (!res.data) return <Alert type="error" message={t('common.loadFailed')} />;
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('portal.tgt.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.tgt.desc')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {res.data.items.map((i) => {
          const name = bilingual(locale, i.name, i.nameEn);
          const unit = bilingual(locale, i.unit, i.unitEn);
          return (
            <Col xs={24} md={12} key={i.key}>
              <Card title={name} data-testid={`target-${i.key}`} extra={<Typography.Text type="secondary">{t('portal.tgt.asOf', { date: i.asOf })}</Typography.Text>}>
                <Row gutter={16}>
                  <Col span={12}><Statistic title={t('portal.tgt.actual')} value={i.actual ?? t('portal.tgt.noData')} suffix={i.actual != null ? unit : undefined} /></Col>
                  <Col span={12}><Statistic title={t('portal.tgt.target')} value={i.target ?? t('portal.tgt.noTarget')} suffix={i.target != null ? unit : undefined} /></Col>
                </Row>
                {i.target != null && i.actual != null && <Progress percent={Math.min(100, Math.round((i.actual / i.target) * 1000) / 10)} aria-label={name} />}
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }} data-testid={`target-source-${i.key}`}>
                  {bilingual(locale, i.source, i.sourceEn)}
                </Typography.Paragraph>
                {i.trend.length ? (
                  <Suspense fallback={<PageLoading />}>
                    <Typography.Text strong>{t('portal.tgt.trend')}</Typography.Text>
                    <TargetChart trend={i.trend} target={i.target} label={name} />
                  </Suspense>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.tgt.noData')} />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
