import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { formatCny } from './marketApi';
import { insuranceApi, insuranceKeys } from './insuranceApi';

const SHOWN = 5;

/**
 * The insurer's home (issue 13 保险): what waits for it — the claims routed to it still to decide (their count and
 * the oldest few, each leading to the claims page where the decision is taken) — and its book at a glance (insured
 * units, policies, amount paid), each a link to its page.
 */
export default function InsurerHomeCard() {
  const { t, locale } = useLocale();
  const query = { status: 'pending' as const, page: 1, pageSize: SHOWN };
  const pending = useQuery({ queryKey: insuranceKeys.claims(query), queryFn: ({ signal }) => insuranceApi.claims(query, signal), refetchInterval: 120_000 });
  const figures = useQuery({ queryKey: insuranceKeys.figures, queryFn: ({ signal }) => insuranceApi.figures(signal) });
  const items = figures.data?.items ?? [];
  const sum = (k: 'insuredUnits' | 'policies' | 'paidCny') => items.reduce((a, r) => a + r[k], 0);
  const claims = pending.data?.items ?? [];
  const total = pending.data?.total ?? 0;
  const tile = (to: string, id: string, title: string, value: string | number, loading: boolean) => (
    <Col xs={12} md={6}>
      <Link to={to} data-testid={`insurer-home-${id}`}>
        <Card size="small" hoverable loading={loading}>
          <Statistic title={title} value={value} />
        </Card>
      </Link>
    </Col>
  );
  return (
    <Card title={t('market.ins.titleInsurer')} style={{ marginTop: 16 }} data-testid="insurer-home">
      <Row gutter={[16, 16]}>
        {tile('/insurance/claims', 'pending', t('market.ins.home.pending'), total, pending.isLoading)}
        {tile('/insurance/policies', 'policies', t('market.ins.fig.policies'), sum('policies'), figures.isLoading)}
        {tile('/insurance/figures', 'units', t('market.ins.fig.insuredUnits'), sum('insuredUnits'), figures.isLoading)}
        {tile('/insurance/figures', 'paid', t('market.ins.fig.paid'), formatCny(sum('paidCny'), locale), figures.isLoading)}
      </Row>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('market.ins.home.waiting')}
      </Typography.Title>
      <div data-testid="insurer-home-claims" data-count={total}>
        {pending.isError ? (
          <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>
        ) : claims.length === 0 && !pending.isLoading ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('market.ins.home.none')} />
        ) : (
          claims.map((c) => (
            <Flex key={c.caseId} gap={12} align="center" wrap style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="insurer-home-claim">
              <Tag color="gold">{t('market.ins.claim.pending')}</Tag>
              <Link to="/insurance/claims" style={{ flex: 1, minWidth: 220 }}>
                {t('market.ins.home.claim', { case: c.caseNumber, title: c.title, enterprise: c.enterpriseName })}
              </Link>
              <Typography.Text type="secondary">{c.policy.policyNumber}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(c.openedAt, locale)}
              </Typography.Text>
            </Flex>
          ))
        )}
        {total > SHOWN ? (
          <Link to="/insurance/claims" style={{ display: 'inline-block', marginTop: 8 }}>
            {t('market.ins.home.all', { n: total })}
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
