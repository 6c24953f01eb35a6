import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Checkbox,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  COVER_FIELDS,
  OPERATIONS_FIELDS,
  OUTLINE_SECTIONS,
  REPORT_FIELDS,
  TABLE21_ITEMS,
  FIGURE_FIELDS,
  TABLE23_SECTIONS,
  type AnnualReportForm,
  type Table23,
  type Table23Key,
} from '../../../domain/annual-report/form';
import { rowSum, totalsIssues } from '../../../domain/annual-report/validation';
import { client, isApiError, unwrap, upload as uploadFile } from '../../api';
import { useConfirm } from '../../components/confirm';
import { useLeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiErrorHandler } from '../../errors';
import { formatDateTime } from '../../format';
import { pick, bilingual, useLocale } from '../../i18n';
import { ReportStateTag } from './ReportStateTag';
import type { AnnualReportDetail, CellError, ImportJob } from './types';
import { DateField } from '../../components/DateField';
import { labelled } from '../../components/a11y';

/** Drop empty rows and turn '' into undefined so that a draft saves what was entered. */
function cleanTable(t: Table23 = {}): Table23 {
  const out: Table23 = {};
  for (const s of TABLE23_SECTIONS) {
    const sec = t[s.key];
    if (!sec) continue;
    const rows = (sec.rows ?? []).filter((r) => r && Object.values(r).some((v) => v !== undefined && v !== null && v !== ''));
    (out as Record<Table23Key, unknown>)[s.key] = { total: sec.total ?? null, rows };
  }
  return out;
}
function clean(form: AnnualReportForm): AnnualReportForm {
  return { ...form, sites: (form.sites ?? []).map((p) => ({ ...p, table23: cleanTable(p.table23) })) };
}

/**
 * One 年度报告 (附2): cover, outline, 表2-1 and 表2-3 row tables with live totals, the 表2-3 .xlsx template and
 * upload (with progress), submission; for the authority the review (审核意见 or return).
 */
export default function AnnualReportDetailPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [form] = Form.useForm<AnnualReportForm>();
  const [reviewForm] = Form.useForm<{ opinion: string }>();
  const [returnForm] = Form.useForm<{ reason: string }>();
  const [returning, setReturning] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [cellErrors, setCellErrors] = useState<CellError[]>([]);
  const [tab, setTab] = useState('cover');
  const [dirty, setDirty] = useState(false);
  const confirm = useConfirm();
  // leaving with unsaved edits (menu, 返回, a link, closing the tab) asks first
  useLeaveGuard(dirty);

  const q = useQuery({ queryKey: ['annual-reports', 'detail', id], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/annual-reports/{id}', { params: { path: { id } }, signal })) });
  const d = q.data;
  useEffect(() => {
    if (d) form.setFieldsValue(d.form);
  }, [d, form]);
  const sitesWatch = Form.useWatch('sites', form) as AnnualReportForm['sites'];
  const [siteTab, setSiteTab] = useState(0);

  const refresh = (next?: AnnualReportDetail) => {
    if (next) {
      qc.setQueryData(['annual-reports', 'detail', id], next);
      form.setFieldsValue(next.form);
      setDirty(false);
    }
    void qc.invalidateQueries({ queryKey: ['annual-reports'] });
    void qc.invalidateQueries({ queryKey: ['todos'] });
  };

  const save = useMutation({
    mutationFn: () => unwrap(client.PUT('/api/v1/annual-reports/{id}/form', { params: { path: { id } }, body: { form: clean(form.getFieldsValue(true)), baseUpdatedAt: q.data?.updatedAt } })),
    onSuccess: (next) => {
      message.success(t('common.saved'));
      refresh(next);
    },
    onError: (e) => onError(e),
  });
  const submit = useMutation({
    mutationFn: async () => {
      // the version this editor started from: a report another site saved since is refused (409), not overwritten
      await unwrap(client.PUT('/api/v1/annual-reports/{id}/form', { params: { path: { id } }, body: { form: clean(form.getFieldsValue(true)), baseUpdatedAt: q.data?.updatedAt } }));
      return unwrap(client.POST('/api/v1/annual-reports/{id}/submit', { params: { path: { id } }, body: {} }));
    },
    onSuccess: (next) => {
      message.success(t('ar.submitted'));
      refresh(next);
    },
    onError: (e) => {
      onError(e);
      void q.refetch();
    },
  });
  const accept = useMutation({
    mutationFn: (v: { opinion: string }) => unwrap(client.POST('/api/v1/annual-reports/{id}/accept', { params: { path: { id } }, body: v })),
    onSuccess: (next) => {
      message.success(t('ar.accepted'));
      refresh(next);
    },
    onError: (e) => onError(e, reviewForm),
  });
  // 附2 三: MIIT 核查, with an on-site inspection when needed
  const [ministryForm] = Form.useForm<{ opinion: string; onsite?: boolean; date?: string; note?: string }>();
  const ministry = useMutation({
    mutationFn: (v: { opinion: string; onsite?: boolean; date?: string; note?: string }) =>
      unwrap(client.POST('/api/v1/annual-reports/{id}/ministry-review', { params: { path: { id } }, body: { opinion: v.opinion, onsiteInspection: v.onsite && v.date ? { date: v.date, note: v.note ?? '' } : null } })),
    onSuccess: (next) => refresh(next),
    onError: (e) => onError(e, ministryForm),
  });
  const ret = useMutation({
    mutationFn: (v: { reason: string }) => unwrap(client.POST('/api/v1/annual-reports/{id}/return', { params: { path: { id } }, body: v })),
    onSuccess: (next) => {
      message.success(t('ar.returned'));
      setReturning(false);
      refresh(next);
    },
    onError: (e) => onError(e, returnForm),
  });

  async function pollJob(j: ImportJob) {
    let cur = j;
    setJob(cur);
    while (cur.status === 'running') {
      await new Promise((r) => setTimeout(r, 400));
      cur = await unwrap(client.GET('/api/v1/annual-reports/{id}/imports/{jobId}', { params: { path: { id, jobId: j.id } } }));
      setJob(cur);
    }
    if (cur.status === 'done') {
      message.success(t('ar.imported'));
      setCellErrors([]);
      refresh(await unwrap(client.GET('/api/v1/annual-reports/{id}', { params: { path: { id } } })));
    } else setCellErrors(cur.errors);
  }

  async function upload(file: File, siteId: string) {
    const fd = new FormData();
    fd.append('file', file);
    setCellErrors([]);
    setJob({ id: '', reportId: id, status: 'running', processed: 0, total: 0, errors: [] });
    try {
      await pollJob(await uploadFile('/api/v1/annual-reports/{id}/table23', { id }, fd, undefined, { siteId }));
    } catch (e) {
      setJob(null);
      if (isApiError(e) && e.code === 'XLSX_INVALID') setCellErrors((e.details as CellError[]) ?? []);
      else onError(e);
    }
  }

  if (q.isPending) return <PageLoading />;
  if (!d) return <Alert type="error" message={t('common.loadFailed')} />;
  const editable = d.can.edit;
  const mismatchesOf = (i: number) => totalsIssues(sitesWatch?.[i]?.table23);
  const anyMismatch = (d.form.sites ?? []).some((_, i) => mismatchesOf(i).length > 0);

  const coverTab = (
    <Row gutter={16}>
      {COVER_FIELDS.map((f) => (
        <Col xs={24} md={12} key={f.key}>
          <Form.Item name={['cover', f.key]} label={pick(locale, f)} required={f.required}>
            {f.key === 'compiledOn' ? <Input placeholder="YYYY-MM-DD" data-testid={`ar-cover-${f.key}`} /> : <Input data-testid={`ar-cover-${f.key}`} maxLength={300} />}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
  const outlineTab = OUTLINE_SECTIONS.map((s) => (
    <div key={s.key}>
      <Form.Item name={['outline', s.key]} label={pick(locale, s)} extra={s.hint} required>
        <Input.TextArea rows={4} data-testid={`ar-outline-${s.key}`} maxLength={20000} />
      </Form.Item>
      {/* 附2 提纲 二、生产经营情况: the year's 再制造产值 (万元, as 申请书 表1-2 row 9) */}
      {s.key === 's2_operations'
        ? OPERATIONS_FIELDS.map((f) => (
            <Form.Item key={f.key} name={['operations', f.key]} label={pick(locale, f)} required={f.required}>
              <InputNumber min={0} precision={2} style={{ width: 220 }} addonAfter={f.unit} data-testid={`ar-operations-${f.key}`} />
            </Form.Item>
          ))
        : null}
    </div>
  ));
  const table21Tab = TABLE21_ITEMS.map((s) => (
    <Form.Item key={s.key} name={['table21', s.key]} label={pick(locale, s)} required={s.required}>
      <Input.TextArea rows={3} data-testid={`ar-t21-${s.key}`} maxLength={10000} />
    </Form.Item>
  ));
  // 三(三)/三(四) figures (optional; the platform re-checks them after the 公告, 七(二)4(1))
  const figuresTab = (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('proc.figures.note')} />
      {FIGURE_FIELDS.map((f) => (
        <Form.Item key={f.key} name={['figures', f.key]} label={pick(locale, f)}>
          <InputNumber min={0} style={{ width: 220 }} data-testid={`ar-fig-${f.key}`} />
        </Form.Item>
      ))}
    </>
  );
  // 表2-3 once per announced site (附2; 七(一)3), each with its own .xlsx template and upload
  const table23Of = (i: number, siteId: string) => {
    const table23 = sitesWatch?.[i]?.table23;
    const mismatches = mismatchesOf(i);
    return (
    <>
      {editable ? (
        <Card size="small" style={{ marginBottom: 16 }} title={t('ar.xlsx')}>
          <Space wrap>
            <Button href={`/api/v1/annual-reports/${id}/table23.xlsx?siteId=${siteId}`} data-testid="ar-template">
              {t('ar.template')}
            </Button>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file, siteId);
                return false;
              }}
            >
              <Button type="primary" data-testid="ar-upload">
                {t('ar.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{t('ar.uploadHint')}</Typography.Text>
          </Space>
          {job ? (
            <div style={{ marginTop: 12 }} data-testid="ar-import-progress">
              <Progress
                percent={job.total ? Math.round((job.processed / job.total) * 100) : job.status === 'done' ? 100 : 0}
                status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
              />
              <Typography.Text type="secondary">{t('ar.progress', { processed: job.processed, total: job.total })}</Typography.Text>
            </div>
          ) : null}
          {cellErrors.length ? (
            <Table<CellError>
              data-testid="ar-cell-errors"
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(e) => `${e.sheet}!${e.column}${e.row}:${e.reason}`}
              title={() => <Typography.Text type="danger">{t('ar.cellErrors', { n: cellErrors.length })}</Typography.Text>}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={cellErrors}
              columns={[
                { title: t('ar.sheet'), dataIndex: 'sheet', width: 140 },
                { title: t('ar.cell'), key: 'cell', width: 90, render: (_, e) => (e.row ? `${e.column}${e.row}` : '') },
                { title: t('ar.reason'), key: 'reason', render: (_, e) => (bilingual(locale, e.reason, e.reasonEn)) },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
      {TABLE23_SECTIONS.map((s) => {
        const sum = rowSum(table23, s.key);
        const total = table23?.[s.key]?.total;
        const bad = mismatches.some((m) => m.field === `table23.${s.key}.total`);
        return (
          <Card key={s.key} size="small" style={{ marginBottom: 16 }} title={pick(locale, s)} data-testid={`ar-t23-${s.key}`}>
            <Flex gap={16} align="center" wrap style={{ marginBottom: 8 }}>
              <Form.Item name={['sites', i, 'table23', s.key, 'total']} label={bilingual(locale, s.totalZh, s.totalEn)} style={{ marginBottom: 0 }}>
                <InputNumber min={0} precision={0} data-testid={`ar-total-${s.key}`} />
              </Form.Item>
              <Typography.Text type={bad ? 'danger' : 'secondary'} data-testid={`ar-sum-${s.key}`}>
                {t('ar.rowSum', { sum })}
                {bad ? ` ≠ ${total}` : total !== undefined && total !== null ? ' ✓' : ''}
              </Typography.Text>
            </Flex>
            <Form.List name={['sites', i, 'table23', s.key, 'rows']}>
              {(fields, { add, remove }) => (
                <>
                  <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
                    <Col span={2}>{t('common.serialNo')}</Col>
                    {s.columns.map((c) => (
                      <Col span={c.key === 'count' ? 4 : 5} key={c.key}>
                        {pick(locale, c)}
                      </Col>
                    ))}
                    <Col span={3} />
                  </Row>
                  {fields.map((f, i) => (
                    <Row gutter={8} key={f.key} data-testid={`ar-row-${s.key}-${i + 1}`}>
                      <Col span={2} style={{ paddingTop: 5 }}>
                        {i + 1}
                      </Col>
                      {s.columns.map((c) => (
                        <Col span={c.key === 'count' ? 4 : 5} key={c.key}>
                          <Form.Item name={[f.name, c.key]} style={{ marginBottom: 8 }}>
                            {labelled(c.key === 'count' ? (
                              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`ar-${s.key}-${i + 1}-count`} />
                            ) : c.key === 'field' ? (
                              <Select
                                data-testid={`ar-${s.key}-${i + 1}-field`}
                                options={REPORT_FIELDS.map((o) => ({ value: o.value, label: pick(locale, o) }))}
                                allowClear
                              />
                            ) : (
                              <Input data-testid={`ar-${s.key}-${i + 1}-${c.key}`} maxLength={200} />
                            ), pick(locale, c), i)}
                          </Form.Item>
                        </Col>
                      ))}
                      <Col span={3}>
                        {editable ? (
                          <Button type="link" danger onClick={() => remove(f.name)}>
                            {t('ar.removeRow')}
                          </Button>
                        ) : null}
                      </Col>
                    </Row>
                  ))}
                  {editable ? (
                    <Button onClick={() => add({})} data-testid={`ar-add-${s.key}`}>
                      {t('ar.addRow')}
                    </Button>
                  ) : null}
                </>
              )}
            </Form.List>
          </Card>
        );
      })}
    </>
  );
  };
  const table23Tab = (
    <Tabs
      activeKey={String(siteTab)}
      onChange={(k) => setSiteTab(Number(k))}
      items={(d.sites ?? []).map((site, i) => ({
        key: String(i),
        forceRender: true,
        label: <span data-testid={`ar-site-tab-${i}`}>{site.siteName}{mismatchesOf(i).length ? ' ⚠' : ''}</span>,
        children: (
          <>
            {table23Of(i, site.siteId)}
            {/* this site's share of 二's 再制造产值 (optional): the statistics count it in the site's region and field */}
            {(d.sites ?? []).length > 1 || d.partsOnly ? (
              <Form.Item name={['sites', i, 'outputValue']} label={t('proc.ar.siteValue')} extra={t('proc.ar.siteValueHint')}>
                <InputNumber min={0} precision={2} style={{ width: 220 }} addonAfter={OPERATIONS_FIELDS[0]!.unit} data-testid={`ar-site-value-${i}`} />
              </Form.Item>
            ) : null}
            <Form.Item name={['sites', i, 'facts']} label={t('proc.ar.siteFacts')}>
              <Input.TextArea rows={3} maxLength={10000} data-testid={`ar-site-facts-${i}`} />
            </Form.Item>
          </>
        ),
      }))}
    />
  );

  return (
    <>
      <PageHeader
        backTo="/annual-reports"
        title={`${t('ar.yearN', { year: d.year })} · ${d.enterpriseName}（${d.siteName}）`}
        subTitle={<ReportStateTag state={d.state} overdue={d.overdue} late={d.late} />}
        extra={
          editable ? (
            <Space>
              <Button href={`/api/v1/annual-reports/${id}/docx`} data-testid="ar-docx">
                {t('proc.ar.docx')}
              </Button>
              {dirty ? <Tag color="orange" data-testid="ar-dirty">{t('common.unsaved')}</Tag> : null}
              <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="ar-save">
                {t('ar.saveDraft')}
              </Button>
              {d.can.submit ? (
                <Button type="primary" onClick={() => confirm({ title: t('ar.submit'), okText: t('ar.submit'), consequence: t('confirm.ar.submit'), onOk: () => submit.mutateAsync() })} loading={submit.isPending} data-testid="ar-submit">
                  {t('ar.submit')}
                </Button>
              ) : null}
            </Space>
          ) : (
            <Button href={`/api/v1/annual-reports/${id}/docx`} data-testid="ar-docx">
              {t('proc.ar.docx')}
            </Button>
          )
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} bordered>
        <Descriptions.Item label={t('ar.window.label')}>{`${d.opensOn} — ${d.dueOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('ar.submittedOn')}>{d.submittedAt ? formatDateTime(d.submittedAt, locale) : t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('ar.reviewedAt')}>{d.reviewedAt ? formatDateTime(d.reviewedAt, locale) : t('common.none')}</Descriptions.Item>
      </Descriptions>
      {/* the authority of another site's region reads the enterprise-level parts and its own sites' parts only */}
      {d.partsOnly ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('proc.ar.reader')}
          description={t('proc.ar.readerTotals', { recovered: d.totals.recovered ?? '—', remanufactured: d.totals.remanufactured ?? '—', sold: d.totals.sold ?? '—' })}
          data-testid="ar-reader-notice"
        />
      ) : null}
      {d.state === 'returned' && d.returnReason ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('ar.returnReason')} description={d.returnReason} data-testid="ar-return-reason" /> : null}
      {d.auditOpinion ? <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('ar.opinion')} description={d.auditOpinion} data-testid="ar-opinion" /> : null}
      {d.overdue && editable ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('ar.overdueHint', { due: d.dueOn })} /> : null}
      {editable && d.missing.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('ar.missing', { n: d.missing.length })}
          description={d.missing.slice(0, 8).map((m) => (bilingual(locale, m.message, m.messageEn))).join('；') + (d.missing.length > 8 ? '…' : '')}
          data-testid="ar-missing"
        />
      ) : null}
      {d.ministryOpinion ? (
        <Alert
          type={d.onsiteInspection ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          message={t('proc.ar.ministryOpinion')}
          description={d.onsiteInspection ? `${d.ministryOpinion}　${t('proc.ar.onsiteOn', { date: d.onsiteInspection.date })}：${d.onsiteInspection.note}` : d.ministryOpinion}
          data-testid="ar-ministry-opinion"
        />
      ) : null}
      {d.can.ministryReview ? (
        <Card title={t('proc.ar.ministryReview')} style={{ marginBottom: 16 }} data-testid="ar-ministry-review">
          <Form form={ministryForm} layout="vertical" onFinish={(v) => ministry.mutate(v)}>
            <Form.Item name="opinion" label={t('proc.ar.ministryOpinion')} rules={[{ required: true, min: 2, message: t('ar.opinionRequired') }]}>
              <Input.TextArea rows={3} maxLength={5000} data-testid="ar-ministry-opinion-input" />
            </Form.Item>
            <Form.Item name="onsite" valuePropName="checked">
              <Checkbox data-testid="ar-ministry-onsite">{t('proc.ar.onsite')}</Checkbox>
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.onsite !== b.onsite}>
              {() =>
                ministryForm.getFieldValue('onsite') ? (
                  <Space align="start" wrap>
                    <Form.Item name="date" label={t('proc.ar.onsiteDate')} rules={[{ required: true, message: t('ar.opinionRequired') }]}>
                      <DateField data-testid="ar-ministry-date" />
                    </Form.Item>
                    <Form.Item name="note" label={t('proc.ar.onsiteNote')} rules={[{ required: true, min: 2, message: t('ar.opinionRequired') }]}>
                      <Input style={{ width: 360 }} maxLength={2000} />
                    </Form.Item>
                  </Space>
                ) : null
              }
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={ministry.isPending} data-testid="ar-ministry-submit">
              {t('proc.ar.ministryReview')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {d.can.review ? (
        <Card title={t('ar.review')} style={{ marginBottom: 16 }} data-testid="ar-review">
          <Form form={reviewForm} layout="vertical" onFinish={(v) => confirm({ title: t('ar.accept'), okText: t('ar.accept'), consequence: t('confirm.ar.accept'), onOk: () => accept.mutateAsync(v) })}>
            <Form.Item name="opinion" label={t('ar.opinion')} rules={[{ required: true, min: 2, message: t('ar.opinionRequired') }]}>
              <Input.TextArea rows={3} data-testid="ar-opinion-input" maxLength={4000} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={accept.isPending} data-testid="ar-accept">
                {t('ar.accept')}
              </Button>
              <Button danger onClick={() => setReturning(true)} data-testid="ar-return">
                {t('ar.return')}
              </Button>
            </Space>
          </Form>
        </Card>
      ) : null}
      <Card>
        <Form form={form} layout="vertical" disabled={!editable} initialValues={d.form} onValuesChange={() => editable && setDirty(true)}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'cover', label: <span data-testid="ar-tab-cover">{t('ar.tab.cover')}</span>, children: coverTab, forceRender: true },
              { key: 'outline', label: <span data-testid="ar-tab-outline">{t('ar.tab.outline')}</span>, children: outlineTab, forceRender: true },
              { key: 'table21', label: <span data-testid="ar-tab-table21">{t('ar.tab.table21')}</span>, children: table21Tab, forceRender: true },
              { key: 'table23', label: <span data-testid="ar-tab-table23">{t('ar.tab.table23')}{anyMismatch ? ' ⚠' : ''}</span>, children: table23Tab, forceRender: true },
              { key: 'figures', label: <span data-testid="ar-tab-figures">{t('proc.figures.tab')}</span>, children: figuresTab, forceRender: true },
            ]}
          />
        </Form>
      </Card>
      <Modal
        open={returning}
        title={t('ar.return')}
        okText={t('ar.return')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'ar-return-ok' } as never}
        confirmLoading={ret.isPending}
        onCancel={() => setReturning(false)}
        onOk={() => returnForm.submit()}
      >
        <Form form={returnForm} layout="vertical" onFinish={(v) => ret.mutate(v)}>
          <Form.Item name="reason" label={t('ar.returnReason')} rules={[{ required: true, min: 2, message: t('ar.opinionRequired') }]}>
            <Input.TextArea rows={3} data-testid="ar-return-input" maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
