import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, client } from '../api';
import { fetchMe, ME_KEY, useCurrentUser } from '../auth';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { useLocale } from '../i18n';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function PasswordPage() {
  const { locale, t } = useLocale();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);

  const onFinish = async (v: PasswordValues) => {
    setSaving(true);
    try {
      await client.POST('/api/v1/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      message.success(t('password.changed'));
      form.resetFields();
      const wasForced = me.mustChangePassword;
      const fresh = await fetchMe().catch(() => null);
      qc.setQueryData(ME_KEY, fresh);
      if (!fresh) navigate('/login', { replace: true });
      else if (wasForced) navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_CREDENTIALS' && e.fieldDetails.length === 0) {
        form.setFields([{ name: 'currentPassword', errors: [e.localized(locale)] }]);
      } else {
        onError(e, form);
      }
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('common.required') };

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 560 }}>
        {me.mustChangePassword ? (
          <Alert type="warning" showIcon style={{ marginBottom: 20 }} title={t('app.mustChangePassword')} data-testid="must-change-password" />
        ) : null}
        <Form<PasswordValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[required]}>
            <Input.Password id="currentPassword" autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.hint')}
            dependencies={['currentPassword']}
            rules={[
              required,
              {
                validator: async (_, v: string | undefined) => {
                  if (!v) return;
                  if (v.length < 10 || v.length > 128 || !/[A-Za-z]/.test(v) || !/[0-9]/.test(v)) throw new Error(t('password.rule'));
                },
              },
              ({ getFieldValue }) => ({
                validator: async (_, v: string | undefined) => {
                  if (v && v === getFieldValue('currentPassword')) throw new Error(t('password.sameAsOld'));
                },
              }),
            ]}
          >
            <Input.Password id="newPassword" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: async (_, v: string | undefined) => {
                  if (v && v !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password id="confirmPassword" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
