import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Progress, Select, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { errorText, useApiErrorHandler } from '../../errors';
import { formatDate, formatPercent } from '../../format';
import { useLocale } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { StatusTag, TraceNav, stepLabel, useCanRecord } from './common';
import { downloadLabelsPdf, traceApi, type ProductStatus, type ProductSummary } from './traceApi';
import { useT } from '../../i18n';

/** 产品追溯: the enterprise's remanufactured products (authorities and MIIT: those in their scope, read only). */
export default function TraceProductsPage() {
  const { locale, t } = useLocale();
  const tt = useT();
  const onError = useApiErrorHandler();
  const canRecord = useCanRecord();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const [selected, setSelected] = useState<string[]>([]);
  const [printing, setPrinting] = useState(false);

  const list = useQuery({
    queryKey: ['trace', 'products', { page, pageSize, q, status }],
    queryFn: ({ signal }) => traceApi.products({ page, pageSize, q: q || undefined, status: (status || undefined) as ProductStatus | undefined }, signal),
    placeholderData: keepPreviousData,
  });

  // Large MES captures are projected right after they are stored: while some are pending, say so and poll.
  const [maxLag, setMaxLag] = useState(0);
  const queryClient = useQueryClient();
  const projection = useQuery({
    queryKey: ['trace', 'projection'],
    queryFn: ({ signal }) => traceApi.projection(signal),
    enabled: canRecord,
    refetchInterval: (query) => ((query.state.data?.items ?? []).some((i) => i.lag > 0 || i.lastError) ? 2000 : false),
  });
  const own = projection.data?.items[0];
  const lag = own?.lag ?? 0;
  useEffect(() => {
    if (lag > maxLag) setMaxLag(lag);
    if (lag === 0 && maxLag > 0) {
      setMaxLag(0);
      void queryClient.invalidateQueries({ queryKey: ['trace'] });
    }
  }, [lag, maxLag, queryClient]);

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
            aria-label={tt('trace.search')}
            style={{ maxWidth: 320 }}
            onSearch={(v) => update({ q: v.trim() || undefined, page: 1 })}
            data-testid="trace-search"
          />
          <Select
            value={status}
            aria-label={tt('trace.statusFilter')}
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
        {own && own.lag > 0 ? (
          <Alert
            type={own.lastError ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="trace-projection-lag"
            data-lag={own.lag}
            message={own.lastError ? tt('trace.projectionError', { error: own.lastError }) : tt('trace.projectionLag', { n: own.lag })}
            description={maxLag > 0 ? <Progress percent={Math.floor(((maxLag - own.lag) / maxLag) * 100)} size="small" status={own.lastError ? 'exception' : 'active'} /> : null}
          />
        ) : null}
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
