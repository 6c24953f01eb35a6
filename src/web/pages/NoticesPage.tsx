import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { DEFAULT_NOTICE_WORKING_DAYS } from '../../domain/announcement/workflow';
import { client, unwrap, type BodyOf, type Notice } from '../api';
import { useUrlPaging } from '../paging';
import { ApplicationPicker } from '../components/ApplicationPicker';
import { DateField } from '../components/DateField';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { useCurrentUser } from '../auth';
import { todayShanghai } from '../format';
import { useLocale } from '../i18n';
import { qk, WORKFLOW_KEYS } from '../queries';

interface CreateValues {
  title: string;
  applicationIds: string[];
  startDate: string;
  mode: 'days' | 'end';
  workingDays?: number;
  endDate?: string;
}

export function NoticeStatusTag({ status }: { status: string }) {
  const { t } = useLocale();
  return status === 'open' ? <Tag color="gold">{t('notices.status.open')}</Tag> : status === 'closed' ? <Tag color="green">{t('notices.status.closed')}</Tag> : <Tag>{status}</Tag>;
}

export default function NoticesPage() {
  const { t } = useLocale();
  const { modal } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const mode = Form.useWatch('mode', form);

  const me = useCurrentUser();
  const [advanceDays, setAdvanceDays] = useState(5);
  // the platform's date (in demo mode it may run ahead of the calendar)
  const platformClock = useQuery({
    queryKey: ['platform-clock'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/clock', { signal })),
  });
  const advance = useMutation({
    mutationFn: (days: number) => unwrap(client.POST('/api/v1/clock/advance', { body: { days } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['platform-clock'] });
      for (const key of WORKFLOW_KEYS) void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => onError(e),
  });

  const { page, pageSize, pagination } = useUrlPaging();
  const list = useQuery({
    queryKey: [...qk.noticesAll, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/notices', { params: { query: { page, pageSize, entriesPageSize: 1 } }, signal })),
  });

  const openCreate = (apps: string[] = []) => {
    form.resetFields();
    form.setFieldsValue({ title: t('notices.defaultTitle'), applicationIds: apps, startDate: platformClock.data?.today ?? todayShanghai(), mode: 'days', workingDays: DEFAULT_NOTICE_WORKING_DAYS });
    setCreating(true);
  };

  // /notices?create=1&apps=<id>: from an application's 列入公示 button
  useEffect(() => {
    if (params.get('create') !== '1') return;
    openCreate((params.get('apps') ?? '').split(',').filter(Boolean));
    const next = new URLSearchParams(params);
    next.delete('create');
    next.delete('apps');
    setParams(next, { replace: true });
  }, [params]);

  const create = useMutation({
    mutationFn: (v: CreateValues) => {
      const body: BodyOf<'/api/v1/notices', 'post'> = { title: v.title.trim(), applicationIds: v.applicationIds, startDate: v.startDate };
      if (v.mode === 'end') body.endDate = v.endDate;
      else body.workingDays = v.workingDays;
      return unwrap(client.POST('/api/v1/notices', { body }));
    },
    onSuccess: (n) => {
      setCreating(false);
      for (const key of WORKFLOW_KEYS) void qc.invalidateQueries({ queryKey: key });
      modal.success({
        title: t('notices.createdTitle'),
        content: (
          <span data-testid="notice-created-window">
            {t('notices.createdBody', {
              start: n.startDate,
              end: n.endDate,
              days: n.workingDays ? t('notices.daysN', { n: n.workingDays }) : '',
            })}
          </span>
        ),
        okText: t('common.ok'),
        onOk: () => navigate(`/notices/${n.id}`),
      });
    },
    onError: (e) => onError(e, form),
  });

  const columns: TableColumnsType<Notice> = [
    {
      title: t('notices.titleField'),
      key: 'title',
      render: (_, n) => <Typography.Link onClick={() => navigate(`/notices/${n.id}`)}>{n.title}</Typography.Link>,
    },
    { title: t('notices.window'), key: 'window', render: (_, n) => `${n.startDate} — ${n.endDate}` },
    { title: t('notices.workingDays'), key: 'days', width: 100, render: (_, n) => n.workingDays ?? '—' },
    { title: t('notices.entryCount'), key: 'entries', width: 90, render: (_, n) => n.entryCount ?? n.entries.length },
    {
      title: t('notices.pending'),
      key: 'pending',
      width: 120,
      render: (_, n) => <Badge count={n.pendingObjections ?? 0} showZero color={(n.pendingObjections ?? 0) > 0 ? 'red' : '#d9d9d9'} data-testid="notice-pending" />,
    },
    { title: t('common.status'), key: 'status', width: 100, render: (_, n) => <NoticeStatusTag status={n.status} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, n) => (
        <Button size="small" onClick={() => navigate(`/notices/${n.id}`)}>
          {t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('notices.title')}
        subTitle={t('notices.intro')}
        extra={
          <Button type="primary" onClick={() => openCreate()} data-testid="notice-create">
            {t('notices.create')}
          </Button>
        }
      />
      {platformClock.data?.shiftable ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="demo-clock"
          message={t('demoClock.title', { today: platformClock.data.today, offset: platformClock.data.offsetDays })}
          description={
            <Flex justify="space-between" align="center" wrap gap={8}>
              <span>{t('demoClock.body')}</span>
              {me.role === 'ministry_admin' ? (
                <Space wrap>
                  <InputNumber min={1} max={60} value={advanceDays} onChange={(v) => setAdvanceDays(Number(v ?? 1))} addonAfter={t('demoClock.days')} aria-label={t('demoClock.days')} data-testid="demo-clock-days" />
                  <Button onClick={() => advance.mutate(advanceDays)} loading={advance.isPending} data-testid="demo-clock-advance">
                    {t('demoClock.advance')}
                  </Button>
                </Space>
              ) : null}
            </Flex>
          }
        />
      ) : null}
      <Card>
        <Table<Notice>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          data-testid="notices-table"
          locale={list.isError ? { emptyText: t('common.loadFailed') } : undefined}
          pagination={{ ...pagination(list.data?.total ?? 0), hideOnSinglePage: true }}
          scroll={{ x: 900 }}
        />
      </Card>
      <Modal
        open={creating}
        width={900}
        title={t('notices.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'notice-create-submit' }}
        forceRender
      >
        <Alert type="warning" showIcon title={t('confirm.notice.create')} style={{ marginBottom: 16 }} data-testid="confirm-consequence" />
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="title" label={t('notices.titleField')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}>
            <Input maxLength={200} data-testid="notice-title" />
          </Form.Item>
          <Form.Item
            name="applicationIds"
            label={t('notices.apps')}
            extra={t('notices.appsHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('notices.appsRequired') }]}
          >
            <ApplicationPicker state="ready_for_notice" emptyText={t('notices.noneReady')} testId="notice-apps" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="startDate" label={t('notices.startDate')} rules={[{ required: true, message: t('common.required') }]}>
                <DateField allowClear={false} data-testid="notice-start" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="mode" label={t('notices.mode')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'days', label: t('notices.modeDays') },
                    { value: 'end', label: t('notices.modeEnd') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {mode === 'end' ? (
                <Form.Item name="endDate" label={t('notices.endDate')} rules={[{ required: true, message: t('common.required') }]}>
                  <DateField data-testid="notice-end" />
                </Form.Item>
              ) : (
                <Form.Item name="workingDays" label={t('notices.workingDays')} extra={t('notices.daysHint')} rules={[{ required: true, message: t('common.required') }]}>
                  <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} data-testid="notice-days" />
                </Form.Item>
              )}
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
