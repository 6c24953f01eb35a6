import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input } from 'antd';
import { useState } from 'react';
import { client, unwrap } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { IssueDialog, ReportTable } from './productReports';

/**
 * 产品检测报告 of an enterprise (issue 14; docs/public-portal.md "Test reports on products"): the reports on its traced
 * products — its own uploads and those testing organisations issued (server-paged, words filter in the URL; a
 * notification of an issued report links here with its number) —, 上传检测报告 of a directory organisation, the file's
 * upload and the withdrawal of its own. Live reports can be cited in a catalogue application's drawer.
 */
export default function ProductReportsPage() {
  const { t } = useLocale();
  const qc = useQueryClient();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? '';
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['product-reports', q, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/catalogue/product-reports/mine', { params: { query: { q: q || undefined, page, pageSize } as never }, signal })),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['product-reports'] });
  return (
    <>
      <PageHeader
        title={t('portal.preport.titleEnterprise')}
        subTitle={t('portal.preport.subEnterprise')}
        extra={<Button type="primary" onClick={() => setAdding(true)} data-testid="preport-add">{t('portal.preport.add')}</Button>}
      />
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input.Search key={q} defaultValue={q} allowClear aria-label={t('portal.preport.search')} placeholder={t('portal.preport.search')} style={{ maxWidth: 360 }} onSearch={(v) => update({ q: v.trim() || undefined, page: 1 })} data-testid="preport-search" />
      </Flex>
      <Card>
        <ReportTable rows={list.data?.items ?? []} total={list.data?.total ?? 0} loading={list.isPending} pagination={pagination} showEnterprise={false} onChanged={refresh} />
      </Card>
      {adding && <IssueDialog mode="enterprise" onClose={() => setAdding(false)} onDone={() => (setAdding(false), refresh())} />}
    </>
  );
}
