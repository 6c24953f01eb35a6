import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { client, unwrap, upload, type ResponseOf } from '../../api';
import { DateField } from '../../components/DateField';
import { useConfirm } from '../../components/confirm';
import { useApiErrorHandler } from '../../errors';
import { formatDate, remanFieldLabel } from '../../format';
import { useLocale } from '../../i18n';

/**
 * Test reports on traced products (issue 14; docs/public-portal.md "Test reports on products"), shared by the testing
 * organisation's page (/testing/reports: the reports it issued) and the enterprise's (/product-reports: its uploads and
 * those organisations issued): the table, the 出具报告/上传检测报告 dialog (create, then the file) and the withdrawal
 * behind the shared confirmation. The buttons follow each report's `actions` (the server decides).
 */
export type ReportRow = ResponseOf<'/api/v1/catalogue/product-reports/mine'>['items'][number] & { enterpriseName?: string };
type Status = 'live' | 'noFile' | 'withdrawn';
const statusOf = (r: ReportRow): Status => (r.withdrawn ? 'withdrawn' : r.file ? 'live' : 'noFile');
const STATUS_COLOR: Record<Status, string> = { live: 'green', noFile: 'orange', withdrawn: 'default' };
export const REPORT_FILE_TYPES = '.pdf,.jpg,.jpeg,.png,.ofd';

const uploadFile = (id: string, file: File) => {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return upload('/api/v1/catalogue/product-reports/{id}/file', { id }, fd);
};

export function ReportTable({ rows, total, loading, pagination, showEnterprise, onChanged }: { rows: ReportRow[]; total: number; loading: boolean; pagination: (total: number) => object; showEnterprise: boolean; onChanged: () => void }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const onError = useApiErrorHandler();
  const attach = useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => uploadFile(id, file),
    onSuccess: () => (message.success(t('portal.capp.fileAdded')), onChanged()),
    onError: (e) => onError(e),
  });
  const withdraw = (r: ReportRow) =>
    confirm({
      title: t('portal.preport.withdrawTitle', { no: r.reportNo }),
      consequence: t('portal.preport.withdrawConsequence'),
      okText: t('portal.preport.withdraw'),
      danger: true,
      onOk: async () => {
        try {
          await unwrap(client.POST('/api/v1/catalogue/product-reports/{id}/withdraw', { params: { path: { id: r.id } } }));
          message.success(t('portal.preport.withdrawn'));
          onChanged();
        } catch (e) {
          onError(e);
          throw e;
        }
      },
    });
  return (
    <Table<ReportRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={pagination(total)}
      scroll={{ x: 960 }}
      data-testid="preport-table"
      onRow={(r) => ({ 'data-testid': `preport-row-${r.reportNo}`, 'data-status': statusOf(r) }) as never}
      columns={[
        { title: t('portal.capp.reportNo'), dataIndex: 'reportNo', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
        { title: t('portal.preport.target'), key: 'target', render: (_, r) => (r.wholeModel ? t('portal.preport.onModel', { model: r.model }) : t('portal.preport.onUnit', { code: r.productCode ?? '' })) },
        ...(showEnterprise ? [{ title: t('portal.cat.enterprise'), key: 'e', render: (_: unknown, r: ReportRow) => r.enterpriseName ?? '' }] : []),
        { title: t('portal.capp.org'), key: 'org', render: (_, r) => (
          <Space direction="vertical" size={0}>
            <span>{r.orgName}（{r.accreditationNo}）</span>
            <Typography.Text type="secondary">{t(r.issuedByOrg ? 'portal.preport.byOrg' : 'portal.preport.byEnterprise')}</Typography.Text>
          </Space>
        ) },
        { title: t('portal.preport.field'), dataIndex: 'field', render: (v: string | null) => (v ? remanFieldLabel(v, locale) : '—') },
        { title: t('portal.capp.issuedOn'), dataIndex: 'issuedOn', render: (v: string) => formatDate(v, locale) },
        { title: t('portal.preport.conclusion'), dataIndex: 'conclusion', render: (v: string) => v || '—' },
        { title: t('portal.preport.status'), key: 's', render: (_, r) => <Tag color={STATUS_COLOR[statusOf(r)]} data-testid="preport-status">{t(`portal.preport.status.${statusOf(r)}`)}</Tag> },
        { title: t('portal.preport.actions'), key: 'a', render: (_, r) => (
          <Space wrap>
            {r.file && <a href={r.file.url} data-testid={`preport-file-${r.reportNo}`}>{t('portal.preport.downloadFile')}</a>}
            {r.actions.includes('upload') && (
              <Upload accept={REPORT_FILE_TYPES} showUploadList={false} beforeUpload={(file) => (attach.mutate({ id: r.id, file }), false)}>
                <Button size="small" loading={attach.isPending && attach.variables?.id === r.id} data-testid={`preport-upload-${r.reportNo}`}>{t(r.file ? 'portal.preport.replaceFile' : 'portal.capp.upload')}</Button>
              </Upload>
            )}
            {r.actions.includes('withdraw') && <Button size="small" danger onClick={() => withdraw(r)} data-testid={`preport-withdraw-${r.reportNo}`}>{t('portal.preport.withdraw')}</Button>}
          </Space>
        ) },
      ]}
    />
  );
}

type IssueValues = { productCode: string; wholeModel?: boolean; testingOrgId?: string; field?: string; reportNo: string; issuedOn: string; conclusion?: string };

/**
 * 出具报告 (a testing organisation: the field limited to its accredited `scopeFields`) or 上传检测报告 (an enterprise:
 * an organisation of the published directory). Creates the report, then uploads its file; a 400 lands under its field.
 */
export function IssueDialog({ mode, scopeFields, onClose, onDone }: { mode: 'org' | 'enterprise'; scopeFields?: readonly string[]; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<IssueValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const orgs = useQuery({
    queryKey: ['public', 'orgs', 'preport'],
    enabled: mode === 'enterprise',
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/testing-organizations', { params: { query: { pageSize: 200 } as never }, signal })),
  });
  const save = useMutation({
    mutationFn: async (v: IssueValues) => {
      const body = { productCode: v.productCode.trim(), wholeModel: !!v.wholeModel, reportNo: v.reportNo, issuedOn: v.issuedOn, ...(v.conclusion?.trim() ? { conclusion: v.conclusion.trim() } : {}), ...(mode === 'org' ? { field: v.field } : { testingOrgId: v.testingOrgId }) };
      const r = await unwrap(client.POST('/api/v1/catalogue/product-reports', { body: body as never }));
      try {
        await uploadFile(r.id, file!);
      } catch (e) {
        // the report exists without its file: the list offers the upload again
        onError(e);
        onDone();
        return null;
      }
      return r;
    },
    onSuccess: (r) => r && (message.success(t(mode === 'org' ? 'portal.preport.issuedDone' : 'portal.preport.addedDone')), onDone()),
    onError: (e) => onError(e, form),
  });
  const submit = () =>
    form.validateFields().then(
      (v) => (file ? save.mutate(v) : setFileMissing(true)),
      () => setFileMissing(!file),
    );
  const required = [{ required: true, message: t('portal.capp.required') }];
  const title = t(mode === 'org' ? 'portal.preport.issue' : 'portal.preport.add');
  return (
    <Modal open title={title} onCancel={onClose} width={600} destroyOnHidden data-testid="preport-dialog"
      footer={<Flex justify="end" gap={8}><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={submit} data-testid="preport-submit">{title}</Button></Flex>}>
      <Form<IssueValues> form={form} layout="vertical" initialValues={{ wholeModel: false, ...(mode === 'org' && scopeFields?.length === 1 ? { field: scopeFields[0] } : {}) }}>
        <Form.Item name="productCode" label={t('portal.preport.productCode')} rules={required} extra={t('portal.preport.productCodeHelp')}><Input data-testid="preport-f-productCode" /></Form.Item>
        <Form.Item name="wholeModel" valuePropName="checked"><Checkbox data-testid="preport-f-wholeModel">{t('portal.preport.wholeModel')}</Checkbox></Form.Item>
        {mode === 'org' ? (
          <Form.Item name="field" label={t('portal.preport.field')} rules={required} extra={t('portal.preport.fieldHelp')}>
            <Select data-testid="preport-f-field" options={(scopeFields ?? []).map((f) => ({ value: f, label: remanFieldLabel(f, locale) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="testingOrgId" label={t('portal.capp.org')} rules={required}>
            <Select showSearch optionFilterProp="label" data-testid="preport-f-org" loading={orgs.isPending} options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.accreditationNo}）` }))} />
          </Form.Item>
        )}
        <Flex gap={8}>
          <Form.Item name="reportNo" label={t('portal.capp.reportNo')} rules={required} style={{ flex: 1 }}><Input data-testid="preport-f-reportNo" /></Form.Item>
          <Form.Item name="issuedOn" label={t('portal.capp.issuedOn')} rules={required} style={{ flex: 1 }}><DateField data-testid="preport-f-issuedOn" /></Form.Item>
        </Flex>
        <Form.Item name="conclusion" label={t('portal.preport.conclusion')}><Input.TextArea rows={2} maxLength={500} data-testid="preport-f-conclusion" /></Form.Item>
        <Form.Item label={t('portal.preport.file')} required validateStatus={fileMissing ? 'error' : undefined} help={fileMissing ? t('portal.preport.fileRequired') : undefined}>
          <Upload accept={REPORT_FILE_TYPES} maxCount={1} beforeUpload={(f) => (setFile(f), setFileMissing(false), false)} onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
            <Button data-testid="preport-f-file">{t('portal.preport.chooseFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
