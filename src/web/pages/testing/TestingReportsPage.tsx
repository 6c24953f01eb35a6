import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap } from '../../api';
import { useCurrentUser } from '../../auth';
import { PageHeader } from '../../components/PageHeader';
import { remanFieldLabel } from '../../format';
import { useLocale } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { IssueDialog, ReportTable } from '../catalogue/productReports';

/**
 * 检测报告 of a testing organisation's user (issue 14; docs/public-portal.md "Testing organisations' own accounts"):
 * the reports its organisation issued (server-paged), 出具报告 on a traced unit or model within the fields its
 * directory entry covers (`scopeFields`), the file's upload and the withdrawal. The product's enterprise is notified.
 */
export default function TestingReportsPage() {
  const { t, locale } = useLocale();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { page, pageSize, pagination } = useUrlPaging();
  const [issuing, setIssuing] = useState(false);
  const list = useQuery({
    queryKey: ['issued-reports', page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/catalogue/product-reports/issued', { params: { query: { page, pageSize } }, signal })),
  });
  // the organisation's directory entry: its accredited fields limit the report's field
  const entry = useQuery({
    queryKey: ['public', 'orgs', 'all'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/testing-organizations', { params: { query: { pageSize: 200 } as never }, signal })),
    select: (d) => d.items.find((o) => o.id === me.organization?.id) ?? null,
  });
  const fields = entry.data?.scopeFields ?? [];
  const refresh = () => void qc.invalidateQueries({ queryKey: ['issued-reports'] });
  return (
    <>
      <PageHeader
        title={t('portal.preport.titleOrg')}
        subTitle={t('portal.preport.subOrg')}
        extra={<Button type="primary" disabled={!fields.length} onClick={() => setIssuing(true)} data-testid="preport-issue">{t('portal.preport.issue')}</Button>}
      />
      {entry.data && (
        <Typography.Paragraph data-testid="preport-scope">
          {t('portal.preport.scope', { org: entry.data.name, no: entry.data.accreditationNo, fields: fields.map((f) => remanFieldLabel(f, locale)).join(t('portal.preport.sep')) || '—' })}
        </Typography.Paragraph>
      )}
      {entry.isSuccess && !fields.length && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('portal.preport.noScope')} data-testid="preport-no-scope" />}
      <Card>
        <ReportTable rows={list.data?.items ?? []} total={list.data?.total ?? 0} loading={list.isPending} pagination={pagination} showEnterprise onChanged={refresh} />
      </Card>
      {issuing && <IssueDialog mode="org" scopeFields={fields} onClose={() => setIssuing(false)} onDone={() => (setIssuing(false), refresh())} />}
    </>
  );
}
