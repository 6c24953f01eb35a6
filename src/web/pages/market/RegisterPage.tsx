import { Button, Card, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { validateCreditCode } from '../../../domain/credit-code';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { bilingual, useLocale } from '../../i18n';
import { marketApi, type RegisterBody } from './marketApi';

type Values = RegisterBody & { password2: string };

/**
 * 采购方机构注册 (`POST /api/v1/public/register`): the credit code is checked here as on the server (GB 32100, the
 * same domain function) and the server's refusals — checksum, password policy, a registered code, a taken
 * username — land under the field they name. Success → sign in.
 */
export default function RegisterPage() {
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<{ org: string; username: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          data-testid="register-done"
          title={t('market.reg.done', done)}
          extra={
            <Button type="primary" onClick={() => navigate('/login', { state: { from: '/buyer' } })} data-testid="register-to-login">
              {t('market.reg.toLogin')}
            </Button>
          }
        />
      </Card>
    );
  }

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const { password2: _, ...body } = v;
      const r = await marketApi.register(body);
      setDone({ org: r.organization.name, username: r.user.username });
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('market.reg.title')} />
      <Typography.Paragraph type="secondary">{t('market.reg.sub')}</Typography.Paragraph>
      <Card style={{ maxWidth: 640 }}>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="register-form" requiredMark>
          <Form.Item name="orgName" label={t('market.reg.orgName')} rules={[{ required: true, min: 2, message: t('common.required') }]}>
            <Input maxLength={200} data-testid="register-orgName" autoComplete="organization" />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label={t('market.reg.creditCode')}
            extra={t('market.reg.creditCodeHelp')}
            normalize={(v: string) => v?.toUpperCase()}
            rules={[
              { required: true, message: t('common.required') },
              {
                validator: async (_, v: string) => {
                  if (!v) return;
                  const r = validateCreditCode(v.trim());
                  if (!r.ok) throw new Error(bilingual(locale, r.message, r.messageEn));
                },
              },
            ]}
          >
            <Input maxLength={18} data-testid="register-creditCode" style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} />
          </Form.Item>
          <Form.Item name="contactName" label={t('market.reg.contactName')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={50} data-testid="register-contactName" autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={t('market.reg.phone')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={30} data-testid="register-phone" autoComplete="tel" />
          </Form.Item>
          <Form.Item name="username" label={t('market.reg.username')} extra={t('market.reg.usernameHelp')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={64} data-testid="register-username" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('market.reg.password')} extra={t('market.reg.passwordHelp')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password maxLength={128} data-testid="register-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="password2"
            label={t('market.reg.password2')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: async (_, v: string) => {
                  if (v && v !== getFieldValue('password')) throw new Error(t('market.reg.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password maxLength={128} data-testid="register-password2" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="register-submit">
            {t('market.reg.submit')}
          </Button>
          <Button type="link" onClick={() => navigate('/login')}>
            {t('market.reg.have')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
