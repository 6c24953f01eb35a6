import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Select, Statistic, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { formatDate, formatDateTime } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { formatCny } from './marketApi';
import { DecideClaimDialog, PolicyStatusTag } from './InsuranceDialogs';
import { CLAIM_STATUS_COLOR, insuranceApi, insuranceKeys, type ClaimStatus, type InsuranceClaim, type InsuranceFigures, type InsurancePolicy } from './insuranceApi';

const FiguresChart = lazy(() => import('./InsuranceFiguresChart'));

type Tab = 'policies' | 'claims' | 'figures';
export type InsuranceViewer = 'enterprise' | 'insurer' | 'holder' | 'ministry' | 'authority';

/** Who looks at the insurance pages (the server scopes every answer; this only picks the words and tabs). */
export function useInsuranceViewer(): InsuranceViewer | null {
  const me = useMe().data;
  if (!me) return null;
  if (me.role === 'enterprise_admin' || me.role === 'enterprise_staff') return 'enterprise';
  if (me.role === 'insurer_admin' || me.role === 'insurer_staff') return 'insurer';
  if (me.role === 'buyer_admin' || me.role === 'buyer_staff') return 'holder';
  if (me.role === 'ministry_admin' || me.role === 'ministry_officer') return 'ministry';
  if (me.role === 'authority_admin' || me.role === 'authority_reviewer') return 'authority';
  return null;
}

const TABS: Record<InsuranceViewer, Tab[]> = {
  insurer: ['claims', 'policies', 'figures'],
  enterprise: ['policies', 'claims', 'figures'],
  holder: ['policies', 'claims'],
  ministry: ['figures', 'policies', 'claims'],
  authority: ['figures'],
};

const TAB_BODY = (k: Tab, viewer: InsuranceViewer) => (k === 'policies' ? <PoliciesTab viewer={viewer} /> : k === 'claims' ? <ClaimsTab viewer={viewer} /> : <FiguresTab />);

/**
 * 产品质量保险 (issue 13 保险, 000 三(八)). The insurer (its own menu: 理赔, 保险保单, 保险统计 — one page each at
 * /insurance/claims|policies|figures): the claims routed to it (decided in a dialog that names the consequence), the
 * policies it underwrites and its figures per enterprise with a chart. The enterprise: its units' policies (recorded
 * from an order or a lease page), their claims and figures. The holder (buyer or lessee): its policies and claims.
 * MIIT all; a provincial authority its jurisdiction's figures. The others see tabs; `section` (the path) or `?tab=`
 * opens one.
 */
export default function InsurancePage({ section }: { section?: Tab }) {
  const { t } = useLocale();
  const viewer = useInsuranceViewer();
  const [params, setParams] = useSearchParams();
  if (!viewer) return null;
  const tabs = TABS[viewer];
  const asked = (params.get('tab') as Tab | null) ?? section ?? null;
  const tab = asked && tabs.includes(asked) ? asked : tabs[0]!;
  if (viewer === 'insurer') {
    // the insurer's menu names each part: /insurance (a notification's link) opens the claims
    if (section !== tab) return <Navigate to={`/insurance/${tab}`} replace />;
    return (
      <>
        <PageHeader title={t(`market.ins.insurer.${tab}`)} subTitle={t(`market.ins.insurer.${tab}.sub`)} />
        <Card data-testid={`insurer-${tab}`}>{TAB_BODY(tab, viewer)}</Card>
      </>
    );
  }
  const sub: MessageKey = viewer === 'ministry' || viewer === 'authority' ? 'market.ins.sub.authority' : `market.ins.sub.${viewer}`;

  return (
    <>
      <PageHeader title={t('market.ins.title')} subTitle={t(sub)} />
      {viewer === 'enterprise' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('market.ins.recordHint')} data-testid="insurance-record-hint" /> : null}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          data-testid="insurance-tabs"
          destroyOnHidden
          items={tabs.map((k) => ({
            key: k,
            label: <span data-testid={`insurance-tab-${k}`}>{t(`market.ins.tab.${k}`)}</span>,
            children: TAB_BODY(k, viewer),
          }))}
        />
      </Card>
    </>
  );
}

function PoliciesTab({ viewer }: { viewer: InsuranceViewer }) {
  const { t, locale } = useLocale();
  const { page, pageSize, pagination } = useUrlPaging();
  const query = { page, pageSize };
  const list = useQuery({ queryKey: insuranceKeys.policies(query), queryFn: ({ signal }) => insuranceApi.policies(query, signal), placeholderData: keepPreviousData });
  const columns: TableColumnsType<InsurancePolicy> = [
    {
      title: t('market.ins.number'),
      key: 'no',
      width: 150,
      render: (_, p) => (
        <Link to={`/insurance/policies/${p.id}`} data-testid="policy-link">
          {p.policyNumber}
        </Link>
      ),
    },
    {
      title: t('market.ins.unit'),
      key: 'unit',
      render: (_, p) => (
        <>
          {`${p.productName}${p.model ? ` ${p.model}` : ''}`}
          <br />
          <Typography.Text code style={{ fontSize: 12 }}>
            {p.productCode}
          </Typography.Text>
        </>
      ),
    },
    ...(viewer === 'insurer' || viewer === 'ministry' || viewer === 'holder' ? [{ title: t('market.ins.enterprise'), key: 'ent', render: (_: unknown, p: InsurancePolicy) => p.enterpriseName }] : []),
    ...(viewer !== 'insurer' ? [{ title: t('market.ins.insurer'), key: 'insurer', render: (_: unknown, p: InsurancePolicy) => p.insurer.name }] : []),
    ...(viewer !== 'holder' ? [{ title: t('market.ins.holder'), key: 'holder', render: (_: unknown, p: InsurancePolicy) => p.holder.name }] : []),
    { title: t('market.ins.cover'), key: 'cover', align: 'right', width: 130, render: (_, p) => formatCny(p.coverCny, locale) },
    { title: t('market.ins.premium'), key: 'premium', align: 'right', width: 110, render: (_, p) => formatCny(p.premiumCny, locale) },
    { title: t('market.ins.term'), key: 'term', width: 200, render: (_, p) => t('market.ins.termText', { from: formatDate(p.startsOn, locale), to: formatDate(p.endsOn, locale) }) },
    {
      title: t('common.status'),
      key: 'status',
      width: 200,
      render: (_, p) => (
        <Flex vertical gap={2}>
          <span>
            <PolicyStatusTag p={p} />
          </span>
          {p.claims ? <Typography.Text type="secondary">{t('market.ins.claimsN', { n: p.claims, paid: formatCny(p.paidCny, locale) })}</Typography.Text> : null}
        </Flex>
      ),
    },
  ];
  return (
    <Table<InsurancePolicy>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      pagination={pagination(list.data?.total ?? 0)}
      scroll={{ x: 1100 }}
      data-testid="insurance-policies"
      locale={{ emptyText: list.isError ? t('common.loadFailed') : t('market.ins.noPolicies') }}
    />
  );
}

function ClaimsTab({ viewer }: { viewer: InsuranceViewer }) {
  const { t, locale } = useLocale();
  const { page, pageSize, pagination } = useUrlPaging();
  const [status, setStatus] = useState<ClaimStatus | undefined>(viewer === 'insurer' ? 'pending' : undefined);
  const query = { page, pageSize, ...(status ? { status } : {}) };
  const list = useQuery({ queryKey: insuranceKeys.claims(query), queryFn: ({ signal }) => insuranceApi.claims(query, signal), placeholderData: keepPreviousData });
  const [deciding, setDeciding] = useState<InsuranceClaim | null>(null);
  const columns: TableColumnsType<InsuranceClaim> = [
    { title: t('market.ins.case'), key: 'case', width: 150, render: (_, c) => <span data-testid="claim-case">{c.caseNumber}</span> },
    {
      title: t('market.ins.fault'),
      key: 'title',
      render: (_, c) => (
        <>
          {c.title}
          <br />
          <Typography.Text code style={{ fontSize: 12 }}>
            {c.productCode}
          </Typography.Text>
        </>
      ),
    },
    ...(viewer !== 'enterprise' ? [{ title: t('market.ins.enterprise'), key: 'ent', render: (_: unknown, c: InsuranceClaim) => c.enterpriseName }] : []),
    {
      title: t('market.ins.number'),
      key: 'policy',
      width: 150,
      render: (_, c) => <Link to={`/insurance/policies/${c.policy.id}`}>{c.policy.policyNumber}</Link>,
    },
    { title: t('market.ins.openedAt'), key: 'opened', width: 170, render: (_, c) => formatDateTime(c.openedAt, locale) },
    { title: t('market.ins.warrantyUntil'), key: 'warranty', width: 120, render: (_, c) => (c.warrantyUntil ? formatDate(c.warrantyUntil, locale) : '—') },
    {
      title: t('common.status'),
      key: 'status',
      width: 220,
      render: (_, c) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={CLAIM_STATUS_COLOR[c.status]} data-testid="claim-status" data-status={c.status}>
              {t(`market.ins.claim.${c.status}`)}
            </Tag>
            {c.amountCny !== null ? <Typography.Text data-testid="claim-amount">{formatCny(c.amountCny, locale)}</Typography.Text> : null}
          </span>
          {c.reason ? <Typography.Text type="secondary">{c.reason}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('market.orders.actions'),
      key: 'actions',
      width: 120,
      render: (_, c) =>
        c.actions.includes('decide') ? (
          <Button size="small" type="primary" onClick={() => setDeciding(c)} data-testid="claim-decide">
            {t('market.ins.decide')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        {t('market.ins.statusFilter')}
        <Select<ClaimStatus | ''>
          value={status ?? ''}
          aria-label={t('market.ins.statusFilter')}
          style={{ width: 160 }}
          data-testid="claims-status"
          onChange={(v) => setStatus(v || undefined)}
          options={[{ value: '' as const, label: t('market.ins.allStatuses') }, ...(['pending', 'accepted', 'rejected'] as const).map((s) => ({ value: s, label: t(`market.ins.claim.${s}`) }))]}
        />
      </Flex>
      <Table<InsuranceClaim>
        rowKey="caseId"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={pagination(list.data?.total ?? 0)}
        scroll={{ x: 1200 }}
        data-testid="insurance-claims"
        locale={{ emptyText: list.isError ? t('common.loadFailed') : t('market.ins.noClaims') }}
      />
      {deciding ? <DecideClaimDialog claim={deciding} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}

type FigureRow = InsuranceFigures['items'][number];

function FiguresTab() {
  const { t, locale } = useLocale();
  const figures = useQuery({ queryKey: insuranceKeys.figures, queryFn: ({ signal }) => insuranceApi.figures(signal) });
  const items = figures.data?.items ?? [];
  const sum = (k: keyof Omit<FigureRow, 'enterpriseId' | 'enterpriseName'>) => items.reduce((a, r) => a + r[k], 0);
  const money = (k: 'premiumCny' | 'coverCny' | 'paidCny') => ({ render: (_: unknown, r: FigureRow) => formatCny(r[k], locale) });
  const columns: TableColumnsType<FigureRow> = [
    { title: t('market.ins.enterprise'), key: 'ent', render: (_, r) => r.enterpriseName },
    { title: t('market.ins.fig.insuredUnits'), key: 'units', align: 'right', dataIndex: 'insuredUnits' },
    { title: t('market.ins.fig.policies'), key: 'policies', align: 'right', dataIndex: 'policies' },
    { title: t('market.ins.fig.premium'), key: 'premium', align: 'right', ...money('premiumCny') },
    { title: t('market.ins.fig.cover'), key: 'cover', align: 'right', ...money('coverCny') },
    { title: t('market.ins.fig.claims'), key: 'claims', align: 'right', dataIndex: 'claims' },
    { title: t('market.ins.fig.pending'), key: 'pending', align: 'right', dataIndex: 'claimsPending' },
    { title: t('market.ins.fig.accepted'), key: 'accepted', align: 'right', dataIndex: 'claimsAccepted' },
    { title: t('market.ins.fig.paid'), key: 'paid', align: 'right', ...money('paidCny') },
  ];
  return (
    <Flex vertical gap={16}>
      {figures.data ? <Typography.Text type="secondary">{t('market.ins.asOf', { date: formatDate(figures.data.asOf, locale) })}</Typography.Text> : null}
      <Row gutter={[16, 16]} data-testid="insurance-totals">
        {(
          [
            ['insuredUnits', sum('insuredUnits')],
            ['policies', sum('policies')],
            ['premium', formatCny(sum('premiumCny'), locale)],
            ['claims', sum('claims')],
            ['paid', formatCny(sum('paidCny'), locale)],
          ] as const
        ).map(([k, v]) => (
          <Col key={k} xs={12} md={8} lg={4}>
            <Card size="small" loading={figures.isLoading}>
              <Statistic title={t(`market.ins.fig.${k}`)} value={v} data-testid={`insurance-total-${k}`} />
            </Card>
          </Col>
        ))}
      </Row>
      {items.length ? (
        <Card size="small" title={t('market.ins.chart')}>
          <Suspense fallback={<PageLoading />}>
            <FiguresChart items={items} />
          </Suspense>
        </Card>
      ) : null}
      <Table<FigureRow>
        rowKey="enterpriseId"
        size="small"
        pagination={false}
        loading={figures.isFetching}
        columns={columns}
        dataSource={items}
        scroll={{ x: 1000 }}
        data-testid="insurance-figures"
        locale={{ emptyText: figures.isError ? t('common.loadFailed') : t('market.ins.fig.none') }}
      />
    </Flex>
  );
}
