/**
 * 医疗机构端 (/institution) — the ONE file that declares this portal's pages and its left menu.
 *
 * Contract (types in src/portals/types.ts; wired into the app by src/router.tsx, nothing else to edit):
 *   export const routes: PortalRoute[]   { path, element, roles? } — path relative to /institution,
 *                                         no leading slash: '' = portal home, 'applications/:id' = /institution/applications/:id
 *   export const menu: PortalMenuItem[]  { key, label, icon?, roles?, children? } — key = the same relative
 *                                         path as the route it opens; the longest key that is the current
 *                                         page or its ancestor is highlighted, so detail pages need no entry
 *
 * To add a page: put the component in this folder (kebab-case file, e.g. qualification-page.tsx),
 * import it here, add a route, and a menu item if it belongs in the menu. Replace an
 * <UnderConstruction> element with the real page. `roles` is optional and only hides/guards in the
 * browser; the server authorizes every request.
 */
import { CheckCircleOutlined, FileSearchOutlined, HomeOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { UnderConstruction } from '../../components/under-construction';
import type { PortalMenuItem, PortalRoute } from '../types';
import { InstitutionHomePage } from './home-page';

export const routes: PortalRoute[] = [
  { path: '', element: <InstitutionHomePage /> },
  { path: 'applications', element: <UnderConstruction title="医师申请业务办理" /> },
  { path: 'activation', element: <UnderConstruction title="医师账户激活" /> },
  { path: 'verification', element: <UnderConstruction title="医师验证" /> },
  { path: 'accounts', element: <UnderConstruction title="账户管理" />, roles: ['institution_admin'] },
];

export const menu: PortalMenuItem[] = [
  { key: '', label: '系统首页', icon: <HomeOutlined /> },
  { key: 'applications', label: '医师申请业务办理', icon: <FileSearchOutlined /> },
  { key: 'activation', label: '医师账户激活', icon: <CheckCircleOutlined /> },
  { key: 'verification', label: '医师验证', icon: <SafetyOutlined /> },
  { key: 'accounts', label: '账户管理', icon: <TeamOutlined />, roles: ['institution_admin'] },
];
