import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Result, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, client, unwrap, type NoticeEntry, type Objection } from '../api';
import { FieldTags } from '../components/ApplicationStateTag';
import { PageHeader } from '../components/PageHeader';
import { PageLoading } from '../components/PageLoading';
import { errorText, useApiErrorHandler } from '../errors';
import { formatDateTime, regionLabel, todayShanghai } from '../format';
import { bilingual, useLocale, type MessageKey } from '../i18n';
import { objectionEvidenceUrl } from '../links';
import { qk, WORKFLOW_KEYS } from '../queries';
import { NoticeStatusTag } from './NoticesPage';

const ENTRY_COLOR: Record<string, string> = { listed: 'gold', removed: 'red', passed: 'green' };
const OBJECTION_COLOR: Record<string, string> = { pending: 'orange', upheld: 'red', dismissed: 'default' };

interface ResolveValues {
  decision: 'upheld' | 'dismissed';
  resolution: string;
}

export default function NoticeDetailPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [form] = Form.useForm<ResolveValues>();
  const decision = Form.useWatch('decision', form);

  const notice = useQuery({
    queryKey: qk.notice(id),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/notices/{id}', { params: { path: { id } }, signal })),
    enabled: !!id,
  });

  const invalidate = () => {
    for (const key of WORKFLOW_KEYS) void qc.invalidateQueries({ queryKey: key });
  };

  const close = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/notices/{id}/close', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      setCloseError(null);
      message.success(t('notices.closed'));
      invalidate();
    },
    onError: (e) => {
      // 409: the window is still open, objections pending, already closed — say so on the page too
      if (e instanceof ApiError && e.status === 409) setCloseError(e.localized(locale));
      onError(e);
    },
  });

  const resolve = useMutation({
    mutationFn: (v: ResolveValues) => unwrap(client.POST('/api/v1/objections/{id}/resolve', { params: { path: { id: resolving!.id } }, body: { decision: v.decision, resolution: v.resolution.trim() } })),
    onSuccess: () => {
      message.success(t('obj.resolved'));
      setResolving(null);
      invalidate();
    },
    onError: (e) => onError(e, form),
  });

  if (notice.isPending) return <PageLoading />;
  if (notice.isError || !notice.data) {
    return <Result status="error" title={errorText(notice.error, locale)} extra={<Button onClick={() => navigate('/notices')}>{t('common.back')}</Button>} />;
  }
  const n = notice.data;
  const entryOf = (entryId: string) => n.entries.find((e) => e.id === entryId);
  const windowOver = todayShanghai() > n.endDate;

  const entryColumns: TableColumnsType<NoticeEntry> = [
    { title: t('common.seq'), key: 'seq', width: 60, render: (_, e) => e.seq },
    {
      title: t('apps.enterprise'),
      key: 'enterprise',
      render: (_, e) => <Typography.Link onClick={() => navigate(`/applications/${e.applicationId}`)}>{e.enterpriseName}</Typography.Link>,
    },
    { title: t('ent.creditCode'), key: 'creditCode', render: (_, e) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{e.creditCode}</span> },
    { title: t('pub.region'), key: 'region', render: (_, e) => regionLabel(e.regionCode, locale, e.regionName) },
    { title: t('apps.site'), key: 'site', render: (_, e) => e.siteName },
    { title: t('apps.fields'), key: 'fields', render: (_, e) => <FieldTags fields={e.fields} /> },
    {
      title: t('common.status'),
      key: 'status',
      width: 100,
      render: (_, e) => <Tag color={ENTRY_COLOR[e.status] ?? 'default'}>{t(`notices.entry.${e.status}` as MessageKey)}</Tag>,
    },
  ];

  const objectionColumns: TableColumnsType<Objection> = [
    { title: t('obj.filedAt'), key: 'filedAt', width: 170, render: (_, o) => formatDateTime(o.filedAt, locale) },
    { title: t('obj.entry'), key: 'entry', width: 200, render: (_, o) => entryOf(o.entryId)?.enterpriseName ?? '—' },
    // a name and a contact keep their line (cut with … and the whole on hover) instead of one character per line (issue 16 item 7)
    { title: t('obj.name'), key: 'name', width: 120, ellipsis: true, render: (_, o) => <span data-testid="objection-name">{o.name}</span> },
    { title: t('obj.contact'), key: 'contact', width: 160, ellipsis: true, render: (_, o) => o.contact },
    { title: t('obj.reason'), key: 'reason', width: 280, render: (_, o) => <span style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</span> },
    {
      title: t('obj.evidence'),
      key: 'evidence',
      width: 110,
      render: (_, o) =>
        o.evidenceCount > 0
          ? Array.from({ length: o.evidenceCount }, (_x, n) => (
              <div key={n}>
                <Typography.Link href={objectionEvidenceUrl(o.id, n)} data-testid="objection-evidence">
                  {t('obj.evidenceN', { n: n + 1 })}
                </Typography.Link>
              </div>
            ))
          : '—',
    },
    {
      title: t('obj.status'),
      key: 'status',
      width: 110,
      render: (_, o) => <Tag color={OBJECTION_COLOR[o.status] ?? 'default'}>{t(`obj.status.${o.status}` as MessageKey)}</Tag>,
    },
    { title: t('obj.resolution'), key: 'resolution', width: 220, render: (_, o) => o.resolution ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, o) =>
        o.status === 'pending' ? (
          <Button
            size="small"
            type="primary"
            data-testid={`objection-resolve-${o.id}`}
            onClick={() => {
              form.resetFields();
              setResolving(o);
            }}
          >
            {t('obj.resolve')}
          </Button>
        ) : null,
    },
  ];

  const pending = n.objections.filter((o) => o.status === 'pending').length;

  return (
    <>
      <PageHeader
        backTo="/notices"
        title={n.title}
        subTitle={t('notices.detail')}
        extra={
          n.status === 'open' ? (
            <Button
              type="primary"
              loading={close.isPending}
              // before the window ends or with objections pending: disabled, the reason below (issue 16 item 12)
              disabled={!!n.closeBlocked}
              title={n.closeBlocked ? (bilingual(locale, n.closeBlocked.message, n.closeBlocked.messageEn)) : undefined}
              data-testid="notice-close"
              onClick={() =>
                modal.confirm({
                  title: t('notices.close'),
                  content: `${t('notices.closeConfirm')} ${t('confirm.irreversible')}`,
                  okText: t('notices.close'),
                  cancelText: t('common.cancel'),
                  onOk: () => close.mutateAsync().catch(() => undefined),
                })
              }
            >
              {t('notices.close')}
            </Button>
          ) : null
        }
      />
      {n.status === 'open' && n.closeBlocked ? (
        <Alert type="info" showIcon title={`${t('notices.close')}：${bilingual(locale, n.closeBlocked.message, n.closeBlocked.messageEn)}`} style={{ marginBottom: 16 }} data-testid="notice-close-blocked" />
      ) : null}
      {closeError ? <Alert type="warning" showIcon title={closeError} closable={{ onClose: () => setCloseError(null) }} style={{ marginBottom: 16 }} data-testid="notice-close-error" /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'window', label: t('notices.window'), children: <span data-testid="notice-window">{`${n.startDate} — ${n.endDate}`}</span> },
            { key: 'days', label: t('notices.workingDays'), children: n.workingDays ?? '—' },
            {
              key: 'status',
              label: t('common.status'),
              children: (
                <span>
                  <NoticeStatusTag status={n.status} />
                  {n.status === 'open' && windowOver ? <Tag color="red">{t('todo.state.window_over')}</Tag> : null}
                </span>
              ),
            },
            { key: 'entries', label: t('notices.entryCount'), children: n.entries.length },
            { key: 'pending', label: t('notices.pending'), children: pending },
          ]}
        />
      </Card>
      <Card title={t('notices.entries')} style={{ marginBottom: 16 }}>
        <Table<NoticeEntry> rowKey="id" size="small" columns={entryColumns} dataSource={n.entries} pagination={false} data-testid="notice-entries" scroll={{ x: 900 }} />
      </Card>
      <Card title={t('notices.objections')}>
        <Table<Objection>
          rowKey="id"
          size="small"
          columns={objectionColumns}
          dataSource={n.objections}
          pagination={false}
          data-testid="notice-objections"
          locale={{ emptyText: t('notices.noObjections') }}
          tableLayout="fixed"
          scroll={{ x: 1560 }}
        />
      </Card>
      <Modal
        open={!!resolving}
        title={t('obj.resolveTitle')}
        onCancel={() => setResolving(null)}
        onOk={() => form.submit()}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={resolve.isPending}
        okButtonProps={{ danger: decision === 'upheld', 'data-testid': 'objection-resolve-submit' }}
        forceRender
      >
        {resolving ? (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'entry', label: t('obj.entry'), children: entryOf(resolving.entryId)?.enterpriseName ?? '—' },
              { key: 'reason', label: t('obj.reason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{resolving.reason}</span> },
            ]}
          />
        ) : null}
        <Alert type="info" showIcon title={t('confirm.objection.resolve')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={(v) => resolve.mutate(v)}>
          <Form.Item name="decision" label={t('obj.decision')} rules={[{ required: true, message: t('common.pleaseSelect') }]}>
            <Radio.Group
              data-testid="objection-decision"
              options={[
                { value: 'dismissed', label: t('obj.status.dismissed') },
                { value: 'upheld', label: t('obj.status.upheld') },
              ]}
            />
          </Form.Item>
          {decision === 'upheld' ? <Alert type="warning" showIcon title={t('obj.upheldHint')} style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="resolution" label={t('obj.resolution')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.reasonRule') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="objection-resolution" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
