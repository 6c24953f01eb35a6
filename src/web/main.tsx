import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
// the ES modules (antd/locale/* are CommonJS and bring antd/lib helpers into the entry chunk)
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { ApiError } from './api';
import { AppRoutes, preloadRouteChunks } from './App';
import { fetchMe, ME_KEY, mayHaveSession } from './auth';
import { LocaleProvider, useLocale, type Locale } from './i18n';
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

const ANTD_LOCALE: Record<Locale, typeof zhCN> = { zh: zhCN, en: enUS };

function AntdRoot({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={ANTD_LOCALE[locale]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

// A data router, so that editors can block navigation while they hold unsaved edits (components/LeaveGuard.tsx).
// The routes themselves stay declared as <Routes> in App.tsx, under one splat route.
const router = createBrowserRouter([{ path: '*', element: <AppRoutes /> }]);

focusableScrollRegions();

// Ask for the route's chunks and, with a session cookie, the signed-in user before React's first render (App.tsx).
preloadRouteChunks(window.location.pathname);
if (mayHaveSession() && !window.location.pathname.startsWith('/public')) void queryClient.prefetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });

const container = document.getElementById('root');
if (!container) throw new Error('#root missing');

createRoot(container).render(
  <StrictMode>
    <LocaleProvider>
      <AntdRoot>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdRoot>
    </LocaleProvider>
  </StrictMode>,
);
