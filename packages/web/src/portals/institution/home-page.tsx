import { PortalHome } from '../../components/portal-home';

/** 系统首页 of the institution portal (placeholder; to be replaced). */
export function InstitutionHomePage() {
  return <PortalHome />;
}
