import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { SeverityTag } from './AlarmsPage';
import { alarmsApi, casesApi, devicesApi } from './devicesApi';

/** Open a case: from an alarm (`?alarmId=`) or on a device (`?deviceId=`, with a title). */
export default function NewCasePage() {
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [params] = useSearchParams();
  const alarmId = params.get('alarmId');
  const deviceId = params.get('deviceId');
  const [form] = Form.useForm<{ title?: string; description?: string }>();
  const alarm = useQuery({ queryKey: ['alarms', 'detail', alarmId], queryFn: ({ signal }) => alarmsApi.detail(alarmId!, signal), enabled: !!alarmId });
  const device = useQuery({ queryKey: ['devices', 'detail', alarm.data?.deviceId ?? deviceId], queryFn: ({ signal }) => devicesApi.detail((alarm.data?.deviceId ?? deviceId)!, signal), enabled: !!(alarm.data?.deviceId ?? deviceId) });
  const open = useMutation({
    mutationFn: (v: { title?: string; description?: string }) =>
      casesApi.open(alarmId ? { alarmId, ...(v.title ? { title: v.title } : {}), ...(v.description ? { description: v.description } : {}) } : { deviceId: deviceId!, title: v.title ?? '', ...(v.description ? { description: v.description } : {}) }),
    onSuccess: (c) => navigate(`/cases/${c.id}`, { replace: true }),
    onError: (e) => onError(e, form),
  });
  if (!alarmId && !deviceId) return <Alert type="warning" showIcon title={t('monitoring.case.new.missing')} />;
  return (
    <>
      <PageHeader title={t('monitoring.case.new')} backTo={alarmId ? '/alarms' : '/cases'} />
      <Card style={{ maxWidth: 720 }}>
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('monitoring.col.name')}>{device.data?.name ?? '…'}</Descriptions.Item>
          {alarm.data && (
            <Descriptions.Item label={t('monitoring.alarms.card')}>
              <SeverityTag severity={alarm.data.severity} /> <code>{alarm.data.key}</code> {String(alarm.data.raiseValue ?? '')} · {formatDateTime(alarm.data.raisedTs, locale)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Form form={form} layout="vertical" onFinish={(v) => open.mutate(v)}>
          <Form.Item name="title" label={t('monitoring.case.titleField')} rules={alarmId ? [] : [{ required: true, whitespace: true }]}>
            <Input maxLength={200} placeholder={alarmId ? t('monitoring.case.titleFromAlarm') : undefined} data-testid="case-new-title" />
          </Form.Item>
          <Form.Item name="description" label={t('monitoring.case.description')}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="case-new-description" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="case-new-submit">
            {t('monitoring.case.new.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
