import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { createElement, lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate, useRouteError } from 'react-router-dom';
import { isPublicPagePath, setUnauthorizedHandler } from './api';
import { clearSession, useMe } from './auth';
import { AppLayout } from './components/AppLayout';
import { PageLoading } from './components/PageLoading';
import { useT } from './i18n';
import { canOpen, INSURANCE_MENUS, type MenuKey } from './menu';

// First load without a waterfall (issue 16 item 18): main.tsx asks for the chunks of the route being opened as soon as
// the app's code runs, all at once, instead of one after the other as React reaches each lazy boundary (layout, then
// page). The same import functions back the lazy components, so the browser fetches each chunk once.
const importLogin = () => import('./pages/LoginPage');
const importHome = () => import('./pages/HomePage');
const importPublicLayout = () => import('./pages/public/PublicLayout');
const importPublicHome = () => import('./pages/public/PublicHomePage');

/**
 * A lazy page that, once its chunk is loaded (by `preloadRouteChunks`), renders at once instead of suspending for a
 * tick: main.tsx waits for the route's chunks before the first render, so a server-rendered first screen (/public,
 * src/server/platform/public-home.ts) is replaced by the page in one commit, never by a spinner.
 */
function preloadedLazy<P extends object>(factory: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  const load = () => factory().then((m) => ((loaded = m.default), m));
  const Lazy = lazy(load);
  const Component = (props: P) => createElement((loaded ?? Lazy) as ComponentType<P>, props);
  return { Component, load };
}
const PublicLayoutChunk = preloadedLazy(importPublicLayout);
const PublicHomeChunk = preloadedLazy(importPublicHome);

/** Starts loading the chunks of the route at `path`; resolves when they are there (or failed: the lazy boundary retries). */
export function preloadRouteChunks(path: string): Promise<unknown> {
  const p = path.replace(/\/+$/, '') || '/';
  const chunks =
    p === '/public' ? Promise.all([PublicLayoutChunk.load(), PublicHomeChunk.load()])
    : p.startsWith('/public/') ? PublicLayoutChunk.load()
    : p === '/login' ? importLogin()
    : p === '/' ? importHome()
    : Promise.resolve();
  return chunks.catch(() => undefined);
}

const LoginPage = lazy(importLogin);
// 公共信息服务 public pages (issue 14): one lazy chunk for the portal's pages
const portalPage = (name: 'PortalSearchPage' | 'StandardsPage' | 'StandardDetailPage' | 'PoliciesPage' | 'PolicyDetailPage' | 'DemoUnitsPage' | 'TestingOrgsPage' | 'TargetsPage' | 'DatasetsPage' | 'CataloguePage') =>
  lazy(() => import('./pages/public/portal').then((m) => ({ default: m[name] })));
const PortalSearchPage = portalPage('PortalSearchPage');
const PortalStandardsPage = portalPage('StandardsPage');
const PortalStandardDetailPage = portalPage('StandardDetailPage');
const PortalPoliciesPage = portalPage('PoliciesPage');
const PortalPolicyDetailPage = portalPage('PolicyDetailPage');
const PortalDemoUnitsPage = portalPage('DemoUnitsPage');
const PortalTestingOrgsPage = portalPage('TestingOrgsPage');
const PortalTargetsPage = portalPage('TargetsPage');
const PortalDatasetsPage = portalPage('DatasetsPage');
const PortalCataloguePage = portalPage('CataloguePage');
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const HomePage = lazy(importHome);
const MyEnterprisePage = lazy(() => import('./pages/MyEnterprisePage'));
const SitesPage = lazy(() => import('./pages/SitesPage'));
const EnterprisesPage = lazy(() => import('./pages/EnterprisesPage'));
const EnterpriseDetailPage = lazy(() => import('./pages/EnterpriseDetailPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const TokensPage = lazy(() => import('./pages/TokensPage'));
const ExpertsPage = lazy(() => import('./pages/ExpertsPage'));
const AuthoritiesPage = lazy(() => import('./pages/AuthoritiesPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const ApplicationsPage = lazy(() => import('./pages/ApplicationsPage'));
const ApplicationDetailPage = lazy(() => import('./pages/ApplicationDetailPage'));
const NoticesPage = lazy(() => import('./pages/NoticesPage'));
const NoticeDetailPage = lazy(() => import('./pages/NoticeDetailPage'));
const AnnouncementsPage = lazy(() => import('./pages/AnnouncementsPage'));
const TraceProductsPage = lazy(() => import('./pages/trace/TraceProductsPage'));
const TraceRecordPage = lazy(() => import('./pages/trace/TraceRecordPage'));
const TraceProductPage = lazy(() => import('./pages/trace/TraceProductPage'));
const TraceRecallPage = lazy(() => import('./pages/trace/TraceRecallPage'));
const TraceLedgerPage = lazy(() => import('./pages/trace/TraceLedgerPage'));
const TraceImportPage = lazy(() => import('./pages/trace/TraceImportPage'));
const DevicesPage = lazy(() => import('./pages/devices/DevicesPage'));
const DevicePage = lazy(() => import('./pages/devices/DevicePage'));
const FleetPage = lazy(() => import('./pages/devices/FleetPage'));
const DevicesOverviewPage = lazy(() => import('./pages/devices/OverviewPage'));
const AlarmsPage = lazy(() => import('./pages/devices/AlarmsPage'));
const CasesPage = lazy(() => import('./pages/devices/CasesPage'));
const CasePage = lazy(() => import('./pages/devices/CasePage'));
const NewCasePage = lazy(() => import('./pages/devices/NewCasePage'));
const ProductVerifyPage = lazy(() => import('./pages/public/ProductVerifyPage'));
const PublicLayout = PublicLayoutChunk.Component;
const PublicHomePage = PublicHomeChunk.Component;
const PublicAnnouncedPage = lazy(() => import('./pages/public/PublicAnnouncedPage'));
const PublicAnnouncementsPage = lazy(() => import('./pages/public/PublicAnnouncementsPage'));
const PublicNoticesPage = lazy(() => import('./pages/public/PublicNoticesPage'));
const PublicStatisticsPage = lazy(() => import('./pages/public/PublicStatisticsPage'));
const AnnualReportsPage = lazy(() => import('./pages/annual-reports/AnnualReportsPage'));
const AnnualReportDetailPage = lazy(() => import('./pages/annual-reports/AnnualReportDetailPage'));
const StatisticsPage = lazy(() => import('./pages/StatisticsPage'));
const PublicComplaintPage = lazy(() => import('./pages/public/PublicComplaintPage'));
const PublicComplaintTrackPage = lazy(() => import('./pages/public/PublicComplaintTrackPage'));
const PublicObjectionTrackPage = lazy(() => import('./pages/public/PublicObjectionTrackPage'));
const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage'));
const ChangeDetailPage = lazy(() => import('./pages/supervision/ChangeDetailPage'));
const RevocationDetailPage = lazy(() => import('./pages/supervision/RevocationDetailPage'));
const ComplaintDetailPage = lazy(() => import('./pages/supervision/ComplaintDetailPage'));
const MarketSearchPage = lazy(() => import('./pages/market/MarketSearchPage'));
const ListingPage = lazy(() => import('./pages/market/ListingPage'));
const RegisterPage = lazy(() => import('./pages/market/RegisterPage'));
const SellerListingsPage = lazy(() => import('./pages/market/SellerListingsPage'));
const PortalAdminPage = lazy(() => import('./pages/portal-admin/PortalAdminPage'));
const CatalogueApplicationsPage = lazy(() => import('./pages/catalogue/CatalogueApplicationsPage'));
const ProductReportsPage = lazy(() => import('./pages/catalogue/ProductReportsPage'));
const TestingReportsPage = lazy(() => import('./pages/testing/TestingReportsPage'));
const OrdersPage = lazy(() => import('./pages/market/OrdersPage'));
const OrderPage = lazy(() => import('./pages/market/OrderPage'));
const LeasesPage = lazy(() => import('./pages/market/LeasesPage'));
const LeasePage = lazy(() => import('./pages/market/LeasePage'));
const MarketStatsPage = lazy(() => import('./pages/market/MarketStatsPage'));
const InsurancePage = lazy(() => import('./pages/market/InsurancePage'));
const InsurancePolicyPage = lazy(() => import('./pages/market/InsurancePolicyPage'));
const CoreExchangePage = lazy(() => import('./pages/market/core-exchange/CoreExchangePage'));
const CorePostingPage = lazy(() => import('./pages/market/core-exchange/PostingPage'));
const CoreMatchPage = lazy(() => import('./pages/market/core-exchange/MatchPage'));

/** Routes a 401 from any API call back to the login page without a full reload. */
function UnauthorizedBridge() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearSession(qc);
      // The public pages work without a session: never send their visitors to the login page.
      if (isPublicPagePath(window.location.pathname)) return;
      if (window.location.pathname !== '/login') {
        navigate('/login', { replace: true, state: { from: window.location.pathname + window.location.search } });
      }
    });
  }, [qc, navigate]);
  return null;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const t = useT();
  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={t('common.networkError')}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <>{children}</>;
}

/** Shows a 403 page when the role has no menu entry for the page. */
function Guard({ menu, children }: { menu: MenuKey | readonly MenuKey[]; children: ReactNode }) {
  const me = useMe();
  const t = useT();
  const navigate = useNavigate();
  if (!canOpen(me.data?.role, menu)) {
    return (
      <Result
        status="403"
        title={t('app.forbidden')}
        subTitle={t('app.forbidden.sub')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('app.backHome')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}

/** A failed download of a page's chunk (offline, a 503 while the server sheds load, a new deployment's file names). */
export const isChunkLoadError = (e: unknown): boolean =>
  e instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(e.message);

/**
 * The router's error page (main.tsx errorElement): in the reader's language with a reload, instead of React Router's
 * English developer page ("Unexpected Application Error!").
 */
export function RouteError() {
  const error = useRouteError();
  const t = useT();
  const chunk = isChunkLoadError(error);
  return (
    <Result
      status={chunk ? 'warning' : 'error'}
      title={chunk ? t('common.loadFailed') : t('app.crash')}
      subTitle={chunk ? t('app.chunkFailed.sub') : t('app.crash.sub')}
      extra={[
        <Button key="reload" type="primary" data-testid="route-error-reload" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>,
        <Button key="home" href={isPublicPagePath(window.location.pathname) ? '/public' : '/'}>
          {t('app.backHome')}
        </Button>,
      ]}
    />
  );
}

function NotFound({ home = '/' }: { home?: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      subTitle={t('app.notFound.sub')}
      extra={
        <Button type="primary" onClick={() => navigate(home)}>
          {t('app.backHome')}
        </Button>
      }
    />
  );
}

export function AppRoutes() {
  return (
    <>
      <UnauthorizedBridge />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* 产品验证: the page a product label's QR code opens (no login, phone first) */}
          <Route path="/p/:code" element={<ProductVerifyPage />} />
          {/* the market's short address (README, printed material) is the public market */}
          <Route path="/market" element={<Navigate to="/public/market" replace />} />
          {/* 公开信息: no login, no session needed */}
          <Route path="/public" element={<PublicLayout />}>
            <Route index element={<PublicHomePage />} />
            <Route path="announced" element={<PublicAnnouncedPage />} />
            <Route path="announcements" element={<PublicAnnouncementsPage />} />
            <Route path="notices" element={<PublicNoticesPage />} />
            <Route path="statistics" element={<PublicStatisticsPage />} />
            <Route path="complaints" element={<PublicComplaintPage />} />
            <Route path="complaints/track" element={<PublicComplaintTrackPage />} />
            <Route path="objections/track" element={<PublicObjectionTrackPage />} />
            <Route path="search" element={<PortalSearchPage />} />
            <Route path="standards" element={<PortalStandardsPage />} />
            <Route path="standards/:code" element={<PortalStandardDetailPage />} />
            <Route path="policies" element={<PortalPoliciesPage />} />
            <Route path="policies/:id" element={<PortalPolicyDetailPage />} />
            <Route path="demonstration-units" element={<PortalDemoUnitsPage />} />
            <Route path="testing-organizations" element={<PortalTestingOrgsPage />} />
            <Route path="targets" element={<PortalTargetsPage />} />
            <Route path="catalogue" element={<PortalCataloguePage />} />
            <Route path="datasets" element={<PortalDatasetsPage />} />
            <Route path="market" element={<MarketSearchPage />} />
            <Route path="market/:id" element={<ListingPage />} />
            <Route path="register" element={<RegisterPage />} />
            <Route path="*" element={<NotFound home="/public" />} />
          </Route>
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="password" element={<PasswordPage />} />
            <Route path="enterprise" element={<Guard menu="my-enterprise"><MyEnterprisePage /></Guard>} />
            <Route path="sites" element={<Guard menu="sites"><SitesPage /></Guard>} />
            <Route path="enterprises" element={<Guard menu="enterprises"><EnterprisesPage /></Guard>} />
            <Route path="enterprises/:id" element={<Guard menu="enterprises"><EnterpriseDetailPage /></Guard>} />
            <Route path="enterprises/:id/sites" element={<Guard menu="enterprises"><SitesPage /></Guard>} />
            <Route path="users" element={<Guard menu="users"><UsersPage /></Guard>} />
            <Route path="tokens" element={<Guard menu="tokens"><TokensPage /></Guard>} />
            <Route path="experts" element={<Guard menu="experts"><ExpertsPage /></Guard>} />
            <Route path="authorities" element={<Guard menu="authorities"><AuthoritiesPage /></Guard>} />
            <Route path="audit" element={<Guard menu="audit"><AuditPage /></Guard>} />
            <Route path="applications" element={<Guard menu="applications"><ApplicationsPage /></Guard>} />
            <Route path="applications/:id" element={<Guard menu="applications"><ApplicationDetailPage /></Guard>} />
            <Route path="notices" element={<Guard menu="notices"><NoticesPage /></Guard>} />
            <Route path="notices/:id" element={<Guard menu="notices"><NoticeDetailPage /></Guard>} />
            <Route path="announcements" element={<Guard menu="announcements"><AnnouncementsPage /></Guard>} />
            <Route path="annual-reports" element={<Guard menu="annual-reports"><AnnualReportsPage /></Guard>} />
            <Route path="annual-reports/:id" element={<Guard menu="annual-reports"><AnnualReportDetailPage /></Guard>} />
            <Route path="statistics" element={<Guard menu="statistics"><StatisticsPage /></Guard>} />
            <Route path="statistics/market" element={<Guard menu="market-stats"><MarketStatsPage /></Guard>} />
            <Route path="supervision" element={<Guard menu="supervision"><SupervisionPage /></Guard>} />
            <Route path="supervision/changes/:id" element={<Guard menu="supervision"><ChangeDetailPage /></Guard>} />
            {/* 七(二)3: an expert involved in a change's acceptance check opens it from the review menu */}
            <Route path="review/changes/:id" element={<Guard menu="applications"><ChangeDetailPage /></Guard>} />
            <Route path="supervision/revocations/:id" element={<Guard menu="supervision"><RevocationDetailPage /></Guard>} />
            <Route path="supervision/complaints/:id" element={<Guard menu="supervision"><ComplaintDetailPage /></Guard>} />
            <Route path="trace" element={<Guard menu="trace"><TraceProductsPage /></Guard>} />
            <Route path="trace/record" element={<Guard menu="trace"><TraceRecordPage /></Guard>} />
            <Route path="trace/products/:code" element={<Guard menu="trace"><TraceProductPage /></Guard>} />
            <Route path="trace/recall" element={<Guard menu="trace"><TraceRecallPage /></Guard>} />
            <Route path="trace/ledger" element={<Guard menu="trace"><TraceLedgerPage /></Guard>} />
            <Route path="trace/import" element={<Guard menu="trace"><TraceImportPage /></Guard>} />
            <Route path="market/listings" element={<Guard menu="market-listings"><SellerListingsPage /></Guard>} />
            <Route path="portal-admin/:kind?" element={<Guard menu="portal-admin"><PortalAdminPage /></Guard>} />
            <Route path="catalogue-applications" element={<Guard menu="catalogue-applications"><CatalogueApplicationsPage /></Guard>} />
            <Route path="product-reports" element={<Guard menu="product-reports"><ProductReportsPage /></Guard>} />
            <Route path="testing/reports" element={<Guard menu="testing-reports"><TestingReportsPage /></Guard>} />
            <Route path="orders" element={<Guard menu="orders"><OrdersPage /></Guard>} />
            <Route path="orders/:id" element={<Guard menu="orders"><OrderPage /></Guard>} />
            <Route path="leases" element={<Guard menu="leases"><LeasesPage /></Guard>} />
            <Route path="leases/:id" element={<Guard menu="leases"><LeasePage /></Guard>} />
            <Route path="insurance" element={<Guard menu={INSURANCE_MENUS}><InsurancePage /></Guard>} />
            <Route path="insurance/claims" element={<Guard menu={INSURANCE_MENUS}><InsurancePage section="claims" /></Guard>} />
            <Route path="insurance/policies" element={<Guard menu={INSURANCE_MENUS}><InsurancePage section="policies" /></Guard>} />
            <Route path="insurance/figures" element={<Guard menu={INSURANCE_MENUS}><InsurancePage section="figures" /></Guard>} />
            <Route path="insurance/policies/:id" element={<Guard menu={INSURANCE_MENUS}><InsurancePolicyPage /></Guard>} />
            <Route path="core-exchange" element={<Guard menu="core-exchange"><CoreExchangePage /></Guard>} />
            <Route path="core-exchange/matches/:id" element={<Guard menu="core-exchange"><CoreMatchPage /></Guard>} />
            <Route path="core-exchange/:id" element={<Guard menu="core-exchange"><CorePostingPage /></Guard>} />
            <Route path="devices" element={<Guard menu="devices"><DevicesPage /></Guard>} />
            <Route path="devices/fleet" element={<Guard menu="fleet"><FleetPage /></Guard>} />
            <Route path="devices/overview" element={<Guard menu="devices-overview"><DevicesOverviewPage /></Guard>} />
            <Route path="devices/:id" element={<Guard menu="devices"><DevicePage /></Guard>} />
            <Route path="alarms" element={<Guard menu="alarms"><AlarmsPage /></Guard>} />
            <Route path="cases" element={<Guard menu="cases"><CasesPage /></Guard>} />
            <Route path="cases/new" element={<Guard menu="cases"><NewCasePage /></Guard>} />
            <Route path="cases/:id" element={<Guard menu="cases"><CasePage /></Guard>} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </>
  );
}
