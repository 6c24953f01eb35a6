import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, List, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../errors';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { StatusTag, TraceNav, stepLabel } from './common';
import { shortCode } from './genealogy';
import { recallXlsxUrl, traceApi, type RecallItem } from './traceApi';
import { useT, type MessageKey } from '../../i18n';

const KIND: Record<string, MessageKey> = { lot: 'trace.g.lot', core: 'trace.flowCore', part: 'trace.parts', product: 'trace.flowProduct' };
const looksLikeUri = (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(s);

/**
 * 召回查询 (issue 16 item 10): people type what they know — a part name, a lot number (PR2026A), a core serial, a
 * product code, or still a full EPC URI. The server finds what that names (`/trace/recall/targets`); one match
 * recalls at once, several are offered to choose from, none says so. Then the affected products with their owner
 * or lessee (.xlsx). An input error is shown alone, never beside "未找到受影响的产品".
 */
export default function TraceRecallPage() {
  const { locale } = useLocale();
  const tt = useT();
  const [params, setParams] = useSearchParams();
  const by = params.get('core') !== null ? 'core' : 'lot';
  const value = params.get(by) ?? '';
  const text = params.get('q') ?? '';
  const [input, setInput] = useState(text || (value ? shortCode(value) : ''));
  const query = value ? (by === 'lot' ? { lot: value } : { core: value }) : null;

  const targets = useQuery({
    queryKey: ['trace', 'recall-targets', text],
    queryFn: ({ signal }) => traceApi.recallTargets(text, signal),
    enabled: !!text && !query,
  });
  // one match (or one exact number among name matches): recall from it straight away
  const found = targets.data?.items ?? [];
  const exact = found.filter((x) => x.exact);
  const single = found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : undefined;
  useEffect(() => {
    if (single && !query) setParams({ q: text, [single.by]: single.key }, { replace: true });
  }, [single, query, text, setParams]);

  const res = useQuery({
    queryKey: ['trace', 'recall', query],
    queryFn: ({ signal }) => traceApi.recall(query!, signal),
    enabled: !!query,
  });

  const search = (v: string) => {
    const s = v.trim();
    if (!s) return;
    if (looksLikeUri(s)) setParams({ [s.startsWith('urn:epc:class:') ? 'lot' : 'core']: s });
    else setParams({ q: s });
  };
  const error = targets.isError ? targets.error : res.isError ? res.error : null;

  return (
    <>
      <PageHeader title={tt('trace.recall')} subTitle={tt('trace.recallHint')} />
      <TraceNav current="recall" />
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            value={input}
            onChange={(e) => setInput(e.target.value)}
            style={{ maxWidth: 560 }}
            placeholder={tt('trace.recallFind')}
            aria-label={tt('trace.recallFind')}
            enterButton
            allowClear
            onSearch={search}
            data-testid="recall-input"
          />
          {query && !res.isError ? (
            <Button href={recallXlsxUrl(query)} data-testid="recall-xlsx">
              {tt('trace.downloadXlsx')}
            </Button>
          ) : null}
        </Flex>
        {query ? (
          <Typography.Paragraph data-testid="recall-from">
            {tt('trace.recallFrom')}：<Typography.Text code title={value}>{shortCode(value)}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {value}
            </Typography.Text>
          </Typography.Paragraph>
        ) : null}
        {error ? (
          // an input error alone: no empty result table beside it
          <Alert type="error" showIcon message={errorText(error, locale)} data-testid="recall-error" style={{ marginBottom: 12 }} />
        ) : query ? (
          <Table<RecallItem>
            data-testid="recall-table"
            rowKey="code"
            size="middle"
            loading={res.isFetching}
            dataSource={res.data?.items ?? []}
            locale={{ emptyText: res.isFetching ? ' ' : tt('trace.recallNone') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: tt('trace.code'), key: 'code', render: (_, r) => <Link to={`/trace/products/${encodeURIComponent(r.code)}`}>{r.code}</Link> },
              { title: tt('trace.name'), key: 'name', render: (_, r) => `${r.name}${r.model ? ` ${r.model}` : ''}` },
              { title: tt('trace.enterprise'), dataIndex: 'enterpriseName' },
              { title: tt('trace.life'), key: 'life', render: (_, r) => tt('trace.lifeN', { n: r.life }) },
              { title: tt('trace.state'), key: 'state', render: (_, r) => stepLabel(tt, r.state) },
              { title: tt('trace.productionDate'), key: 'date', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.productionDate, locale)}</span> },
              { title: tt('trace.owner'), dataIndex: 'owner', render: (v: string | null, r) => v ?? tt('trace.ownedByEnterprise', { name: r.enterpriseName }) },
              { title: tt('trace.possessor'), dataIndex: 'possessor', render: (v: string | null) => v ?? '—' },
              { title: tt('trace.installation'), dataIndex: 'installation', render: (v: string | null) => v ?? '—' },
              { title: tt('trace.state'), key: 'status', render: (_, r) => <StatusTag status={r.status} /> },
            ]}
          />
        ) : text && targets.isSuccess && !single ? (
          found.length ? (
            <List
              data-testid="recall-targets"
              header={tt('trace.recallPick', { n: found.length, q: text })}
              dataSource={found}
              renderItem={(x) => (
                <List.Item
                  data-testid="recall-target"
                  actions={[
                    <Button key="use" size="small" type="primary" onClick={() => setParams({ q: text, [x.by]: x.key })}>
                      {tt('trace.recallUse')}
                    </Button>,
                  ]}
                >
                  <span title={x.key}>
                    <Tag>{tt(KIND[x.kind]!)}</Tag>
                    {x.name ?? '—'} <Typography.Text type="secondary">{x.productCode ?? shortCode(x.key)}</Typography.Text>
                    {x.exact ? <Tag color="green" style={{ marginLeft: 6 }}>{tt('trace.recallExact')}</Tag> : null}
                  </span>
                </List.Item>
              )}
            />
          ) : (
            <Alert type="warning" showIcon message={tt('trace.recallNoTarget', { q: text })} data-testid="recall-no-target" />
          )
        ) : (
          <Typography.Text type="secondary">{tt('trace.recallHint')}</Typography.Text>
        )}
      </Card>
    </>
  );
}
