import { Button, Flex, Result } from 'antd';
import { useNavigate } from 'react-router';
import { ButtonLink } from './button-link';
import { loginPath, PORTALS } from '../portals/portals';
import type { PortalId } from '../portals/types';
import type { AuthenticatedSession } from '../session/types';
import { useLogout } from '../session/use-session';

/** A signed-in person opened a portal (or page) that their account may not use. */
export function Forbidden({ session, portal }: { session: AuthenticatedSession; portal?: PortalId }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const own = PORTALS[session.kind];
  const target = portal ? PORTALS[portal] : undefined;
  const onLogout = () =>
    void logout
      .mutateAsync()
      .catch(() => undefined)
      .finally(() => navigate(target && target.id !== 'public' ? loginPath(target.id) : '/', { replace: true }));
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={
        target && target.id !== session.kind
          ? `您当前以「${own.name} · ${session.roleLabel}」身份登录，无权访问${target.name}。如需使用${target.name}，请先退出登录，再以相应账号登录。`
          : `您当前的角色（${session.roleLabel}）无权访问此页面。`
      }
      extra={
        <Flex gap={8} justify="center" wrap>
          <Button type="primary" onClick={onLogout} loading={logout.isPending}>
            退出当前账号，重新登录
          </Button>
          <ButtonLink to={own.base}>返回{own.name}</ButtonLink>
        </Flex>
      }
    />
  );
}
