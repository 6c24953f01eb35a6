import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { ApiError } from './api';
import { AppRoutes, preloadRouteChunks, RouteError } from './App';
import { fetchMe, ME_KEY, mayHaveSession } from './auth';
import { ANTD_LOCALE, LocaleProvider, startLocale, useLocale } from './i18n';
import { theme } from './theme';
import { focusableScrollRegions } from './components/a11y';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      // 4xx answers will not change by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

function AntdRoot({ children }: { children: ReactNode }) {
  const { locale, t } = useLocale();
  // one required-field message everywhere, also for a rule that names none (issue 16 item 14)
  const form = useMemo(() => ({ validateMessages: { required: t('common.required') } }), [t]);
  return (
    <ConfigProvider locale={ANTD_LOCALE[locale] ?? ANTD_LOCALE.zh} theme={theme} button={{ autoInsertSpace: false }} form={form}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

// A data router, so that editors can block navigation while they hold unsaved edits (components/LeaveGuard.tsx).
// The routes themselves stay declared as <Routes> in App.tsx, under one splat route.
const router = createBrowserRouter([{ path: '*', element: <AppRoutes />, errorElement: <RouteError /> }]);

focusableScrollRegions();

// Ask for the route's chunks and, with a session cookie, the signed-in user before React's first render (App.tsx).
const routeChunks = preloadRouteChunks(window.location.pathname);
if (mayHaveSession() && !window.location.pathname.startsWith('/public')) void queryClient.prefetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });

const container = document.getElementById('root');
if (!container) throw new Error('#root missing');

// The first render waits for the route's chunks (and, for a reader who chose English, its texts): a first screen the
// server rendered into #root (/public) stays until the page can replace it in one commit, and no other page shows a
// spinner for its own chunk (issue 16 item 18).
void Promise.all([routeChunks, startLocale()]).then(() => createRoot(container).render(
  <StrictMode>
    <LocaleProvider>
      <AntdRoot>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdRoot>
    </LocaleProvider>
  </StrictMode>,
));
