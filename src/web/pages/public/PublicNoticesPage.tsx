import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Input, Modal, Pagination, Result, Skeleton, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, client, unwrap, upload, type Notice, type NoticeEntry, type ResponseOf } from '../../api';
import { PagedEntriesTable } from '../../components/PagedEntriesTable';
import { useUrlPaging } from '../../paging';
import { FieldTags } from '../../components/ApplicationStateTag';
import { PageHeader } from '../../components/PageHeader';
import { applyFieldErrors, errorText } from '../../errors';
import { formatDateTime, regionLabel } from '../../format';
import { useLocale } from '../../i18n';
import { qk } from '../../queries';

interface ObjectionValues {
  name: string;
  contact: string;
  reason: string;
}

interface Target {
  notice: Notice;
  entry: NoticeEntry;
}

const MAX_EVIDENCE = 5;

function ObjectionModal({ target, onClose }: { target: Target; onClose: () => void }) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm<ObjectionValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // the error itself, so that its text follows a language switch
  const [problem, setProblem] = useState<unknown>(null);
  const [filed, setFiled] = useState<ResponseOf<'/api/v1/public/notices/{id}/objections', 'post'> | null>(null);

  const uploadTooLarge = t('att.tooLarge');
  const submit = useMutation({
    mutationFn: (v: ObjectionValues) => {
      const fd = new FormData();
      fd.append('name', v.name.trim());
      fd.append('contact', v.contact.trim());
      fd.append('entryId', target.entry.id);
      fd.append('reason', v.reason.trim());
      for (const f of files) if (f.originFileObj) fd.append('files', f.originFileObj, f.name);
      return upload('/api/v1/public/notices/{id}/objections', { id: target.notice.id }, fd);
    },
    onSuccess: (res) => {
      setProblem(null);
      setFiled(res);
    },
    onError: (e) => {
      if (e instanceof ApiError && (e.status === 400 || e.status === 422)) {
        const rest = applyFieldErrors(form, e, locale);
        setProblem(rest.length > 0 || e.fieldDetails.length === 0 ? e : null);
        return;
      }
      // 409 outside the window, 413/415 files, 429 too many requests
      setProblem(e);
    },
  });

  return (
    <Modal
      open
      width={640}
      title={t('obj.formTitle', { name: target.entry.enterpriseName })}
      onCancel={onClose}
      footer={
        filed
          ? [
              <Button key="close" type="primary" onClick={onClose}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="submit" type="primary" loading={submit.isPending} onClick={() => form.submit()} data-testid="objection-submit">
                {t('obj.submit')}
              </Button>,
            ]
      }
    >
      {filed ? (
        <Result
          status="success"
          title={t('obj.success')}
          subTitle={<span data-testid="objection-success">{t('ux.obj.successSub', { at: formatDateTime(filed.filedAt, locale) })}</span>}
          extra={
            <div>
              <Typography.Paragraph>{t('ux.obj.keepCode')}</Typography.Paragraph>
              <Typography.Title level={2} copyable data-testid="objection-tracking-code" style={{ fontFamily: 'monospace', letterSpacing: 4, margin: '4px 0 16px' }}>
                {filed.trackingCode}
              </Typography.Title>
              <Link to={`/public/objections/track?code=${filed.trackingCode}`} data-testid="objection-go-track">
                {t('ux.obj.track')}
              </Link>
            </div>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {target.notice.title} · {t('pub.noticeWindow', { start: target.notice.startDate, end: target.notice.endDate })}
          </Typography.Paragraph>
          {problem ? (
            <Alert
              type="error"
              showIcon
              title={problem instanceof ApiError && problem.status === 413 ? uploadTooLarge : errorText(problem, locale)}
              style={{ marginBottom: 16 }}
              data-testid="objection-error"
            />
          ) : null}
          <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} data-testid="objection-form">
            <Form.Item name="name" label={t('obj.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={100} autoComplete="name" data-testid="objection-name" />
            </Form.Item>
            <Form.Item name="contact" label={t('obj.contact')} extra={t('obj.contactHint')} rules={[{ required: true, whitespace: true, min: 3, message: t('obj.contactRule') }]}>
              <Input maxLength={200} data-testid="objection-contact" />
            </Form.Item>
            <Form.Item name="reason" label={t('obj.reason')} rules={[{ required: true, whitespace: true, min: 5, message: t('obj.reasonRule') }]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount placeholder={t('obj.reasonHint')} data-testid="objection-reason" />
            </Form.Item>
            <Form.Item label={t('obj.evidence')} extra={t('obj.evidenceHint')}>
              <Upload
                accept=".pdf,.jpg,.jpeg,.png,.ofd"
                multiple
                maxCount={MAX_EVIDENCE}
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_EVIDENCE))}
              >
                <Button size="small" data-testid="objection-evidence">
                  {t('obj.addEvidence')}
                </Button>
              </Upload>
            </Form.Item>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('obj.privacy')}
            </Typography.Text>
          </Form>
        </>
      )}
    </Modal>
  );
}

/** 公示: the notices whose window is open, their lists, and the objection form per entry. */
export default function PublicNoticesPage() {
  const { locale, t } = useLocale();
  const [target, setTarget] = useState<Target | null>(null);
  const { page, pageSize, pagination } = useUrlPaging();
  const notices = useQuery({
    queryKey: [...qk.publicNotices, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/notices', { params: { query: { page, pageSize } }, signal })),
  });
  const items = notices.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('pub.notices')}
        subTitle={t('pub.objectHint')}
        extra={
          <Link to="/public/objections/track" data-testid="objection-track-link">
            {t('ux.obj.trackTitle')}
          </Link>
        }
      />
      {notices.isPending ? <Skeleton active /> : null}
      {notices.isError ? <Empty description={t('common.loadFailed')} /> : null}
      {notices.data && items.length === 0 ? (
        <Card>
          <Empty description={t('pub.noOpenNotices')} />
        </Card>
      ) : null}
      <div data-testid="public-notices">
        {items.map((n) => (
          <Card
            key={n.id}
            style={{ marginBottom: 16 }}
            data-testid="public-notice"
            title={n.title}
            extra={
              <Tag color="gold" data-testid="public-notice-window">
                {t('pub.noticeWindow', { start: n.startDate, end: n.endDate })}
              </Tag>
            }
          >
            <PagedEntriesTable<NoticeEntry>
              rowKey="id"
              path="/api/v1/public/notices/{id}/entries"
              id={n.id}
              queryKey={[...qk.publicNotices, n.id]}
              first={n.entries}
              total={n.entryCount ?? n.entries.length}
              scrollX={900}
              columns={[
                { title: t('common.seq'), key: 'seq', width: 60, render: (_, e) => e.seq },
                { title: t('ent.name'), key: 'name', render: (_, e) => e.enterpriseName },
                { title: t('ent.creditCode'), key: 'creditCode', width: 200, render: (_, e) => e.creditCode },
                { title: t('pub.region'), key: 'region', width: 120, render: (_, e) => regionLabel(e.regionCode, locale, e.regionName) },
                { title: t('apps.site'), key: 'site', render: (_, e) => e.siteName },
                { title: t('pub.field'), key: 'fields', render: (_, e) => <FieldTags fields={e.fields} /> },
                {
                  title: t('common.actions'),
                  key: 'object',
                  width: 110,
                  render: (_, e) => (
                    <Button size="small" onClick={() => setTarget({ notice: n, entry: e })} data-testid={`objection-open-${e.seq}`}>
                      {t('pub.object')}
                    </Button>
                  ),
                },
              ]}
            />
            <Flex justify="flex-end" style={{ marginTop: 8 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pub.objectHint')}
              </Typography.Text>
            </Flex>
          </Card>
        ))}
      </div>
      {notices.data && notices.data.total > pageSize ? <Pagination align="end" {...pagination(notices.data.total)} /> : null}
      {target ? <ObjectionModal target={target} onClose={() => setTarget(null)} /> : null}
    </>
  );
}
