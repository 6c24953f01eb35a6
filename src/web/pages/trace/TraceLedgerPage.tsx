import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Row, Statistic } from 'antd';
import { useState } from 'react';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../errors';
import { todayShanghai } from '../../format';
import { useLocale } from '../../i18n';
import { TraceNav, useCanRecord } from './common';
import { ledgerXlsxUrl, traceApi } from './traceApi';
import { useT } from '../../i18n';
import { DateField } from '../../components/DateField';

const SHEETS = ['coresReceived', 'productsMade', 'tests', 'shipments'] as const;

/** 生产管理台账 (规范条件 四(三)) for a period: preview counts and download the four-sheet .xlsx. */
export default function TraceLedgerPage() {
  const { locale } = useLocale();
  const tt = useT();
  const own = useCanRecord();
  const today = todayShanghai();
  const [q, setQ] = useState<{ from: string; to: string; enterpriseId?: string }>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const ready = own || !!q.enterpriseId;
  const ledger = useQuery({
    queryKey: ['trace', 'ledger', q],
    // the page shows each section's total (the rows are in the .xlsx): one row per section is enough
    queryFn: ({ signal }) => traceApi.ledger({ ...q, format: 'json', page: 1, pageSize: 1 }, signal),
    enabled: ready,
  });

  return (
    <>
      <PageHeader title={tt('trace.ledger')} subTitle={tt('trace.ledgerHint')} />
      <TraceNav current="ledger" />
      <Card>
        <Form layout="inline" initialValues={q} onFinish={(v: typeof q) => setQ({ ...q, ...v })} style={{ marginBottom: 16, rowGap: 8 }}>
          {!own ? (
            <Form.Item name="enterpriseId" label={tt('trace.ledgerEnterprise')} rules={[{ required: true }]}>
              <EnterpriseSelect />
            </Form.Item>
          ) : null}
          <Form.Item name="from" label={tt('trace.from')} rules={[{ required: true }]}>
            <DateField data-testid="ledger-from" />
          </Form.Item>
          <Form.Item name="to" label={tt('trace.to')} rules={[{ required: true }]}>
            <DateField data-testid="ledger-to" />
          </Form.Item>
          <Button htmlType="submit">{tt('trace.preview')}</Button>
          {ready ? (
            <Button type="primary" href={ledgerXlsxUrl(q)} data-testid="ledger-xlsx" style={{ marginLeft: 8 }}>
              {tt('trace.downloadXlsx')}
            </Button>
          ) : null}
        </Form>
        {ledger.isError ? <Alert type="error" showIcon message={errorText(ledger.error, locale)} /> : null}
        {ledger.data ? (
          <Row gutter={16} data-testid="ledger-counts">
            {SHEETS.map((s) => (
              <Col key={s} xs={12} md={6}>
                <Statistic title={tt(`trace.${s}`)} value={ledger.data[s].total} />
              </Col>
            ))}
          </Row>
        ) : (
          <Flex />
        )}
      </Card>
    </>
  );
}
