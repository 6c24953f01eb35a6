import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { useMe } from '../../auth';
import { formatDate, formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { formatCny } from './marketApi';
import { PolicyStatusTag } from './InsuranceDialogs';
import { insuranceApi, insuranceKeys } from './insuranceApi';

/**
 * One quality insurance policy: the unit (with its public verification), the enterprise, the insurer and the holder,
 * cover and what it covers, premium, term and whether it is in force today, the claims under it and what they paid.
 * The enterprise, the insurer, the holder and MIIT read it (others: 404); the sale or lease it was recorded at links
 * to its page for the two parties of that sale or lease.
 */
export default function InsurancePolicyPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const me = useMe().data;
  const q = useQuery({ queryKey: insuranceKeys.policy(id), queryFn: ({ signal }) => insuranceApi.policy(id, signal), retry: false });
  if (q.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (q.isError) {
    const nf = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    return <Result status={nf ? '404' : 'error'} title={nf ? t('app.notFound') : t('common.loadFailed')} extra={<Button onClick={() => navigate('/insurance')}>{t('market.ins.back')}</Button>} />;
  }
  const p = q.data;
  const org = me?.organization.id;
  const party = org === p.enterpriseId || org === p.holder.id;
  const source = p.orderId ? t('market.ins.fromOrder', { no: p.orderId.slice(0, 8) }) : t('market.ins.fromLease', { no: (p.leaseId ?? '').slice(0, 8) });
  const sourceHref = p.orderId ? `/orders/${p.orderId}` : `/leases/${p.leaseId}`;
  return (
    <Flex vertical gap={16} data-testid="policy-page">
      <div>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate('/insurance')} data-testid="policy-back">
          ‹ {t('market.ins.back')}
        </Button>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('market.ins.policyTitle', { no: p.policyNumber })}
        </Typography.Title>
        <Flex gap={6} wrap style={{ marginTop: 6 }}>
          <PolicyStatusTag p={p} />
          <Typography.Text type="secondary">{`${p.productName}${p.model ? ` ${p.model}` : ''}`}</Typography.Text>
        </Flex>
      </div>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="policy-facts">
          <Descriptions.Item label={t('market.ins.unit')}>
            <Typography.Text code>{p.productCode}</Typography.Text>{' '}
            <a href={`/p/${encodeURIComponent(p.productCode)}`} target="_blank" rel="noreferrer">
              {t('market.orders.verifyUnit')}
            </a>
          </Descriptions.Item>
          <Descriptions.Item label={t('market.ins.enterprise')}>{p.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('market.ins.insurer')}>
            <span data-testid="policy-insurer-name">{p.insurer.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('market.ins.holder')}>
            <span data-testid="policy-holder-name">{p.holder.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('market.ins.cover')}>
            <span data-testid="policy-cover">{formatCny(p.coverCny, locale)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('market.ins.coverLeft')}>
            <span data-testid="policy-cover-left">{formatCny(Math.round((p.coverCny - p.paidCny) * 100) / 100, locale)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('market.ins.premium')}>{formatCny(p.premiumCny, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('market.ins.term')}>{t('market.ins.termText', { from: formatDate(p.startsOn, locale), to: formatDate(p.endsOn, locale) })}</Descriptions.Item>
          <Descriptions.Item label={t('market.ins.coverage')} span={2}>
            {p.coverage || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('market.ins.tab.claims')}>
            <span data-testid="policy-claims">{t('market.ins.claimsN', { n: p.claims, paid: formatCny(p.paidCny, locale) })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('market.ins.source')}>{party ? <Link to={sourceHref}>{source}</Link> : source}</Descriptions.Item>
          <Descriptions.Item label={t('market.ins.recordedAt')}>{formatDateTime(p.createdAt, locale)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Flex>
  );
}
