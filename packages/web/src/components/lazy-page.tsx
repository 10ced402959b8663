/**
 * Route-level code splitting: a portal's routes.tsx names its pages with lazyPage, so each page (and what only it
 * uses, e.g. echarts on the dashboards) is a chunk of its own, loaded when the page is opened. The physician's
 * phone pages then never download the authority's code. The router wraps every route in <PageSuspense>.
 */
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page component of any props
type AnyComponent = ComponentType<any>;

/** `lazyPage(() => import('./dashboard-page'), 'DashboardPage')`: the named export, loaded on first render. */
export function lazyPage<M extends Record<K, AnyComponent>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** The page's place while its code loads: announced to screen readers, labelled in Chinese. */
export function PageLoading(): ReactNode {
  return (
    <div role="status" aria-live="polite" aria-label="页面加载中" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8 }}>页面加载中…</div>
    </div>
  );
}

export function PageSuspense({ children }: { children: ReactNode }): ReactNode {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}
