import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { client, unwrap } from '../../api';
import { useCurrentUser } from '../../auth';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { isAuthorityRole, isEnterpriseRole } from '../../menu';
import { ReportStateTag } from './ReportStateTag';
import type { OwedReport } from './types';
import { useUrlPaging } from '../../paging';

/**
 * 年度报告 (规范条件 七(二)1): the enterprise sees the reports its announced sites owe and starts or opens
 * them; the provincial authority its jurisdiction (overdue list, 汇总 download, 报送工信部); MIIT all.
 */
export default function AnnualReportsPage() {
  const me = useCurrentUser();
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const yearParam = params.get('year');
  const [tab, setTab] = useState<'all' | 'overdue'>('all');
  const [forwarding, setForwarding] = useState(false);
  const [fwForm] = Form.useForm<{ note?: string }>();
  const isEnterprise = isEnterpriseRole(me.role);
  const isAuthority = isAuthorityRole(me.role);

  // server-side pages; the tabs' counts are the totals of a one-row page each
  const { page, pageSize, update, pagination } = useUrlPaging();
  const yearQ = yearParam ? Number(yearParam) : undefined;
  const list = useQuery({
    queryKey: ['annual-reports', 'list', yearParam, tab, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/annual-reports', { params: { query: { year: yearQ, overdue: tab === 'overdue' ? 'true' : undefined, page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
  const countOf = (f: 'all' | 'overdue' | 'accepted') => ({
    queryKey: ['annual-reports', 'count', yearParam, f],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(client.GET('/api/v1/annual-reports', { params: { query: { year: yearQ, overdue: f === 'overdue' ? 'true' : undefined, state: f === 'accepted' ? 'accepted' : undefined, page: 1, pageSize: 1 } }, signal })),
  });
  const allCount = useQuery(countOf('all'));
  const overdueCount = useQuery(countOf('overdue'));
  const acceptedCount = useQuery({ ...countOf('accepted'), enabled: isAuthority });
  const accepted = acceptedCount.data?.total ?? 0;
  const year = list.data?.year;
  const shown = list.data?.items ?? [];
  const currentYear = new Date().getFullYear() - 1;
  const years = Array.from({ length: Math.max(1, currentYear - 2023 + 2) }, (_, i) => currentYear + 1 - i).filter((y) => y >= 2023);

  const start = useMutation({
    mutationFn: (o: OwedReport) => unwrap(client.POST('/api/v1/annual-reports', { body: { year: o.year } })),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: ['annual-reports'] });
      navigate(`/annual-reports/${d.id}`);
    },
    onError: (e) => onError(e),
  });
  const forward = useMutation({
    mutationFn: (v: { note?: string }) => unwrap(client.POST('/api/v1/annual-reports/forward', { body: { year: year!, note: v.note?.trim() || undefined } })),
    onSuccess: (r) => {
      message.success(t('ar.forwarded', { n: r.reportCount }));
      setForwarding(false);
      fwForm.resetFields();
      void qc.invalidateQueries({ queryKey: ['annual-reports'] });
    },
    onError: (e) => onError(e, fwForm),
  });

  const columns: TableColumnsType<OwedReport> = [
    ...(isEnterprise
      ? []
      : [
          { title: t('ar.enterprise'), key: 'enterprise', render: (_: unknown, o: OwedReport) => o.enterpriseName },
          { title: t('ar.region'), key: 'region', width: 110, render: (_: unknown, o: OwedReport) => o.regionName },
        ]),
    { title: t('proc.ar.sites'), key: 'site', render: (_, o) => o.sites.map((x) => x.siteName).join('、') },
    { title: t('ar.announcedOn'), key: 'announcedOn', width: 110, render: (_, o) => o.announcedOn },
    { title: t('ar.year'), key: 'year', width: 80, render: (_, o) => o.year },
    { title: t('ar.dueOn'), key: 'dueOn', width: 110, render: (_, o) => o.dueOn },
    { title: t('ar.state'), key: 'state', render: (_, o) => <ReportStateTag state={o.state} overdue={o.overdue} late={o.late} /> },
    { title: t('ar.submittedOn'), key: 'submittedOn', width: 110, render: (_, o) => o.submittedOn ?? t('common.none') },
    ...(isEnterprise
      ? []
      : [
          {
            title: t('ar.totals'),
            key: 'totals',
            render: (_: unknown, o: OwedReport) =>
              o.totals.recovered === null ? t('common.none') : `${formatNumber(o.totals.recovered, locale)} / ${formatNumber(o.totals.remanufactured, locale)} / ${formatNumber(o.totals.sold, locale)}`,
          },
        ]),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, o) => {
        if (o.reportId && (isEnterprise || o.state !== 'draft'))
          return (
            <Button size="small" type="link" data-testid={`ar-open-${o.siteId}`} onClick={() => navigate(`/annual-reports/${o.reportId}`)}>
              {t('ar.open')}
            </Button>
          );
        if (isEnterprise && !o.reportId)
          return o.open ? (
            <Button size="small" type="primary" data-testid={`ar-start-${o.siteId}`} loading={start.isPending} onClick={() => start.mutate(o)}>
              {t('ar.start')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('ar.notOpen', { date: `${o.year + 1}-01-01` })}</Typography.Text>
          );
        return null;
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ar.title')}
        subTitle={t('ar.subtitle')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('ar.year')}
              data-testid="ar-year"
              value={year}
              style={{ width: 140 }}
              options={years.map((y) => ({ value: y, label: t('ar.yearN', { year: y }) }))}
              onChange={(y) => setParams({ year: String(y) })}
            />
            {!isEnterprise ? (
              <Button href={`/api/v1/annual-reports/summary.xlsx?year=${year ?? ''}`} data-testid="ar-summary-xlsx">
                {t('ar.summaryXlsx')}
              </Button>
            ) : null}
            {isAuthority ? (
              <Button type="primary" data-testid="ar-forward" onClick={() => setForwarding(true)} disabled={accepted === 0}>
                {t('ar.forward')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {list.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('ar.window', { year: list.data.year, opens: list.data.opensOn, due: list.data.dueOn })}
          description={t('ar.rule')}
        />
      ) : null}
      <Card>
        {!isEnterprise ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => {
              setTab(k as 'all' | 'overdue');
              update({ page: 1 });
            }}
            items={[
              { key: 'all', label: `${t('ar.tab.all')} (${allCount.data?.total ?? 0})` },
              { key: 'overdue', label: <span data-testid="ar-tab-overdue">{`${t('ar.tab.overdue')} (${overdueCount.data?.total ?? 0})`}</span> },
            ]}
          />
        ) : null}
        <Table<OwedReport>
          data-testid="ar-table"
          rowKey={(o) => `${o.enterpriseId}/${o.siteId}`}
          loading={list.isPending}
          columns={columns}
          dataSource={shown}
          pagination={{ ...pagination(list.data?.total ?? 0), hideOnSinglePage: true }}
          locale={{ emptyText: t('ar.empty') }}
          scroll={{ x: 900 }}
        />
        {!isEnterprise ? (
          // names the 合计（件） column, which only the authorities' list has (issue 16 item 7)
          <Flex justify="end">
            <Typography.Text type="secondary" data-testid="ar-totals-note">{t('ar.totalsNote')}</Typography.Text>
          </Flex>
        ) : null}
      </Card>
      <Modal
        open={forwarding}
        title={t('ar.forward')}
        okText={t('ar.forward')}
        cancelText={t('common.cancel')}
        confirmLoading={forward.isPending}
        onCancel={() => setForwarding(false)}
        onOk={() => fwForm.submit()}
        okButtonProps={{ 'data-testid': 'ar-forward-ok' } as never}
      >
        <Typography.Paragraph>{t('ar.forwardHint', { n: accepted, year: year ?? '' })}</Typography.Paragraph>
        <Form form={fwForm} layout="vertical" onFinish={(v) => forward.mutate(v)}>
          <Form.Item name="note" label={t('ar.forwardNote')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
