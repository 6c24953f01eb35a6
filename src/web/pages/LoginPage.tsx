import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, client, unwrap } from '../api';
import { login, useMe } from '../auth';
import { LanguageSwitch } from '../components/AppLayout';
import { LogoMark } from '../components/icons';
import { LOCALE_TRAITS, useLocale } from '../i18n';
import { menuKeyForPath } from '../menu';
import { BRAND_BLUE, BRAND_DARK } from '../theme';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { locale, t } = useLocale();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // demo logins on a production deployment: say so loudly (docs/security.md)
  const status = useQuery({ queryKey: ['public-status'], queryFn: () => unwrap(client.GET('/api/v1/public/status')), staleTime: 300_000 });

  const from = (location.state as { from?: string } | null)?.from;

  if (me.data && !submitting) {
    return <Navigate to={me.data.mustChangePassword ? '/password' : '/'} replace />;
  }

  const onFinish = async (v: LoginValues) => {
    setError(null);
    setSubmitting(true);
    try {
      const user = await login(qc, v.username.trim(), v.password);
      if (user.mustChangePassword) navigate('/password', { replace: true });
      else {
        // Back to the page that sent us here, if this user's role may open it.
        const back = from && from !== '/login' && from !== '/password' && menuKeyForPath(user.role, from.split('?')[0]) ? from : '/';
        navigate(back, { replace: true });
      }
    } catch (e) {
      setError(
        e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', t('common.unknownError'), t('common.unknownError')),
      );
      setSubmitting(false);
    }
    // On success `submitting` stays true: the router commits the navigation in a
    // transition, and a re-render here must not redirect elsewhere meanwhile.
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: `linear-gradient(160deg, ${BRAND_DARK} 0%, ${BRAND_BLUE} 45%, #e8eef6 45.1%, #f0f2f5 100%)`,
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '16px 32px' }}>
        <Flex align="center" gap={12}>
          <LogoMark size={36} />
          <Typography.Title
            level={1}
            data-testid="page-title"
            style={{ color: '#fff', margin: 0, fontSize: 22, letterSpacing: LOCALE_TRAITS[locale].titleLetterSpacing }}
          >
            {t('app.title')}
          </Typography.Title>
        </Flex>
        <LanguageSwitch />
      </Flex>
      {status.data?.demo && status.data.production ? (
        <Alert data-testid="demo-production-banner" type="error" showIcon banner title={t('login.demoInProduction')} style={{ fontSize: 16, fontWeight: 600 }} />
      ) : null}
      <Flex flex={1} justify="center" align="flex-start" style={{ padding: '6vh 16px 32px' }}>
        <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,.12)' }} styles={{ body: { padding: 32 } }}>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, textAlign: 'center' }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
            {t('login.subtitle')}
          </Typography.Paragraph>
          {error ? (
            <Alert
              data-testid="login-error"
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={error.localized(locale)}
            />
          ) : null}
          <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input id="username" name="username" autoComplete="username" size="large" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password id="password" name="password" autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <div style={{ marginTop: 20, paddingTop: 16, borderTop: '1px solid #f0f0f0', textAlign: 'center' }}>
            <Typography.Link
              href="/public"
              onClick={(e) => {
                e.preventDefault();
                navigate('/public');
              }}
              data-testid="login-public-link"
            >
              {t('login.publicLink')} ›
            </Typography.Link>
          </div>
        </Card>
      </Flex>
      <div style={{ textAlign: 'center', color: '#595959', padding: 16 }}>{t('app.footer')}</div>
    </div>
  );
}
