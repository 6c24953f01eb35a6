import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useLocale } from '../../i18n';
import { bulkTemplateUrl, devicesApi, type BulkProvisioned } from './devicesApi';
import { ProvisioningSheet } from './ProvisioningSheet';

interface RowProblem {
  row: number;
  column: string;
  message: string;
  messageEn: string;
}
const isRowProblem = (d: unknown): d is RowProblem => typeof (d as RowProblem)?.row === 'number';

/**
 * 批量接入: template download, one .xlsx upload (all rows or none), the server's problems by row and column, then the
 * devices with their one-time passwords and the printable provisioning sheet (docs/monitoring.md "Bulk provisioning").
 */
export function BulkProvisionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, bi, locale } = useLocale();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [result, setResult] = useState<BulkProvisioned | null>(null);
  const [sheet, setSheet] = useState(false);

  const reset = () => {
    setFailure(null);
    setProblems([]);
    setResult(null);
    setSheet(false);
  };
  const close = () => {
    if (result && !window.confirm(t('monitoring.bulk.closeConfirm'))) return;
    reset();
    onClose();
  };

  const send = async (file: File) => {
    setBusy(true);
    reset();
    try {
      const r = await devicesApi.provisionFile(file);
      setResult(r);
      void qc.invalidateQueries({ queryKey: ['devices'] });
    } catch (e) {
      setFailure(e instanceof ApiError ? e.localized(locale) : String(e));
      if (e instanceof ApiError && Array.isArray(e.details)) setProblems(e.details.filter(isRowProblem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal open={open} title={t('monitoring.bulk.title')} onCancel={close} footer={null} width={880} destroyOnHidden>
        {result ? (
          <div data-testid="bulk-result">
            <Alert type="success" showIcon message={t('monitoring.bulk.done', { n: result.provisioned })} style={{ marginBottom: 8 }} />
            <Alert type="warning" showIcon message={t('monitoring.bulk.warning')} style={{ marginBottom: 12 }} />
            <Table
              size="small"
              rowKey={(r) => r.device.id}
              pagination={false}
              scroll={{ y: 320 }}
              dataSource={result.devices}
              columns={[
                { title: t('monitoring.bulk.col.row'), key: 'row', width: 56, render: (_, r) => r.row },
                { title: t('monitoring.col.name'), key: 'name', render: (_, r) => r.device.name },
                { title: t('monitoring.col.product'), key: 'code', render: (_, r) => <code>{r.device.productCode}</code> },
                { title: t('monitoring.sheet.username'), key: 'user', render: (_, r) => <code style={{ fontSize: 11 }}>{r.credentials.username}</code> },
                { title: t('monitoring.bulk.col.password'), key: 'pw', render: (_, r) => <code style={{ fontSize: 11, wordBreak: 'break-all' }}>{r.credentials.password}</code> },
              ]}
            />
            <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
              <Button type="primary" onClick={() => setSheet(true)} data-testid="bulk-print">
                {t('monitoring.bulk.print')}
              </Button>
              <Button onClick={close}>{t('monitoring.sheet.close')}</Button>
            </Flex>
          </div>
        ) : (
          <>
            <Typography.Paragraph>{t('monitoring.bulk.hint')}</Typography.Paragraph>
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <Button href={bulkTemplateUrl} data-testid="bulk-template">
                {t('monitoring.bulk.template')}
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(f) => {
                  void send(f as unknown as File);
                  return false;
                }}
              >
                <Button type="primary" loading={busy} data-testid="bulk-upload">
                  {t('monitoring.bulk.choose')}
                </Button>
              </Upload>
            </Flex>
            {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="bulk-failure" /> : null}
            {problems.length ? (
              <>
                <Typography.Text strong type="danger">
                  {t('monitoring.bulk.errors')}
                </Typography.Text>
                <Table<RowProblem>
                  data-testid="bulk-errors"
                  size="small"
                  rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
                  pagination={false}
                  dataSource={problems}
                  columns={[
                    { title: t('monitoring.bulk.col.row'), key: 'row', width: 64, render: (_, r) => r.row },
                    { title: t('monitoring.bulk.col.column'), key: 'column', width: 220, render: (_, r) => r.column || '—' },
                    { title: t('monitoring.bulk.col.problem'), key: 'problem', render: (_, r) => bi(r.message, r.messageEn) },
                  ]}
                />
              </>
            ) : null}
          </>
        )}
      </Modal>
      {sheet && result ? <ProvisioningSheet result={result} onClose={() => setSheet(false)} /> : null}
    </>
  );
}
