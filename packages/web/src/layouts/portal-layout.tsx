import { Button, Layout, Menu, Result, Spin, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { errorDetail } from '../api/client';
import { Forbidden } from '../components/forbidden';
import { changePasswordPath } from '../pages/change-password-page';
import { loginPath, PORTALS } from '../portals/portals';
import type { PortalId, PortalMenuItem } from '../portals/types';
import type { Role, Session } from '../session/types';
import { useSession } from '../session/use-session';
import { AppFooter, AppHeader } from './app-header';

/** Joins a portal base and a relative path: ('/physician', '') → '/physician'. */
export function portalUrl(base: string, path: string): string {
  const rel = path.replace(/^\/+|\/+$/g, '');
  return rel ? `${base}/${rel}` : base;
}

type AntdItems = NonNullable<MenuProps['items']>;

function visible(item: { roles?: Role[] }, role: Role | undefined): boolean {
  return !item.roles || (role !== undefined && item.roles.includes(role));
}

/** Turns the portal's relative menu into antd items keyed by absolute URL; collects leaf keys and their parents. */
function toAntdItems(items: PortalMenuItem[], base: string, role: Role | undefined, leaves: Map<string, string[]>, parents: string[] = []): AntdItems {
  return items
    .filter((item) => visible(item, role))
    .map((item) => {
      if (item.children) {
        const key = `group:${item.key}`;
        return { key, label: item.label, icon: item.icon, children: toAntdItems(item.children, base, role, leaves, [...parents, key]) };
      }
      const key = portalUrl(base, item.key);
      leaves.set(key, parents);
      return { key, label: item.label, icon: item.icon };
    });
}

/** The menu key for the current page: the longest menu path that is the page or one of its ancestors. */
function selectedKey(pathname: string, keys: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    const hit = pathname === key || pathname.startsWith(`${key}/`);
    if (hit && (!best || key.length > best.length)) best = key;
  }
  return best;
}

export interface PortalLayoutProps {
  portal: PortalId;
  menu: PortalMenuItem[];
}

/**
 * The frame of a portal: header, left menu, content. Guarded portals require a session of their kind:
 * anonymous visitors go to /login?portal=…, other kinds see a 403 notice.
 */
export function PortalLayout({ portal, menu }: PortalLayoutProps) {
  const info = PORTALS[portal];
  const { session, isPending, error, refetch } = useSession();
  const location = useLocation();

  if (info.guarded) {
    if (isPending) return <FullPageSpin />;
    if (error || !session) {
      return (
        <Result
          status="error"
          title="无法获取登录状态"
          subTitle={errorDetail(error)}
          extra={<Button onClick={() => void refetch()}>重试</Button>}
        />
      );
    }
    if (!session.authenticated) {
      return <Navigate to={loginPath(portal as Exclude<PortalId, 'public'>, location.pathname + location.search)} replace />;
    }
    if (session.mustChangePassword) {
      return <Navigate to={changePasswordPath(location.pathname + location.search)} replace />;
    }
    if (session.kind !== portal) {
      return (
        <Layout className="app-shell">
          <AppHeader portalName={info.name} />
          <Layout.Content className="site-content">
            <Forbidden session={session} portal={portal} />
          </Layout.Content>
          <AppFooter />
        </Layout>
      );
    }
  }

  return <PortalFrame portal={portal} menu={menu} session={session} />;
}

function PortalFrame({ portal, menu, session }: PortalLayoutProps & { session: Session | undefined }) {
  const info = PORTALS[portal];
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const role = session?.authenticated ? session.role : undefined;

  const { items, leaves } = useMemo(() => {
    const leaves = new Map<string, string[]>();
    const items = toAntdItems(menu, info.base, role, leaves);
    return { items, leaves };
  }, [menu, info.base, role]);

  // A portal with a single page (the public register today) needs no menu.
  const showMenu = leaves.size > 1;
  const selected = selectedKey(location.pathname, leaves.keys());
  const [openKeys, setOpenKeys] = useState<string[]>(() => (selected ? (leaves.get(selected) ?? []) : []));

  return (
    <Layout className="app-shell">
      <AppHeader portalName={info.name} />
      <Layout hasSider={showMenu}>
        {showMenu && (
          <Layout.Sider
            width={220}
            theme="light"
            breakpoint="lg"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            className="portal-sider"
          >
            <nav aria-label={`${info.name}菜单`}>
              <Menu
                mode="inline"
                items={items}
                selectedKeys={selected ? [selected] : []}
                openKeys={collapsed ? undefined : openKeys}
                onOpenChange={setOpenKeys}
                onClick={({ key }) => navigate(key)}
              />
            </nav>
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Content className="portal-content">
            <main className="portal-page">
              <Outlet />
            </main>
          </Layout.Content>
          <AppFooter />
        </Layout>
      </Layout>
    </Layout>
  );
}

export function FullPageSpin() {
  return (
    <div className="full-page-spin">
      <Spin size="large" tip="正在加载…">
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </div>
  );
}
