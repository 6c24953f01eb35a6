import { Button, Divider, Dropdown, Grid, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageLoading } from './PageLoading';
import { useCurrentUser, useLogout } from '../auth';
import { roleLabel } from '../format';
import { LOCALE_TRAITS, useLocale } from '../i18n';
import { menuFor, menuKeyForPath } from '../menu';
import { BRAND_BLUE } from '../theme';
import { GlobeIcon, LogoMark, MenuIcon } from './icons';
import { NotificationBell } from './NotificationBell';

const { Header, Sider, Content, Footer } = Layout;

export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  return (
    <Button
      data-testid="lang-switch"
      size="small"
      lang={LOCALE_TRAITS[LOCALE_TRAITS[locale].other].htmlLang}
      onClick={() => setLocale(LOCALE_TRAITS[locale].other)}
      aria-label={t('app.lang.switchAria')}
    >
      {t('app.lang.switchTo')}
    </Button>
  );
}

export function AppLayout() {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  // a phone (< md): the header keeps what must stay reachable — who, notifications, public pages, language, log out —
  // and drops the organisation, the role tag and the title (the home page shows them)
  const narrow = Grid.useBreakpoint().md === false;

  const entries = menuFor(me.role);
  const items = useMemo<MenuProps['items']>(
    () =>
      entries.map((m) => ({
        key: m.key,
        icon: <MenuIcon name={m.key} />,
        label: t(m.label),
        title: t(m.label),
        'data-testid': `menu-${m.key}`,
      })),
    [entries, t],
  );
  const selected = menuKeyForPath(me.role, location.pathname);

  const onLogout = async (allSessions = false) => {
    await logout({ allSessions });
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 8 : 16,
          paddingInline: narrow ? 12 : undefined,
          position: 'sticky',
          top: 0,
          zIndex: 10,
          boxShadow: '0 1px 4px rgba(0,21,41,.25)',
          background: BRAND_BLUE,
        }}
      >
        <div
          style={{ display: 'flex', alignItems: 'center', gap: 12, cursor: 'pointer', minWidth: 0, flex: 1 }}
          onClick={() => navigate('/')}
        >
          <LogoMark />
          {!narrow && (
          <span
            style={{
              color: '#fff',
              fontSize: 18,
              fontWeight: 600,
              letterSpacing: LOCALE_TRAITS[locale].titleLetterSpacing,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {t('app.title')}
          </span>
          )}
        </div>
        <Space size={narrow ? 8 : 12} align="center" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {!narrow && (
            <Tooltip title={me.organization.name}>
              <span style={{ color: 'rgba(255,255,255,.75)', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-block', verticalAlign: 'middle' }}>
                {me.organization.name}
              </span>
            </Tooltip>
          )}
          <span
            data-testid="user-menu"
            style={{ color: '#fff', fontWeight: 500, ...(narrow ? { maxWidth: 64, overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-block', verticalAlign: 'middle' } : {}) }}
            title={me.username}
          >
            {me.displayName || me.username}
          </span>
          {!narrow && (
            <>
              <Tag data-testid="user-role" color="gold" style={{ marginInlineEnd: 0 }}>
                {roleLabel(me.role, locale)}
              </Tag>
              <Divider orientation="vertical" style={{ borderColor: 'rgba(255,255,255,.35)' }} />
            </>
          )}
          <NotificationBell />
          <Button
            type="link"
            size="small"
            href="/public"
            onClick={(e) => {
              e.preventDefault();
              navigate('/public');
            }}
            icon={<GlobeIcon />}
            style={{ color: '#fff', paddingInline: 4 }}
            data-testid="public-link"
            aria-label={narrow ? t('app.publicPortal') : undefined}
            title={narrow ? t('app.publicPortal') : undefined}
          >
            {narrow ? null : t('app.publicPortal')}
          </Button>
          <LanguageSwitch />
          <Space.Compact size="small">
            <Button data-testid="logout" size="small" onClick={() => void onLogout()}>
              {t('app.logout')}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{ items: [{ key: 'all', label: t('app.logoutAll'), 'data-testid': 'logout-all' } as NonNullable<MenuProps['items']>[number]], onClick: () => void onLogout(true) }}
            >
              <Button size="small" aria-label={t('app.logoutAll')} data-testid="logout-more">
                ▾
              </Button>
            </Dropdown>
          </Space.Compact>
        </Space>
      </Header>
      <Layout>
        <Sider
          width={216}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          // the menu scrolls above the collapse trigger (which antd pins to the bottom): with the whole sider
          // scrolling, the last entries (修改密码) stayed under the trigger on a phone or a 768 px-high screen
          className="reman-sider"
          style={{ position: 'sticky', top: 60, height: 'calc(100vh - 60px)' }}
        >
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected] : []}
            onClick={({ key }) => {
              const target = entries.find((m) => m.key === key);
              if (target) navigate(target.path);
            }}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
          />
        </Sider>
        <Layout>
          <Content style={{ margin: narrow ? 12 : 24, minWidth: 0 }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Content>
          <Footer style={{ textAlign: 'center', color: '#595959', padding: '12px 24px 20px' }}>
            <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
          </Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
