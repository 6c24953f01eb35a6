import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Result, Select, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../format';
import { bilingual, useLocale } from '../../i18n';
import { TraceNav, stepLabel, useCanRecord } from './common';
import { templateUrl, traceApi, type ImportJob } from './traceApi';
import { useT } from '../../i18n';

const IMPORT_STEPS = ['intake', 'inspection', 'cleaning', 'assessment', 'process', 'test', 'marking', 'shipping', 'sale', 'lease', 'installation', 'removal'] as const;

type CellError = ImportJob['errors'][number];

/**
 * 批量导入: per-step templates (.xlsx/.csv), upload, row-by-row validation (every bad cell named, nothing
 * half-imported), progress of large files by polling the job.
 */
export default function TraceImportPage() {
  const { locale } = useLocale();
  const tt = useT();
  const canRecord = useCanRecord();
  const qc = useQueryClient();
  const [step, setStep] = useState<(typeof IMPORT_STEPS)[number]>('intake');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [cellErrors, setCellErrors] = useState<CellError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  // poll a running job
  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const h = setTimeout(async () => {
      try {
        const r = await traceApi.importJob(job.id);
        setJob(r.job);
        if (r.job.status !== 'running') void qc.invalidateQueries({ queryKey: ['trace'] });
      } catch (e) {
        setFailure(e instanceof ApiError ? e.localized(locale) : String(e));
      }
    }, 700);
    return () => clearTimeout(h);
  }, [job, qc, locale]);

  if (!canRecord) return <Result status="403" title={tt('trace.import')} />;

  const upload = async (file: File) => {
    setJob(null);
    setCellErrors(null);
    setFailure(null);
    setUploading(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const r = await traceApi.importFile(step, form);
      setJob(r.job);
      if (r.job.errors?.length) setCellErrors(r.job.errors);
      void qc.invalidateQueries({ queryKey: ['trace'] });
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details) && e.details.length && typeof (e.details[0] as CellError).row === 'number') setCellErrors(e.details as CellError[]);
      setFailure(e instanceof ApiError ? e.localized(locale) : String(e));
    } finally {
      setUploading(false);
    }
  };

  const pct = job ? (job.total ? Math.round((job.processed / job.total) * 100) : job.status === 'succeeded' ? 100 : 0) : 0;

  return (
    <>
      <PageHeader title={tt('trace.import')} subTitle={tt('trace.importHint')} />
      <TraceNav current="import" />
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <span>{tt('trace.importStep')}</span>
          <Select value={step} onChange={setStep} aria-label={tt('trace.importStep')} style={{ width: 200 }} options={IMPORT_STEPS.map((s) => ({ value: s, label: stepLabel(tt, s) }))} data-testid="import-step" />
          <Button href={templateUrl(step, 'xlsx')} data-testid="import-template-xlsx">
            {tt('trace.template')} .xlsx
          </Button>
          <Button href={templateUrl(step, 'csv')} data-testid="import-template-csv">
            {tt('trace.template')} .csv
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f as unknown as File);
              return false;
            }}
          >
            <Button type="primary" loading={uploading} data-testid="import-upload">
              {tt('trace.chooseFile')}
            </Button>
          </Upload>
        </Flex>
        {job ? (
          <div data-testid="import-job" data-status={job.status} style={{ marginBottom: 16 }}>
            <Progress percent={pct} status={job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'} />
            <Typography.Text>
              {formatNumber(job.processed, locale)} / {formatNumber(job.total, locale)}
            </Typography.Text>
            {job.status === 'succeeded' ? <Alert type="success" showIcon message={tt('trace.importDone', { n: job.processed })} style={{ marginTop: 8 }} /> : null}
          </div>
        ) : null}
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="import-failure" /> : null}
        {cellErrors?.length ? (
          <>
            <Typography.Text strong type="danger">
              {tt('trace.importErrors')}
            </Typography.Text>
            <Table<CellError>
              data-testid="import-errors"
              size="small"
              rowKey={(r) => `${r.sheet}-${r.row}-${r.column}`}
              dataSource={cellErrors}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: tt('trace.sheet'), dataIndex: 'sheet' },
                { title: tt('trace.row'), dataIndex: 'row' },
                { title: tt('trace.column'), dataIndex: 'column' },
                { title: tt('trace.message'), key: 'm', render: (_, r) => (bilingual(locale, r.message, r.messageEn)) },
              ]}
            />
          </>
        ) : null}
      </Card>
    </>
  );
}
