import { Alert, Descriptions } from 'antd';
import { PORTALS } from '../portals/portals';
import { useAuthenticatedSession } from '../session/use-session';
import { PageHeader } from './page-header';

/** Placeholder 系统首页 shared by the portals until each has its own. */
export function PortalHome() {
  const session = useAuthenticatedSession();
  const org = session.institution?.name ?? session.authority?.name;
  return (
    <>
      <PageHeader title="系统首页" description={`欢迎使用医师电子化注册信息系统（${PORTALS[session.kind].name}）。`} />
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ marginTop: 16, maxWidth: 640 }}
        items={[
          { key: 'displayName', label: '姓名', children: session.displayName },
          { key: 'loginName', label: '登录名', children: session.loginName },
          { key: 'role', label: '角色', children: session.roleLabel },
          ...(org ? [{ key: 'org', label: session.institution ? '所在机构' : '所属部门', children: org }] : []),
        ]}
      />
      <Alert type="info" showIcon style={{ marginTop: 16, maxWidth: 640 }} title="页面建设中" description="系统首页正在建设中，请通过左侧菜单办理业务。" />
    </>
  );
}
