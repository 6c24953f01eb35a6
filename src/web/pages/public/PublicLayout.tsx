import { Button, Flex, Layout, Menu, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../auth';
import { LanguageSwitch } from '../../components/AppLayout';
import { LogoMark } from '../../components/icons';
import { PageLoading } from '../../components/PageLoading';
import { LOCALE_TRAITS, useLocale, type MessageKey } from '../../i18n';
import { BRAND_BLUE, BRAND_DARK } from '../../theme';

const { Content, Footer } = Layout;

const NAV: { path: string; label: MessageKey }[] = [
  { path: '/public', label: 'pub.home' },
  { path: '/public/announced', label: 'pub.announced' },
  { path: '/public/announcements', label: 'pub.announcements' },
  { path: '/public/notices', label: 'pub.notices' },
  { path: '/public/statistics', label: 'pub.statistics' },
  { path: '/public/market', label: 'market.nav' },
  { path: '/public/complaints', label: 'pub.complaints' },
  // 公共信息服务 (issue 14)
  { path: '/public/search', label: 'portal.nav.search' },
  { path: '/public/standards', label: 'portal.nav.standards' },
  { path: '/public/catalogue', label: 'portal.nav.catalogue' },
  { path: '/public/policies', label: 'portal.nav.policies' },
  { path: '/public/demonstration-units', label: 'portal.nav.units' },
  { path: '/public/testing-organizations', label: 'portal.nav.orgs' },
  { path: '/public/targets', label: 'portal.nav.targets' },
  { path: '/public/datasets', label: 'portal.nav.datasets' },
];

/**
 * 公开信息: the public pages, reachable without a session. Only /public/* API calls are made here (and
 * /auth/me to offer the workspace link, and only when a session cookie exists: no 401 in a visitor's console), so a
 * 401 never sends the visitor to the login page.
 */
export default function PublicLayout() {
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useMe({ onlyIfSession: true });
  const selected = [...NAV].reverse().find((n) => (n.path === '/public' ? pathname === '/public' || pathname === '/public/' : pathname.startsWith(n.path)));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <div style={{ background: `linear-gradient(90deg, ${BRAND_DARK} 0%, ${BRAND_BLUE} 100%)` }}>
        <Flex justify="space-between" align="center" style={{ maxWidth: 1200, margin: '0 auto', padding: '18px 24px 10px' }} wrap gap={12}>
          <Flex align="center" gap={12} style={{ cursor: 'pointer' }} onClick={() => navigate('/public')}>
            <LogoMark size={40} />
            <div>
              <Typography.Title level={1} data-testid="page-site-title" style={{ color: '#fff', margin: 0, fontSize: 22, letterSpacing: LOCALE_TRAITS[locale].titleLetterSpacing }}>
                {t('app.title')}
              </Typography.Title>
              <div style={{ color: 'rgba(255,255,255,.75)', fontSize: 13 }}>{t('pub.portal')}</div>
            </div>
          </Flex>
          <Flex gap={8} align="center">
            <LanguageSwitch />
            {me.data ? (
              <Button size="small" onClick={() => navigate('/')} data-testid="public-workbench">
                {t('pub.workbench')}
              </Button>
            ) : (
              <Button size="small" onClick={() => navigate('/login')} data-testid="public-login">
                {t('pub.login')}
              </Button>
            )}
          </Flex>
        </Flex>
        <div style={{ maxWidth: 1200, margin: '0 auto', padding: '0 12px' }}>
          <Menu
            mode="horizontal"
            theme="dark"
            selectedKeys={selected ? [selected.path] : []}
            onClick={({ key }) => navigate(key)}
            style={{ background: 'transparent', borderBottom: 0 }}
            items={NAV.map((n) => ({ key: n.path, label: t(n.label), 'data-testid': `public-nav-${n.path.split('/')[2] ?? 'home'}` }))}
          />
        </div>
      </div>
      <Content style={{ width: '100%', maxWidth: 1200, margin: '0 auto', padding: 24 }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Content>
      <Footer style={{ textAlign: 'center', color: '#595959', padding: '12px 24px 20px' }}>
        <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
      </Footer>
    </Layout>
  );
}
