import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../errors';
import { formatDateTime } from '../../format';
import { pick, useLocale, type MessageKey } from '../../i18n';
import { commandsApi, type DeviceCommand } from './devicesApi';

const STATE_COLORS: Record<DeviceCommand['state'], string> = { sent: 'processing', replied: 'green', failed: 'red', timeout: 'orange' };

/**
 * 远程诊断 (issue 12): the commands of a device (or of one case of it) with their replies, and — for the owner or
 * the maker with consent (`canSend`) — a form to send one of the methods the device accepts. Polls every 2 s while a
 * command waits for its reply.
 */
export function RemoteCommands({ deviceId, caseId, canSend, online }: { deviceId: string; caseId?: string; canSend: boolean; online: boolean }) {
  const { locale, t } = useLocale();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const [method, setMethod] = useState<string | undefined>();
  const key = ['devices', 'commands', deviceId, caseId ?? null];
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => commandsApi.list(deviceId, { page: 1, pageSize: 20, ...(caseId ? { caseId } : {}) }, signal),
    refetchInterval: (q) => (q.state.data?.items.some((c) => c.state === 'sent') ? 2000 : false),
  });
  const methods = useQuery({ queryKey: ['devices', 'commandMethods', deviceId], queryFn: ({ signal }) => commandsApi.methods(deviceId, signal), enabled: canSend });
  const spec = methods.data?.items.find((m) => m.method === method);
  const send = useMutation({
    mutationFn: (v: { method: string; timeoutSec?: number; params?: Record<string, number | boolean | string | null> }) =>
      caseId ? commandsApi.sendFromCase(caseId, v) : commandsApi.send(deviceId, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      if (caseId) void qc.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
    },
    onError: (e) => onError(e, form),
  });
  return (
    <Card title={t('monitoring.cmd.title')} data-testid="remote-commands">
      <Typography.Paragraph type="secondary">{t('monitoring.cmd.hint')}</Typography.Paragraph>
      {canSend && !online && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('monitoring.cmd.offline')} />}
      {canSend && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          initialValues={{ timeoutSec: 30 }}
          onFinish={(v: { method: string; timeoutSec?: number } & Record<string, unknown>) => {
            const params = Object.fromEntries((spec?.params ?? []).filter((p) => v[`p_${p.name}`] !== undefined && v[`p_${p.name}`] !== '').map((p) => [p.name, v[`p_${p.name}`] as number | boolean | string]));
            send.mutate({ method: v.method, timeoutSec: v.timeoutSec, params });
          }}
        >
          <Form.Item name="method" label={t('monitoring.cmd.method')} rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 180 }}
              data-testid="cmd-method"
              onChange={(m: string) => setMethod(m)}
              options={(methods.data?.items ?? []).map((m) => ({ value: m.method, label: `${pick(locale, m.label)} (${m.method})` }))}
            />
          </Form.Item>
          {(spec?.params ?? []).map((p) => (
            <Form.Item key={`${spec!.method}-${p.name}`} name={`p_${p.name}`} label={pick(locale, p.label)} rules={[{ required: p.required }]} valuePropName={p.type === 'boolean' ? 'checked' : 'value'}>
              {p.type === 'boolean' ? (
                <Switch />
              ) : p.values ? (
                <Select style={{ minWidth: 140 }} options={p.values.map((x) => ({ value: x, label: x }))} />
              ) : p.type === 'string' ? (
                <Input maxLength={256} />
              ) : (
                <InputNumber min={p.min} max={p.max} precision={p.type === 'integer' ? 0 : undefined} />
              )}
            </Form.Item>
          ))}
          <Form.Item name="timeoutSec" label={t('monitoring.cmd.timeout')}>
            <InputNumber min={1} max={300} precision={0} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={send.isPending} disabled={!online} data-testid="cmd-send">
              {t('monitoring.cmd.send')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="cmd-list"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('monitoring.cmd.none') }}
        columns={[
          { title: t('monitoring.cmd.col.sentAt'), dataIndex: 'sentAt', render: (v: string) => formatDateTime(v, locale), width: 170 },
          {
            title: t('monitoring.cmd.method'),
            key: 'method',
            render: (_, c) => (
              <Space size={4} wrap>
                <code>{c.method}</code>
                {Object.keys(c.params).length > 0 && <Typography.Text type="secondary">{JSON.stringify(c.params)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('monitoring.cmd.col.state'),
            dataIndex: 'state',
            render: (s: DeviceCommand['state']) => (
              <Tag color={STATE_COLORS[s]} data-testid="cmd-state">
                {t(`monitoring.cmd.state.${s}` as MessageKey)}
              </Tag>
            ),
          },
          {
            title: t('monitoring.cmd.col.reply'),
            key: 'reply',
            render: (_, c) => (c.state === 'timeout' ? <Typography.Text type="danger">{t('monitoring.cmd.noReply')}</Typography.Text> : c.error ? <Typography.Text type="danger">{c.error}</Typography.Text> : c.reply !== null && c.reply !== undefined ? <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(c.reply)}</code> : null),
          },
        ]}
      />
    </Card>
  );
}
