import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { REMAN_FIELDS } from '../../../../domain/enterprise';
import { useMe } from '../../../auth';
import { PageHeader } from '../../../components/PageHeader';
import { formatCny, formatDateTime, optionsOf, provinceOptions, regionLabel, remanFieldLabel } from '../../../format';
import { useLocale, type MessageKey } from '../../../i18n';
import { isEnterpriseRole } from '../../../menu';
import { useUrlPaging } from '../../../paging';
import { coreApi, coreKeys, MATCH_STATUS_COLOR, POSTING_STATUS_COLOR, type Match, type Posting } from './coreExchangeApi';
import { NewPostingDialog } from './NewPostingDialog';

type View = 'market' | 'mine' | 'matches';

/** What a posting offers or asks: name, model or "any model of <field>". */
export function PostingWhat({ p }: { p: Posting }) {
  const { locale, t } = useLocale();
  return (
    <>
      <Link to={`/core-exchange/${p.id}`} data-testid="cx-posting-link">
        {p.name}
      </Link>
      <div style={{ color: '#595959', fontSize: 12 }}>
        {p.model ? t('exchange.model', { model: p.model }) : t('exchange.anyModelOf', { field: remanFieldLabel(p.field, locale) })}
        {p.model && p.field ? ` · ${remanFieldLabel(p.field, locale)}` : ''}
      </div>
    </>
  );
}

/** The party of a posting with its channel (enterprise, recycler, dealer). */
export function PartyName({ p }: { p: Posting }) {
  const { t } = useLocale();
  return (
    <span data-testid="cx-party">
      {p.party.name} <Tag>{t(`exchange.channel.${p.party.channel}` as MessageKey)}</Tag>
    </span>
  );
}

export function KindTag({ kind }: { kind: Posting['kind'] }) {
  const { t } = useLocale();
  return (
    <Tag color={kind === 'supply' ? 'cyan' : 'magenta'} data-testid="cx-kind" data-kind={kind}>
      {t(`exchange.kind.${kind}`)}
    </Tag>
  );
}

/**
 * 旧件交易 (issue 13 core exchange): the open postings of every trading party (市场), the caller's own in every state
 * (我的发布) and its matches (我的匹配), filters by kind, model/name, field and province in the URL; 发布供应 /
 * 发布需求 open the posting form (demand only for enterprises: the cores go into its trace).
 */
export default function CoreExchangePage() {
  const { locale, t } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const view = (params.get('view') ?? 'market') as View;
  const kind = (params.get('kind') ?? '') as '' | Posting['kind'];
  const field = params.get('field') ?? '';
  const region = params.get('region') ?? '';
  const q = params.get('q') ?? '';
  const [words, setWords] = useState(q);
  const [posting, setPosting] = useState<Posting['kind'] | null>(null);
  const enterprise = isEnterpriseRole(me.data?.role);

  const query = { page, pageSize, ...(kind ? { kind } : {}), ...(field ? { field: field as never } : {}), ...(region ? { region } : {}), ...(q ? { q } : {}), ...(view === 'mine' ? { mine: 'true' as const } : {}) };
  const postings = useQuery({ queryKey: coreKeys.postings(query), queryFn: ({ signal }) => coreApi.postings(query, signal), placeholderData: keepPreviousData, enabled: view !== 'matches' });
  const mq = { page, pageSize, ...(params.get('status') ? { status: params.get('status') as Match['status'] } : {}) };
  const matches = useQuery({ queryKey: coreKeys.matches(mq), queryFn: ({ signal }) => coreApi.matches(mq, signal), placeholderData: keepPreviousData, enabled: view === 'matches' });

  const columns: TableColumnsType<Posting> = [
    { title: t('exchange.col.kind'), key: 'kind', width: 90, render: (_, p) => <KindTag kind={p.kind} /> },
    { title: t('exchange.col.what'), key: 'what', render: (_, p) => <PostingWhat p={p} /> },
    { title: t('exchange.col.party'), key: 'party', render: (_, p) => <PartyName p={p} /> },
    { title: t('exchange.col.grade'), key: 'grade', width: 90, render: (_, p) => t(p.kind === 'supply' ? 'exchange.grade.is' : 'exchange.grade.atLeast', { grade: p.grade }) },
    { title: t('exchange.col.quantity'), key: 'quantity', width: 110, render: (_, p) => t('exchange.remainingOf', { n: p.remaining, total: p.quantity }) },
    { title: t('exchange.col.price'), key: 'price', width: 120, align: 'right', render: (_, p) => (p.priceCny === null ? '—' : formatCny(p.priceCny, locale)) },
    { title: t('exchange.col.region'), key: 'region', width: 110, render: (_, p) => regionLabel(p.regionCode, locale, p.regionName) },
    ...(view === 'mine'
      ? [{ title: t('common.status'), key: 'status', width: 100, render: (_: unknown, p: Posting) => <Tag color={POSTING_STATUS_COLOR[p.status]} data-testid="cx-posting-status" data-status={p.status}>{t(`exchange.status.${p.status}`)}</Tag> }]
      : []),
    { title: t('common.createdAt'), key: 'createdAt', width: 160, render: (_, p) => formatDateTime(p.createdAt, locale) },
  ];

  const matchColumns: TableColumnsType<Match> = [
    {
      title: t('exchange.col.match'),
      key: 'match',
      render: (_, m) => (
        <Link to={`/core-exchange/matches/${m.id}`} data-testid="cx-match-link">
          {t('exchange.match.line', { name: m.supply.name, n: m.quantity })}
        </Link>
      ),
    },
    { title: t('exchange.col.supplier'), key: 'supplier', render: (_, m) => <PartyName p={m.supply} /> },
    { title: t('exchange.col.receiver'), key: 'receiver', render: (_, m) => <PartyName p={m.demand} /> },
    {
      title: t('common.status'),
      key: 'status',
      width: 150,
      render: (_, m) => (
        <Space size={4} wrap>
          <Tag color={MATCH_STATUS_COLOR[m.status]} data-testid="cx-match-status" data-status={m.status}>
            {t(`exchange.matchStatus.${m.status}`)}
          </Tag>
          {m.actions.includes('accept') ? <Tag color="red">{t('exchange.match.yourTurn')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('common.createdAt'), key: 'createdAt', width: 160, render: (_, m) => formatDateTime(m.createdAt, locale) },
  ];

  return (
    <>
      <PageHeader
        title={t('exchange.title')}
        subTitle={t('exchange.sub')}
        extra={
          <Space>
            <Button type="primary" onClick={() => setPosting('supply')} data-testid="cx-new-supply">
              {t('exchange.newSupply')}
            </Button>
            {enterprise ? (
              <Button onClick={() => setPosting('demand')} data-testid="cx-new-demand">
                {t('exchange.newDemand')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Tabs
          activeKey={view}
          onChange={(v) => update({ view: v === 'market' ? undefined : v, page: 1, status: undefined })}
          items={[
            { key: 'market', label: <span data-testid="cx-tab-market">{t('exchange.tab.market')}</span> },
            { key: 'mine', label: <span data-testid="cx-tab-mine">{t('exchange.tab.mine')}</span> },
            { key: 'matches', label: <span data-testid="cx-tab-matches">{t('exchange.tab.matches')}</span> },
          ]}
        />
        {view === 'matches' ? (
          <>
            <Flex gap={12} wrap style={{ marginBottom: 16 }}>
              <Select
                allowClear
                value={params.get('status') || undefined}
                onChange={(v: string | undefined) => update({ status: v, page: 1 })}
                placeholder={t('exchange.filter.allMatchStatus')}
                aria-label={t('exchange.filter.allMatchStatus')}
                style={{ width: 180 }}
                options={(['proposed', 'accepted', 'declined'] as const).map((s) => ({ value: s, label: t(`exchange.matchStatus.${s}`) }))}
              />
            </Flex>
            <Table<Match>
              rowKey="id"
              size="middle"
              columns={matchColumns}
              dataSource={matches.data?.items ?? []}
              loading={matches.isFetching}
              pagination={pagination(matches.data?.total ?? 0)}
              locale={{ emptyText: matches.isError ? t('common.loadFailed') : t('exchange.match.none') }}
              scroll={{ x: 800 }}
              data-testid="cx-matches"
            />
          </>
        ) : (
          <>
            <Flex gap={12} wrap style={{ marginBottom: 16 }}>
              <Input.Search
                value={words}
                onChange={(e) => setWords(e.target.value)}
                onSearch={(v) => update({ q: v.trim() || undefined, page: 1 })}
                placeholder={t('exchange.filter.q')}
                aria-label={t('exchange.filter.q')}
                allowClear
                style={{ width: 240 }}
                data-testid="cx-filter-q"
              />
              <Select
                allowClear
                value={kind || undefined}
                onChange={(v: string | undefined) => update({ kind: v, page: 1 })}
                placeholder={t('exchange.filter.allKinds')}
                aria-label={t('exchange.filter.allKinds')}
                style={{ width: 140 }}
                options={(['supply', 'demand'] as const).map((k) => ({ value: k, label: t(`exchange.kind.${k}`) }))}
                data-testid="cx-filter-kind"
              />
              <Select
                allowClear
                value={field || undefined}
                onChange={(v: string | undefined) => update({ field: v, page: 1 })}
                placeholder={t('exchange.filter.allFields')}
                aria-label={t('exchange.filter.allFields')}
                style={{ width: 200 }}
                options={optionsOf(REMAN_FIELDS, locale)}
              />
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                value={region || undefined}
                onChange={(v: string | undefined) => update({ region: v, page: 1 })}
                placeholder={t('exchange.filter.allProvinces')}
                aria-label={t('exchange.filter.allProvinces')}
                style={{ width: 160 }}
                options={provinceOptions(locale).map((o) => ({ value: o.value.slice(0, 2), label: o.label }))}
              />
            </Flex>
            <Table<Posting>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={postings.data?.items ?? []}
              loading={postings.isFetching}
              pagination={pagination(postings.data?.total ?? 0)}
              locale={{ emptyText: postings.isError ? t('common.loadFailed') : t('exchange.none') }}
              scroll={{ x: 960 }}
              data-testid="cx-postings"
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('exchange.howMatching')}
            </Typography.Paragraph>
          </>
        )}
      </Card>
      {posting ? <NewPostingDialog kind={posting} organisation={!enterprise} onClose={() => setPosting(null)} onCreated={(p) => navigate(`/core-exchange/${p.id}`)} /> : null}
    </>
  );
}
