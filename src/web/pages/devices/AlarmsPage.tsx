import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Flex, Form, Input, Select, Space, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../auth';
import { useConfirm } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { formatDateTime } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { alarmsApi, devicesApi, type Alarm } from './devicesApi';

export const SEVERITY_COLORS: Record<string, string> = { CRITICAL: 'red', MAJOR: 'volcano', MINOR: 'gold', WARNING: 'blue' };
const STATUS_COLORS: Record<string, string> = { ACTIVE_UNACK: 'red', ACTIVE_ACK: 'orange', CLEARED_UNACK: 'blue', CLEARED_ACK: 'default' };

export function SeverityTag({ severity }: { severity: string }) {
  const { t } = useLocale();
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`monitoring.alarm.severity.${severity}` as MessageKey)}</Tag>;
}

/** Names of the caller's devices and its enterprise's users (the console shows names, not ids). */
function useNames() {
  const me = useMe();
  const devices = useQuery({ queryKey: ['devices', 'names'], queryFn: ({ signal }) => devicesApi.list({ page: 1, pageSize: 200 }, signal), staleTime: 60_000 });
  const users = useQuery({ queryKey: ['alarms', 'users'], queryFn: ({ signal }) => alarmsApi.users(signal), enabled: me.data?.role === 'enterprise_admin', staleTime: 60_000 });
  return useMemo(
    () => ({
      devices: new Map((devices.data?.items ?? []).map((d) => [d.id, d])),
      users: new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName ?? u.username])),
      me: me.data,
    }),
    [devices.data, users.data, me.data],
  );
}

/** History and comments of one alarm, with the comment box. */
function AlarmDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { locale, t } = useLocale();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ text: string }>();
  const detail = useQuery({ queryKey: ['alarms', 'detail', id], queryFn: ({ signal }) => alarmsApi.detail(id!, signal), enabled: id !== null });
  const comment = useMutation({
    mutationFn: (text: string) => alarmsApi.comment(id!, text),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['alarms'] });
    },
    onError: (e) => onError(e, form),
  });
  const a = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('monitoring.alarm.history')} size={520} destroyOnHidden>
      {a && (
        <div data-testid="alarm-drawer">
          <Space style={{ marginBottom: 16 }}>
            <SeverityTag severity={a.severity} />
            <Tag color={STATUS_COLORS[a.combinedStatus]}>{t(`monitoring.alarm.status.${a.combinedStatus}` as MessageKey)}</Tag>
            <code>{a.key}</code>
          </Space>
          <Timeline
            items={a.events.map((e) => ({
              key: e.id,
              content: (
                <>
                  <Typography.Text strong>{t(`monitoring.alarm.event.${e.kind}` as MessageKey)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{formatDateTime(e.at, locale)}</Typography.Text>
                  {e.text && <div data-testid="alarm-comment">{e.text}</div>}
                </>
              ),
            }))}
          />
          {a.actions.includes('comment') && (
            <Form form={form} layout="vertical" onFinish={(v) => comment.mutate(v.text)}>
              <Form.Item name="text" label={t('monitoring.alarm.comment')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="alarm-comment-text" />
              </Form.Item>
              <Button htmlType="submit" loading={comment.isPending} data-testid="alarm-comment-submit">
                {t('monitoring.alarm.comment.submit')}
              </Button>
            </Form>
          )}
        </div>
      )}
    </Drawer>
  );
}

/**
 * The alarms table with the lifecycle buttons the server allows (`actions`): acknowledge, assign, comment, clear,
 * and open a case. Used by the alarm console (all the enterprise's alarms, filters) and the device page (one device).
 */
export function AlarmTable({ query, paging, onOpenCase }: { query: { deviceId?: string; status?: string; severity?: string; page: number; pageSize: number }; paging?: (total: number) => object | false; onOpenCase?: (a: Alarm) => void }) {
  const { locale, t } = useLocale();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const confirm = useConfirm();
  const names = useNames();
  const [drawer, setDrawer] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['alarms', 'list', query],
    queryFn: ({ signal }) => alarmsApi.list({ ...query, status: (query.status || undefined) as 'active' | undefined, severity: (query.severity || undefined) as 'MAJOR' | undefined }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000, // live enough for a console; the device page's values stream over SSE
  });
  const done = () => void qc.invalidateQueries({ queryKey: ['alarms'] });
  const ack = useMutation({ mutationFn: alarmsApi.acknowledge, onSuccess: done, onError: (e) => onError(e) });
  const clear = useMutation({ mutationFn: alarmsApi.clear, onSuccess: done, onError: (e) => onError(e) });
  const assign = useMutation({ mutationFn: (v: { id: string; userId: string | null }) => alarmsApi.assign(v.id, v.userId), onSuccess: done, onError: (e) => onError(e) });
  const isAdmin = names.me?.role === 'enterprise_admin';
  const userOptions = [...names.users].map(([value, label]) => ({ value, label }));

  const columns: TableColumnsType<Alarm> = [
    { title: t('monitoring.alarm.severity'), key: 'sev', render: (_, a) => <SeverityTag severity={a.severity} /> },
    ...(query.deviceId
      ? []
      : [{ title: t('monitoring.col.name'), key: 'device', render: (_: unknown, a: Alarm) => <Link to={`/devices/${a.deviceId}`}>{names.devices.get(a.deviceId)?.name ?? a.deviceId.slice(0, 8)}</Link> }]),
    { title: t('monitoring.latest.key'), key: 'key', render: (_, a) => <code>{a.key}</code> },
    { title: t('monitoring.alarm.cause'), key: 'cause', render: (_, a) => (a.cause === 'noData' ? t('monitoring.alarm.cause.noData') : String(a.raiseValue ?? '—')) },
    { title: t('monitoring.alarm.raised'), key: 'raised', render: (_, a) => formatDateTime(a.raisedTs, locale) },
    { title: t('monitoring.col.status'), key: 'status', render: (_, a) => <Tag color={STATUS_COLORS[a.combinedStatus]} data-testid="alarm-status">{t(`monitoring.alarm.status.${a.combinedStatus}` as MessageKey)}</Tag> },
    {
      title: t('monitoring.alarm.assignee'),
      key: 'assignee',
      render: (_, a) =>
        a.actions.includes('assign') && isAdmin ? (
          <Select
            size="small"
            allowClear
            style={{ width: 140 }}
            value={a.assigneeId ?? undefined}
            placeholder={t('monitoring.alarm.assign')}
            aria-label={t('monitoring.alarm.assign')}
            options={userOptions}
            onChange={(v) => assign.mutate({ id: a.id, userId: v ?? null })}
          />
        ) : a.assigneeId ? (
          a.assigneeId === names.me?.id ? t('monitoring.alarm.assignee.me') : (names.users.get(a.assigneeId) ?? '—')
        ) : a.actions.includes('assign') && names.me ? (
          <Button size="small" type="link" onClick={() => assign.mutate({ id: a.id, userId: names.me!.id })}>
            {t('monitoring.alarm.assign.me')}
          </Button>
        ) : (
          '—'
        ),
    },
    {
      title: t('monitoring.alarm.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.actions.includes('acknowledge') && (
            <Button size="small" type="primary" data-testid="alarm-ack" loading={ack.isPending && ack.variables === a.id} onClick={() => ack.mutate(a.id)}>
              {t('monitoring.alarm.ack')}
            </Button>
          )}
          {a.actions.includes('clear') && (
            <Button
              size="small"
              data-testid="alarm-clear"
              onClick={() => confirm({ title: t('monitoring.alarm.clear'), consequence: t('monitoring.alarm.clear.consequence'), okText: t('monitoring.alarm.clear'), onOk: () => clear.mutateAsync(a.id) })}
            >
              {t('monitoring.alarm.clear')}
            </Button>
          )}
          <Button size="small" type="link" data-testid="alarm-detail" onClick={() => setDrawer(a.id)}>
            {t('monitoring.alarm.history')}
          </Button>
          {onOpenCase && (
            <Button size="small" type="link" data-testid="alarm-open-case" onClick={() => onOpenCase(a)}>
              {t('monitoring.alarm.openCase')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <div data-testid="alarms-table">
        <Table<Alarm>
          rowKey="id"
          size={query.deviceId ? 'small' : 'middle'}
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t('monitoring.alarm.none') }}
          pagination={paging ? (paging(list.data?.total ?? 0) as never) : { pageSize: query.pageSize, hideOnSinglePage: true }}
        />
      </div>
      <AlarmDrawer id={drawer} onClose={() => setDrawer(null)} />
    </>
  );
}

/** 告警台 (alarm console): the enterprise's alarms with filters; live by polling every 10 s. */
export default function AlarmsPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const status = params.get('status') ?? 'active';
  const severity = params.get('severity') ?? '';
  const deviceId = params.get('deviceId') ?? '';
  const devices = useQuery({ queryKey: ['devices', 'names'], queryFn: ({ signal }) => devicesApi.list({ page: 1, pageSize: 200 }, signal), staleTime: 60_000 });
  const sevOptions = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING'].map((s) => ({ value: s, label: t(`monitoring.alarm.severity.${s}` as MessageKey) }));
  return (
    <>
      <PageHeader title={t('monitoring.alarms.title')} subTitle={t('monitoring.alarms.sub')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            value={status === 'all' ? '' : status}
            style={{ width: 180 }}
            aria-label={t('monitoring.col.status')}
            data-testid="alarm-filter-status"
            onChange={(v) => update({ status: v || 'all', page: undefined })}
            options={[
              { value: '', label: t('monitoring.status.all') },
              { value: 'active', label: t('monitoring.alarm.filter.active') },
              { value: 'ACTIVE_UNACK', label: t('monitoring.alarm.status.ACTIVE_UNACK') },
              { value: 'ACTIVE_ACK', label: t('monitoring.alarm.status.ACTIVE_ACK') },
              { value: 'cleared', label: t('monitoring.alarm.filter.cleared') },
            ]}
          />
          <Select
            value={severity}
            style={{ width: 140 }}
            aria-label={t('monitoring.alarm.severity')}
            onChange={(v) => update({ severity: v || undefined, page: undefined })}
            options={[{ value: '', label: t('monitoring.alarm.severity.all') }, ...sevOptions]}
          />
          <Select
            value={deviceId}
            style={{ width: 320 }}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('monitoring.col.name')}
            onChange={(v) => update({ deviceId: v || undefined, page: undefined })}
            options={[{ value: '', label: t('monitoring.alarm.device.all') }, ...(devices.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))]}
          />
        </Flex>
        <AlarmTable
          query={{ page, pageSize, status: status === 'all' ? undefined : status, severity: severity || undefined, deviceId: deviceId || undefined }}
          paging={pagination}
          onOpenCase={(a) => navigate(`/cases/new?alarmId=${a.id}`)}
        />
      </Card>
    </>
  );
}
