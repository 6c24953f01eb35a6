import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { REMAN_FIELDS } from '../../../domain/enterprise';
import { client, unwrap, upload, type ResponseOf } from '../../api';
import { useCurrentUser } from '../../auth';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { useConfirm } from '../../components/confirm';
import { useApiErrorHandler } from '../../errors';
import { formatDateTime, optionsOf, remanFieldLabel } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { isEnterpriseRole, isMinistryRole } from '../../menu';
import { useUrlPaging } from '../../paging';

/**
 * 再制造产品目录 申请与审核 (issue 14, docs/public-portal.md "Catalogue"): one page per role over the same API — the
 * enterprise drafts an application (specifications, the library's standard, reports of the directory's testing
 * organisations with their files, a traced unit whose 再制造率 the server reads), edits it while draft or returned
 * and submits it; the provincial authority returns, rejects or forwards with its opinion; MIIT rejects or puts it
 * on 公示 (working days), closes the notice or upholds an objection, and publishes the next numbered batch. The
 * buttons follow the application's `actions` (the server decides).
 */
type Application = ResponseOf<'/api/v1/catalogue/applications'>['items'][number];
type Step = 'submit' | 'withdraw' | 'return' | 'provincial_reject' | 'forward' | 'reject' | 'start_notice' | 'close_notice' | 'uphold_objection';
const STEP_PATH: Record<Step, string> = {
  submit: 'submit', withdraw: 'withdraw', return: 'return', provincial_reject: 'provincial-reject', forward: 'forward',
  reject: 'reject', start_notice: 'start-notice', close_notice: 'close-notice', uphold_objection: 'uphold-objection',
};
const WITH_TEXT: Step[] = ['return', 'provincial_reject', 'forward', 'reject', 'uphold_objection'];
const DANGER: Step[] = ['withdraw', 'provincial_reject', 'reject', 'uphold_objection'];
const STATES = ['draft', 'submitted', 'returned', 'provincial_rejected', 'forwarded', 'in_notice', 'notice_passed', 'listed', 'rejected', 'withdrawn'] as const;
const STATE_COLOR: Record<string, string> = { draft: 'default', submitted: 'blue', returned: 'orange', forwarded: 'cyan', in_notice: 'purple', notice_passed: 'geekblue', listed: 'green', provincial_rejected: 'red', rejected: 'red', withdrawn: 'default' };
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

// the step routes share one shape; the typed client takes literal paths
const stepCall = (id: string, step: Step, body: Record<string, unknown> | undefined) =>
  unwrap(client.POST(`/api/v1/catalogue/applications/{id}/${STEP_PATH[step]}` as '/api/v1/catalogue/applications/{id}/forward', { params: { path: { id } }, body: body as never })) as Promise<Application>;

export default function CatalogueApplicationsPage() {
  const { t, locale } = useLocale();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const state = params.get('state') ?? undefined;
  const linkedId = params.get('id'); // a notification's link opens the application's drawer
  const [open, setOpen] = useState<Application | null>(null);
  const [editing, setEditing] = useState<Application | 'new' | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const enterprise = isEnterpriseRole(me.role);
  const ministry = isMinistryRole(me.role);
  const list = useQuery({
    queryKey: ['catalogue-applications', state, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/catalogue/applications', { params: { query: { state: state as never, page, pageSize } }, signal })),
  });
  const linked = useQuery({
    queryKey: ['catalogue-applications', 'one', linkedId],
    enabled: !!linkedId,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/catalogue/applications/{id}', { params: { path: { id: linkedId! } }, signal })),
  });
  const shown = open ?? (linkedId ? (linked.data ?? null) : null);
  const close = () => {
    setOpen(null);
    if (linkedId) update({ id: undefined });
  };
  const refresh = (a?: Application) => {
    if (a) setOpen(a);
    void qc.invalidateQueries({ queryKey: ['catalogue-applications'] });
  };
  const batch = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/catalogue/batches', { body: { applicationIds: selected } })),
    onSuccess: (b) => {
      message.success(t('portal.capp.batchDone', { n: b.batchNo }));
      setSelected([]);
      refresh();
    },
    onError: (e) => onError(e),
  });
  const stateLabel = (s: string) => t(`portal.capp.state.${s}` as MessageKey);
  return (
    <>
      <PageHeader
        title={t('portal.capp.title')}
        subTitle={t(enterprise ? 'portal.capp.subEnterprise' : 'portal.capp.subReview')}
        extra={
          <Space>
            {enterprise && <Button type="primary" data-testid="capp-new" onClick={() => setEditing('new')}>{t('portal.capp.new')}</Button>}
            {ministry && <Button type="primary" data-testid="capp-batch" disabled={!selected.length} loading={batch.isPending} onClick={() => batch.mutate()}>{t('portal.capp.batch', { n: selected.length })}</Button>}
          </Space>
        }
      />
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Select aria-label={t('portal.capp.stateFilter')} placeholder={t('portal.capp.stateFilter')} allowClear value={state} style={{ width: 200 }} data-testid="capp-state" onChange={(v) => update({ state: v, page: 1 })} options={STATES.map((s) => ({ value: s, label: stateLabel(s) }))} />
      </Flex>
      <Card>
        <Table<Application>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={pagination(list.data?.total ?? 0)}
          scroll={{ x: 900 }}
          data-testid="capp-table"
          rowSelection={ministry ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (r) => ({ disabled: r.state !== 'notice_passed', 'aria-label': r.model }) } : undefined}
          onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' }, 'data-testid': `capp-row-${r.model}` }) as never}
          columns={[
            { title: t('portal.cat.product'), key: 'p', render: (_, r) => <Typography.Text strong>{r.productName} {r.model}</Typography.Text> },
            { title: t('portal.cat.enterprise'), key: 'e', render: (_, r) => r.enterprise.name },
            { title: t('portal.capp.state'), key: 's', render: (_, r) => <Tag color={STATE_COLOR[r.state]} data-testid="capp-state-tag">{stateLabel(r.state)}</Tag> },
            { title: t('portal.cat.rate'), key: 'rate', render: (_, r) => `${pct(r.massRate)} / ${pct(r.valueRate)}` },
            { title: t('portal.cat.window'), key: 'n', render: (_, r) => (r.notice ? `${r.notice.startOn} — ${r.notice.endOn}` : '—') },
            { title: t('portal.cat.no'), dataIndex: 'listedNo', render: (v: string | null) => v ?? '—' },
            { title: t('portal.capp.updated'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v, locale) },
          ]}
        />
      </Card>
      {shown && <Detail a={shown} onClose={close} onChanged={refresh} onEdit={() => setEditing(shown)} />}
      {editing && <EditDrawer a={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(a) => (setEditing(null), refresh(a))} />}
    </>
  );
}

function Detail({ a, onClose, onChanged, onEdit }: { a: Application; onClose: () => void; onChanged: (a: Application) => void; onEdit: () => void }) {
  const { t, locale } = useLocale();
  const { message, modal } = App.useApp();
  const confirm = useConfirm();
  const onError = useApiErrorHandler();
  const run = async (step: Step, body?: Record<string, unknown>) => {
    try {
      const r = await stepCall(a.id, step, body);
      message.success(t('common.saved'));
      onChanged(r);
    } catch (e) {
      onError(e);
      throw e;
    }
  };
  const ask = (step: Step) => {
    const label = t(`portal.capp.step.${step}` as MessageKey);
    if (WITH_TEXT.includes(step) || step === 'start_notice') {
      let text = '';
      let days = 5;
      modal.confirm({
        title: label,
        content:
          step === 'start_notice' ? (
            <Space direction="vertical"><span>{t('portal.capp.noticeDays')}</span><InputNumber aria-label={t('portal.capp.noticeDays')} min={5} max={30} defaultValue={5} onChange={(v) => (days = Number(v ?? 5))} data-testid="capp-days" /></Space>
          ) : (
            <Input.TextArea aria-label={t(step === 'forward' ? 'portal.capp.opinion' : 'portal.capp.reason')} placeholder={t(step === 'forward' ? 'portal.capp.opinion' : 'portal.capp.reason')} rows={4} onChange={(e) => (text = e.target.value)} data-testid="capp-text" />
          ),
        okText: label,
        okButtonProps: { danger: DANGER.includes(step), 'data-testid': 'confirm-ok' } as never,
        cancelText: t('common.cancel'),
        onOk: () => run(step, step === 'start_notice' ? { workingDays: days } : { text }),
      });
      return;
    }
    confirm({ title: label, consequence: t(`portal.capp.consequence.${step}` as MessageKey), okText: label, danger: DANGER.includes(step), onOk: () => run(step) });
  };
  const attach = useMutation({
    mutationFn: ({ n, file }: { n: number; file: File }) => {
      const fd = new FormData();
      fd.append('file', file, file.name);
      return upload('/api/v1/catalogue/applications/{id}/reports/{n}/file', { id: a.id, n }, fd) as Promise<Application>;
    },
    onSuccess: (r) => (message.success(t('portal.capp.fileAdded')), onChanged(r)),
    onError: (e) => onError(e),
  });
  const canEdit = a.actions.includes('edit');
  const steps = a.actions.filter((x): x is Step => x in STEP_PATH);
  return (
    <Drawer open onClose={onClose} width={640} title={`${a.productName} ${a.model}`} data-testid="capp-detail">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('portal.capp.state')}><Tag color={STATE_COLOR[a.state]} data-testid="capp-detail-state">{t(`portal.capp.state.${a.state}` as MessageKey)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('portal.cat.enterprise')}>{a.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label={t('portal.cat.field')}>{remanFieldLabel(a.field, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('portal.cat.standard')}>{a.standardCode}</Descriptions.Item>
        <Descriptions.Item label={t('portal.capp.sample')}>{a.sampleProductCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('portal.cat.rate')}>{`${pct(a.massRate)} / ${pct(a.valueRate)}`}{a.rateFormula ? ` (${a.rateFormula})` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('portal.capp.specs')}><span style={{ whiteSpace: 'pre-wrap' }}>{a.specifications || '—'}</span></Descriptions.Item>
        {a.provincialOpinion && <Descriptions.Item label={t('portal.capp.opinion')}>{a.provincialOpinion}</Descriptions.Item>}
        {a.reason && <Descriptions.Item label={t('portal.capp.reason')}><span data-testid="capp-reason">{a.reason}</span></Descriptions.Item>}
        {a.notice && <Descriptions.Item label={t('portal.cat.window')}>{`${a.notice.startOn} — ${a.notice.endOn}`}</Descriptions.Item>}
        {a.listedNo && <Descriptions.Item label={t('portal.cat.no')}>{a.listedNo}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('portal.cat.report')}</Typography.Title>
      {a.testReports.map((r, n) => (
        <Card key={`${r.reportNo}-${n}`} size="small" style={{ marginBottom: 8 }} data-testid={`capp-report-${n}`}>
          <div>{r.orgName}（{r.accreditationNo}）{r.reportNo} · {r.issuedOn}</div>
          <Space style={{ marginTop: 4 }}>
            {r.file ? <a href={r.file.url} data-testid={`capp-file-${n}`}>{r.file.name}</a> : <Typography.Text type="warning">{t('portal.capp.noFile')}</Typography.Text>}
            {canEdit && (
              <Upload accept=".pdf,.jpg,.jpeg,.png,.ofd" showUploadList={false} beforeUpload={(file) => (attach.mutate({ n, file }), false)}>
                <Button size="small" loading={attach.isPending} data-testid={`capp-upload-${n}`}>{t('portal.capp.upload')}</Button>
              </Upload>
            )}
          </Space>
        </Card>
      ))}
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        {canEdit && <Button onClick={onEdit} data-testid="capp-edit">{t('portal.capp.edit')}</Button>}
        {steps.map((s) => (
          <Button key={s} type={DANGER.includes(s) ? 'default' : 'primary'} danger={DANGER.includes(s)} onClick={() => ask(s)} data-testid={`capp-step-${s}`}>{t(`portal.capp.step.${s}` as MessageKey)}</Button>
        ))}
      </Flex>
    </Drawer>
  );
}

type FormValues = { productName: string; model: string; field: string; specifications?: string; standardCode: string; sampleProductCode?: string; testReports: Array<{ testingOrgId: string; reportNo: string; issuedOn: string; productReportId?: string }> };

function EditDrawer({ a, onClose, onSaved }: { a: Application | null; onClose: () => void; onSaved: (a: Application) => void }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const standards = useQuery({ queryKey: ['public', 'standards', 'capp'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/standards', { params: { query: { pageSize: 100 } as never }, signal })) });
  const orgs = useQuery({ queryKey: ['public', 'orgs', 'capp'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/testing-organizations', { params: { query: { pageSize: 100 } as never }, signal })) });
  // the enterprise's reports on its products that an application may cite (live, with a file): picking one fills the report in
  const citable = useQuery({ queryKey: ['product-reports', 'citable'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/catalogue/product-reports/mine', { params: { query: { citable: 'true', pageSize: 200 } as never }, signal })) });
  const cite = (n: number, id: string | undefined) => {
    const r = citable.data?.items.find((x) => x.id === id);
    const reports = [...(form.getFieldValue('testReports') ?? [])];
    reports[n] = r ? { testingOrgId: r.testingOrgId, reportNo: r.reportNo, issuedOn: r.issuedOn, productReportId: r.id } : { ...reports[n], productReportId: undefined };
    form.setFieldValue('testReports', reports);
  };
  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const body = { ...v, specifications: v.specifications ?? '', sampleProductCode: v.sampleProductCode?.trim() || null };
      return (a
        ? unwrap(client.PATCH('/api/v1/catalogue/applications/{id}', { params: { path: { id: a.id } }, body: body as never }))
        : unwrap(client.POST('/api/v1/catalogue/applications', { body: body as never }))) as Promise<Application>;
    },
    onSuccess: (r) => (message.success(t(a ? 'common.saved' : 'portal.admin.draftSaved')), onSaved(r)),
    onError: (e) => onError(e, form),
  });
  const required = [{ required: true, message: t('portal.capp.required') }];
  return (
    <Drawer open onClose={onClose} width={640} title={t(a ? 'portal.capp.edit' : 'portal.capp.new')} data-testid="capp-form"
      extra={<Button type="primary" loading={save.isPending} onClick={() => form.validateFields().then((v) => save.mutate(v), () => undefined)} data-testid="capp-save">{t('common.save')}</Button>}>
      <Form<FormValues> form={form} layout="vertical" initialValues={a ? { ...a, sampleProductCode: a.sampleProductCode ?? '' } : { testReports: [{}] }}>
        <Form.Item name="productName" label={t('portal.capp.productName')} rules={required}><Input data-testid="capp-f-productName" /></Form.Item>
        <Form.Item name="model" label={t('portal.capp.model')} rules={required}><Input data-testid="capp-f-model" /></Form.Item>
        <Form.Item name="field" label={t('portal.cat.field')} rules={required}><Select data-testid="capp-f-field" options={optionsOf(REMAN_FIELDS, locale)} /></Form.Item>
        <Form.Item name="standardCode" label={t('portal.cat.standard')} rules={required}>
          <Select showSearch data-testid="capp-f-standard" loading={standards.isPending} options={(standards.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.title}` }))} />
        </Form.Item>
        <Form.Item name="specifications" label={t('portal.capp.specs')}><Input.TextArea rows={3} data-testid="capp-f-specs" /></Form.Item>
        <Form.Item name="sampleProductCode" label={t('portal.capp.sample')} extra={t('portal.capp.sampleHelp')}><Input data-testid="capp-f-sample" /></Form.Item>
        <Typography.Text strong>{t('portal.cat.report')}</Typography.Text>
        <Form.List name="testReports">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card key={f.key} size="small" style={{ margin: '8px 0' }} extra={<Button size="small" type="link" onClick={() => remove(f.name)}>{t('portal.capp.removeReport')}</Button>}>
                  <Form.Item name={[f.name, 'productReportId']} label={t('portal.preport.cite')} extra={t('portal.preport.citeHelp')}>
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      data-testid={`capp-f-cite-${f.name}`}
                      loading={citable.isPending}
                      onChange={(v: string | undefined) => cite(f.name, v)}
                      options={(citable.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.reportNo} · ${r.orgName} · ${r.wholeModel ? t('portal.preport.onModel', { model: r.model }) : t('portal.preport.onUnit', { code: r.productCode ?? '' })}` }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'testingOrgId']} label={t('portal.capp.org')} rules={required}>
                    <Select data-testid={`capp-f-org-${f.name}`} options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.accreditationNo}）` }))} />
                  </Form.Item>
                  <Flex gap={8}>
                    <Form.Item name={[f.name, 'reportNo']} label={t('portal.capp.reportNo')} rules={required} style={{ flex: 1 }}><Input data-testid={`capp-f-reportNo-${f.name}`} /></Form.Item>
                    <Form.Item name={[f.name, 'issuedOn']} label={t('portal.capp.issuedOn')} rules={required} style={{ flex: 1 }}><DateField data-testid={`capp-f-issuedOn-${f.name}`} /></Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button onClick={() => add({})} data-testid="capp-add-report">{t('portal.capp.addReport')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
