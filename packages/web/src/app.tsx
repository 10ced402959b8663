import { QueryCache, QueryClient, QueryClientProvider, MutationCache } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import './lib/dayjs';
import { isApiError } from './api/client';
import { router } from './router';
import { SESSION_QUERY_KEY } from './session/use-session';

/** A 401 anywhere means the session ended (expired, logged out elsewhere): re-read it so guards redirect to login. */
function onApiError(error: unknown): void {
  if (isApiError(error) && error.status === 401) void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Refusals (4xx) are answers, not glitches: do not repeat them.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

/** Government-service look: one blue, square-ish corners, Chinese system fonts. */
const appTheme = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5fa8',
    colorInfo: '#1f5fa8',
    borderRadius: 4,
    // WCAG 2.1 AA (1.4.3, contrast ≥ 4.5:1): antd's tertiary grey (secondary text, description labels) and its
    // placeholder grey are 3.4:1 and 1.6:1 on white; these are ≥ 5:1 on white and on the page background.
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // No animations: a form service should feel immediate, and an interrupted leave-animation can
    // leave e.g. a button's "loading" icon in the DOM, changing its accessible name ("loading 登录").
    motion: false,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#174a87', headerHeight: 60, headerPadding: '0 24px', bodyBg: '#f3f5f9', footerBg: '#f3f5f9' },
  },
};

export function App() {
  return (
    // Buttons keep their exact Chinese labels (antd would otherwise render 登录 as "登 录").
    <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
