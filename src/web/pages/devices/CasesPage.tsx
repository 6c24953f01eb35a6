import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, Flex, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatCny } from '../../format';
import { bilingual, useLocale, type MessageKey } from '../../i18n';
import { casesApi, type ServiceCase } from './devicesApi';
import { SECONDARY_TEXT } from '../../theme';

export const CASE_STATES = ['open', 'diagnosed', 'onsite', 'concluded', 'closed'] as const;
const STATE_COLORS: Record<string, string> = { open: 'red', diagnosed: 'orange', onsite: 'blue', concluded: 'green', closed: 'default' };

export function CaseStateTag({ state }: { state: string }) {
  const { t } = useLocale();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="case-state">
      {t(`monitoring.case.state.${state}` as MessageKey)}
    </Tag>
  );
}

export function ClaimTag({ c }: { c: Pick<ServiceCase, 'warrantyClaim' | 'claimStatus'> }) {
  const { t } = useLocale();
  if (!c.warrantyClaim) return null;
  return <Tag color={c.claimStatus === 'accepted' ? 'green' : c.claimStatus === 'rejected' ? 'default' : 'gold'}>{t(`monitoring.case.claim.${c.claimStatus ?? 'pending'}` as MessageKey)}</Tag>;
}

/** The after-sales statistics of the caller's enterprise (规范条件 六(一)). */
function StatisticsCard() {
  const { locale, t } = useLocale();
  const me = useMe();
  const stats = useQuery({ queryKey: ['cases', 'statistics'], queryFn: ({ signal }) => casesApi.statistics(signal), enabled: me.data?.role === 'enterprise_admin' || me.data?.role === 'enterprise_staff' });
  const s = stats.data?.items[0];
  if (!s) return null;
  return (
    <Card title={t('monitoring.case.stats.title')} style={{ marginBottom: 16 }} data-testid="case-statistics">
      <Flex gap={32} wrap>
        <Statistic title={t('monitoring.case.stats.cases')} value={s.cases} />
        <Statistic title={t('monitoring.case.stats.claims')} value={`${s.claimsAccepted} / ${s.claims}`} />
        <Statistic title={t('monitoring.case.stats.cost')} value={formatCny(s.claimCostCny, locale)} />
        <Statistic title={t('monitoring.case.stats.mttr')} value={s.meanHoursToResolve ?? '—'} suffix={s.meanHoursToResolve === null ? undefined : 'h'} />
        <Statistic title={t('monitoring.case.stats.repeats')} value={s.repeatFailures} />
        <Statistic title={t('monitoring.case.stats.rating')} value={s.meanRating ?? '—'} />
        <Statistic title={t('monitoring.case.stats.reman')} value={s.remanufactureRecommended} />
      </Flex>
      {s.partsReplaced.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(r) => `${r.model}-${r.part}`}
          pagination={false}
          dataSource={s.partsReplaced.slice(0, 10)}
          columns={[
            { title: t('monitoring.col.model'), dataIndex: 'model' },
            { title: t('monitoring.case.part.name'), dataIndex: 'part' },
            { title: t('monitoring.case.part.quantity'), dataIndex: 'quantity', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}

/** 工单看板: the cases in columns by state (the maker's service team and the owners). */
export default function CasesPage() {
  const { locale, t } = useLocale();
  const list = useQuery({ queryKey: ['cases', 'board'], queryFn: ({ signal }) => casesApi.list({ page: 1, pageSize: 200 }, signal), refetchInterval: 15_000 });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('monitoring.cases.title')} subTitle={t('monitoring.cases.sub')} />
      <StatisticsCard />
      <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }} data-testid="case-board">
        {CASE_STATES.map((state) => {
          const col = items.filter((c) => c.state === state);
          return (
            <Col key={state} flex="1 0 220px">
              <Card
                size="small"
                title={
                  <Space>
                    <CaseStateTag state={state} />
                    <Badge count={col.length} showZero color={SECONDARY_TEXT} />
                  </Space>
                }
                data-testid={`case-column-${state}`}
                styles={{ body: { minHeight: 200, background: '#fafafa' } }}
              >
                {col.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('monitoring.case.none')} />}
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {col.map((c) => (
                    <Card key={c.id} size="small" data-testid="case-card">
                      <Link to={`/cases/${c.id}`} data-testid={`case-link-${c.number}`}>
                        <Typography.Text strong>{bilingual(locale, c.title, c.titleEn)}</Typography.Text>
                      </Link>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {c.number} · {formatDateTime(c.openedAt, locale)}
                        </Typography.Text>
                      </div>
                      <div style={{ fontSize: 12 }}>{c.deviceName}</div>
                      <Space size={4} style={{ marginTop: 4 }}>
                        <ClaimTag c={c} />
                        {c.origin === 'alarm' && <Tag>{t('monitoring.case.origin.alarm')}</Tag>}
                        {c.outcome === 'remanufacture' && <Tag color="purple">{t('monitoring.case.outcome.remanufacture')}</Tag>}
                      </Space>
                    </Card>
                  ))}
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
