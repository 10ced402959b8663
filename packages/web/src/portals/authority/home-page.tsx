import { PortalHome } from '../../components/portal-home';

/** 系统首页 of the authority portal (placeholder; to be replaced). */
export function AuthorityHomePage() {
  return <PortalHome />;
}
