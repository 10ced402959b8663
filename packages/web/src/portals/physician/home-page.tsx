import { PortalHome } from '../../components/portal-home';

/** 系统首页 of the physician portal (placeholder; to be replaced). */
export function PhysicianHomePage() {
  return <PortalHome />;
}
