import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { loginPath, PORTALS } from '../portals/portals';
import { useLogout, useSession } from '../session/use-session';

/** The top bar: system name, portal name, and the signed-in person with 退出登录. */
export function AppHeader({ portalName }: { portalName?: string }) {
  const { session } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();

  const onLogout = () => {
    const kind = session?.authenticated ? session.kind : undefined;
    // Not mutate(…, { onSettled }): the portal guard unmounts this header as soon as the session is gone.
    void logout.mutateAsync().catch(() => undefined).finally(() => navigate(kind ? loginPath(kind) : '/', { replace: true }));
  };

  const org = session?.authenticated ? (session.institution?.name ?? session.authority?.name) : undefined;

  return (
    <Layout.Header className="app-header">
      <Flex align="center" gap={12} style={{ minWidth: 0 }}>
        <Link to="/" className="app-header__brand" aria-label="医师电子化注册信息系统 首页">
          <span className="app-header__logo" aria-hidden>
            <svg viewBox="0 0 32 32" width="28" height="28">
              <rect width="32" height="32" rx="6" fill="#fff" />
              <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="#1f5fa8" />
            </svg>
          </span>
          <span className="app-header__title">医师电子化注册信息系统</span>
        </Link>
        {portalName && <span className="app-header__portal" data-testid="portal-name">{portalName}</span>}
      </Flex>
      {session?.authenticated && (
        <Flex align="center" gap={12} className="app-header__user">
          <UserOutlined aria-hidden />
          <span data-testid="current-user">
            <Typography.Text strong style={{ color: 'inherit' }}>{session.displayName}</Typography.Text>
            <span className="app-header__role">
              {session.roleLabel}
              {org ? ` · ${org}` : ''}
            </span>
          </span>
          {!portalName && (
            <Link to={PORTALS[session.kind].base} className="app-header__link">
              进入{PORTALS[session.kind].name}
            </Link>
          )}
          <Button ghost size="small" icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending}>
            退出登录
          </Button>
        </Flex>
      )}
    </Layout.Header>
  );
}

export function AppFooter() {
  return (
    <Layout.Footer className="app-footer">
      医师电子化注册信息系统 · 依据《中华人民共和国医师法》《医师执业注册管理办法》提供医师执业注册电子化服务
    </Layout.Footer>
  );
}
