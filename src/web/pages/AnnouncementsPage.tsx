import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, Row, Table, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { client, unwrap, type AnnouncementBatch, type BodyOf } from '../api';
import { useUrlPaging } from '../paging';
import { ApplicationPicker } from '../components/ApplicationPicker';
import { DateField } from '../components/DateField';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { useLocale } from '../i18n';
import { announcementDocxUrl, announcementXlsxUrl } from '../links';
import { qk, WORKFLOW_KEYS } from '../queries';

interface PublishValues {
  applicationIds: string[];
  docNumber?: string;
  announcedOn?: string | null;
  title?: string;
}


export default function AnnouncementsPage() {
  const { t } = useLocale();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<PublishValues>();

  // /announcements?apps=<id>: from an application's 予以公告 button
  useEffect(() => {
    const apps = (params.get('apps') ?? '').split(',').filter(Boolean);
    if (apps.length === 0) return;
    form.setFieldsValue({ applicationIds: apps });
    const next = new URLSearchParams(params);
    next.delete('apps');
    setParams(next, { replace: true });
  }, [params, form, setParams]);

  const { page, pageSize, pagination } = useUrlPaging();
  const batches = useQuery({
    queryKey: [...qk.publicAnnouncements, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/announcements', { params: { query: { page, pageSize, entriesPageSize: 1 } }, signal })),
  });

  const publish = useMutation({
    mutationFn: (v: PublishValues) => {
      const body: BodyOf<'/api/v1/announcements', 'post'> = { applicationIds: v.applicationIds };
      if (v.docNumber?.trim()) body.docNumber = v.docNumber.trim();
      if (v.title?.trim()) body.title = v.title.trim();
      if (v.announcedOn) body.announcedOn = v.announcedOn;
      return unwrap(client.POST('/api/v1/announcements', { body }));
    },
    onSuccess: (b) => {
      message.success(t('ann.published', { n: b.batchNo }));
      form.resetFields();
      for (const key of WORKFLOW_KEYS) void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => onError(e, form),
  });

  const onFinish = (v: PublishValues) =>
    modal.confirm({
      title: t('ann.publish'),
      content: t('confirm.ann.publish', { n: v.applicationIds.length }),
      okButtonProps: { 'data-testid': 'confirm-ok' } as never,
      okText: t('ann.publish'),
      cancelText: t('common.cancel'),
      onOk: () => publish.mutateAsync(v).catch(() => undefined),
    });

  const columns: TableColumnsType<AnnouncementBatch> = [
    { title: t('ann.batchNo'), key: 'batchNo', width: 90, render: (_, b) => t('ann.batchN', { n: b.batchNo }) },
    { title: t('ann.docNumber'), key: 'docNumber', render: (_, b) => b.docNumber },
    { title: t('ann.titleField'), key: 'title', render: (_, b) => b.title },
    { title: t('ann.announcedOn'), key: 'announcedOn', width: 120, render: (_, b) => b.announcedOn },
    { title: t('ann.entries'), key: 'entries', width: 80, render: (_, b) => b.entryCount ?? b.entries.length },
    {
      title: t('common.download'),
      key: 'download',
      width: 220,
      render: (_, b) => (
        <Flex gap={12}>
          <a href={announcementDocxUrl(b.id)} data-testid={`announcement-docx-${b.batchNo}`}>
            {t('ann.docx')}
          </a>
          <a href={announcementXlsxUrl(b.id)} data-testid={`announcement-xlsx-${b.batchNo}`}>
            {t('ann.xlsx')}
          </a>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('ann.title')} subTitle={t('ann.intro')} />
      <Card title={t('ann.publishTitle')} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ applicationIds: [] }}>
          <Form.Item name="applicationIds" label={t('ann.apps')} rules={[{ required: true, type: 'array', min: 1, message: t('notices.appsRequired') }]}>
            <ApplicationPicker state="notice_passed" emptyText={t('ann.noneReady')} testId="announcement-apps" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="docNumber" label={t('ann.docNumber')} extra={t('ann.autoHint')} rules={[{ min: 4, whitespace: true, message: t('ann.docNumberRule') }]}>
                <Input maxLength={100} placeholder={t('common.optional')} data-testid="announcement-doc-number" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="announcedOn" label={t('ann.announcedOn')} extra={t('ann.autoHint')}>
                <DateField placeholder={t('common.optional')} data-testid="announcement-date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="title" label={t('ann.titleField')} extra={t('ann.autoHint')}>
                <Input maxLength={200} placeholder={t('common.optional')} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="announcement-publish">
            {t('ann.publish')}
          </Button>
        </Form>
      </Card>
      <Card title={t('ann.batches')}>
        <Table<AnnouncementBatch>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={batches.data?.items ?? []}
          loading={batches.isFetching}
          data-testid="announcements-table"
          locale={{ emptyText: batches.isError ? t('common.loadFailed') : t('ann.none') }}
          pagination={{ ...pagination(batches.data?.total ?? 0), hideOnSinglePage: true }}
          scroll={{ x: 900 }}
        />
      </Card>
    </>
  );
}
