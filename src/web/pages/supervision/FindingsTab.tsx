import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { client, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useCurrentUser } from '../../auth';
import { useApiErrorHandler } from '../../errors';
import { clauseRef, formatDateTime } from '../../format';
import { bilingual, useLocale } from '../../i18n';
import { isMinistryRole } from '../../menu';
import { useUrlPaging } from '../../paging';
import { useT } from '../../i18n';

type Finding = components['schemas']['SupervisionFinding'];
const KEY = ['sup', 'findings'] as const;

/**
 * 七(二)4(1) prompts: what the platform found in the data (a change overdue or not confirmed, a condition that no
 * longer holds after the 公告). The authority decides: it requests a revocation itself, or dismisses the finding
 * with a reason (recorded).
 */
export function FindingsTab() {
  const st = useT();
  const { locale } = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const { page, pageSize, pagination } = useUrlPaging();
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useQuery({ queryKey: [...KEY, page, pageSize], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/findings', { params: { query: { page, pageSize } }, signal })) });
  const dismiss = useMutation({
    mutationFn: (v: { id: string; reason: string }) => unwrap(client.POST('/api/v1/findings/{id}/dismiss', { params: { path: { id: v.id } }, body: { reason: v.reason } })),
    onSuccess: () => {
      setDismissing(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => onError(e, form),
  });
  const run = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/findings/evaluate', { body: {} })),
    onSuccess: (r) => {
      message.success(st('fnd.ran', { n: r.evaluated, m: r.raised }));
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => onError(e),
  });
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={st('fnd.rule')} action={isMinistryRole(me.role) ? <Button size="small" loading={run.isPending} onClick={() => run.mutate()} data-testid="findings-run">{st('fnd.run')}</Button> : undefined} />
      <Table<Finding>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: st('sup.none') }}
        data-testid="findings-table"
        pagination={pagination(list.data?.total ?? 0)}
        columns={[
          { title: st('sup.enterprise'), dataIndex: 'enterpriseName', width: 220 },
          { title: st('fnd.kind'), key: 'k', width: 110, render: (_, f) => <Tag>{clauseRef(f.clause, locale)}</Tag> },
          { title: st('fnd.summary'), key: 's', render: (_, f) => (bilingual(locale, f.summary, f.summaryEn)) },
          { title: st('fnd.raisedAt'), key: 'r', width: 170, render: (_, f) => formatDateTime(f.raisedAt, locale) },
          {
            title: st('sup.state'),
            key: 'st',
            width: 220,
            render: (_, f) =>
              f.state === 'open' ? (
                <Space>
                  <Tag color="gold">{st('fnd.state.open')}</Tag>
                  {f.actions.includes('dismiss') ? (
                    <>
                      <Typography.Link onClick={() => navigate('/supervision?tab=revocations')}>{st('fnd.openRevocation')}</Typography.Link>
                      <Typography.Link onClick={() => setDismissing(f)} data-testid="finding-dismiss">{st('fnd.dismiss')}</Typography.Link>
                    </>
                  ) : null}
                </Space>
              ) : (
                <Space direction="vertical" size={0}>
                  <Tag>{st('fnd.state.dismissed')}</Tag>
                  <Typography.Text type="secondary">{f.dismissedReason}</Typography.Text>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={!!dismissing} title={st('fnd.dismiss')} onCancel={() => setDismissing(null)} onOk={() => form.submit()} okText={st('sup.submit')} cancelText={st('sup.cancel')} confirmLoading={dismiss.isPending} destroyOnHidden>
        <Typography.Paragraph>{dismissing ? (bilingual(locale, dismissing.summary, dismissing.summaryEn)) : null}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => dismissing && dismiss.mutate({ id: dismissing.id, reason: v.reason })}>
          <Form.Item name="reason" label={st('fnd.dismissReason')} rules={[{ required: true, min: 2, message: st('common.required') }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} data-testid="finding-dismiss-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
