import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../errors';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { StatusTag, TraceNav, stepLabel } from './common';
import { recallXlsxUrl, traceApi, type RecallItem } from './traceApi';
import { useTraceT } from './traceText';

/** 召回查询: given a part lot or a core, the affected remanufactured products with their owner or lessee (.xlsx). */
export default function TraceRecallPage() {
  const { locale } = useLocale();
  const tt = useTraceT();
  const [params, setParams] = useSearchParams();
  const by = params.get('core') !== null ? 'core' : 'lot';
  const value = params.get(by) ?? '';
  const [mode, setMode] = useState<'lot' | 'core'>(by);
  const [input, setInput] = useState(value);
  const query = value ? (by === 'lot' ? { lot: value } : { core: value }) : null;

  const res = useQuery({
    queryKey: ['trace', 'recall', query],
    queryFn: ({ signal }) => traceApi.recall(query!, signal),
    enabled: !!query,
  });

  return (
    <>
      <PageHeader title={tt('trace.recall')} subTitle={tt('trace.recallHint')} />
      <TraceNav current="recall" />
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            optionType="button"
            options={[
              { value: 'lot', label: tt('trace.recallLot') },
              { value: 'core', label: tt('trace.recallCore') },
            ]}
          />
          <Input.Search
            value={input}
            onChange={(e) => setInput(e.target.value)}
            style={{ maxWidth: 520 }}
            placeholder={mode === 'lot' ? 'urn:epc:class:lgtin:…' : 'urn:…'}
            enterButton
            onSearch={(v) => v.trim() && setParams({ [mode]: v.trim() })}
            data-testid="recall-input"
          />
          {query ? (
            <Button href={recallXlsxUrl(query)} data-testid="recall-xlsx">
              {tt('trace.downloadXlsx')}
            </Button>
          ) : null}
        </Flex>
        {res.isError ? <Alert type="error" showIcon message={errorText(res.error, locale)} style={{ marginBottom: 12 }} /> : null}
        {query ? (
          <Table<RecallItem>
            data-testid="recall-table"
            rowKey="code"
            size="middle"
            loading={res.isFetching}
            dataSource={res.data?.items ?? []}
            locale={{ emptyText: tt('trace.recallNone') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: tt('trace.code'), key: 'code', render: (_, r) => <Link to={`/trace/products/${encodeURIComponent(r.code)}`}>{r.code}</Link> },
              { title: tt('trace.name'), key: 'name', render: (_, r) => `${r.name}${r.model ? ` ${r.model}` : ''}` },
              { title: tt('trace.enterprise'), dataIndex: 'enterpriseName' },
              { title: tt('trace.life'), key: 'life', render: (_, r) => tt('trace.lifeN', { n: r.life }) },
              { title: tt('trace.state'), key: 'state', render: (_, r) => stepLabel(tt, r.state) },
              { title: tt('trace.productionDate'), key: 'date', render: (_, r) => formatDate(r.productionDate, locale) },
              { title: tt('trace.owner'), dataIndex: 'owner', render: (v: string | null, r) => v ?? tt('trace.ownedByEnterprise', { name: r.enterpriseName }) },
              { title: tt('trace.possessor'), dataIndex: 'possessor', render: (v: string | null) => v ?? '—' },
              { title: tt('trace.installation'), dataIndex: 'installation', render: (v: string | null) => v ?? '—' },
              { title: '', key: 'status', render: (_, r) => <StatusTag status={r.status} /> },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{tt('trace.recallHint')}</Typography.Text>
        )}
      </Card>
    </>
  );
}
