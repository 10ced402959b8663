import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { AppFooter, AppHeader } from './app-header';

/** Pages outside the portals (landing, login, registration, dev inbox, 404): header, centred content, footer. */
export function SiteLayout() {
  return (
    <Layout className="app-shell">
      <AppHeader />
      <Layout.Content className="site-content">
        <Outlet />
      </Layout.Content>
      <AppFooter />
    </Layout>
  );
}
