import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { errorText, useApiErrorHandler } from '../../errors';
import { formatDate, formatPercent } from '../../format';
import { useLocale } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { StatusTag, TraceNav, stepLabel, useCanRecord } from './common';
import { downloadLabelsPdf, traceApi, type ProductSummary } from './traceApi';
import { useTraceT } from './traceText';

/** 产品追溯: the enterprise's remanufactured products (authorities and MIIT: those in their scope, read only). */
export default function TraceProductsPage() {
  const { locale, t } = useLocale();
  const tt = useTraceT();
  const onError = useApiErrorHandler();
  const canRecord = useCanRecord();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const [selected, setSelected] = useState<string[]>([]);
  const [printing, setPrinting] = useState(false);

  const list = useQuery({
    queryKey: ['trace', 'products', { page, pageSize, q, status }],
    queryFn: ({ signal }) => traceApi.products({ page, pageSize, q: q || undefined, status: status || undefined }, signal),
    placeholderData: keepPreviousData,
  });

  const print = async () => {
    setPrinting(true);
    try {
      const blob = await downloadLabelsPdf(selected);
      window.open(URL.createObjectURL(blob), '_blank');
    } catch (e) {
      onError(e);
    } finally {
      setPrinting(false);
    }
  };

  const columns: TableColumnsType<ProductSummary> = [
    {
      title: tt('trace.code'),
      key: 'code',
      render: (_, p) => (
        <Link to={`/trace/products/${encodeURIComponent(p.code)}`} data-testid={`product-link-${p.code}`}>
          <code>{p.code}</code>
        </Link>
      ),
    },
    { title: tt('trace.name'), key: 'name', render: (_, p) => `${p.name}${p.model ? ` ${p.model}` : ''}` },
    ...(canRecord ? [] : [{ title: tt('trace.enterprise'), key: 'ent', dataIndex: 'enterpriseName' }]),
    { title: tt('trace.life'), key: 'life', render: (_, p) => tt('trace.lifeN', { n: p.life }) },
    { title: tt('trace.state'), key: 'state', render: (_, p) => stepLabel(tt, p.state) },
    { title: tt('trace.productionDate'), key: 'date', render: (_, p) => formatDate(p.productionDate, locale) },
    { title: tt('trace.massRate'), key: 'mr', render: (_, p) => formatPercent(p.massRate) },
    { title: tt('trace.valueRate'), key: 'vr', render: (_, p) => formatPercent(p.valueRate) },
    { title: t('common.status'), key: 'status', render: (_, p) => <StatusTag status={p.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={tt('trace.title')}
        subTitle={canRecord ? tt('trace.sub') : tt('trace.subReadOnly')}
        extra={
          canRecord ? (
            <Button type="primary" disabled={!selected.length} loading={printing} onClick={() => void print()} data-testid="trace-print-selected">
              {tt('trace.selectedPrint')} {selected.length ? `(${selected.length})` : ''}
            </Button>
          ) : null
        }
      />
      <TraceNav current="products" />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={tt('trace.search')}
            style={{ maxWidth: 320 }}
            onSearch={(v) => update({ q: v.trim() || undefined, page: 1 })}
            data-testid="trace-search"
          />
          <Select
            value={status}
            style={{ width: 160 }}
            onChange={(v) => update({ status: v || undefined, page: 1 })}
            options={[
              { value: '', label: tt('trace.allStatus') },
              { value: 'issued', label: tt('trace.status.issued') },
              { value: 'revoked', label: tt('trace.status.revoked') },
              { value: 'recalled', label: tt('trace.status.recalled') },
            ]}
          />
        </Flex>
        {list.isError ? <Alert type="error" showIcon message={errorText(list.error, locale)} style={{ marginBottom: 12 }} /> : null}
        <Table<ProductSummary>
          data-testid="trace-products-table"
          rowKey="code"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={pagination(list.data?.total ?? 0)}
          rowSelection={canRecord ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
          locale={{ emptyText: tt('trace.noProducts') }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}
