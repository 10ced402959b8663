/**
 * 医师个人端 (/physician) — the ONE file that declares this portal's pages and its left menu.
 *
 * Contract (types in src/portals/types.ts; wired into the app by src/router.tsx, nothing else to edit):
 *   export const routes: PortalRoute[]   { path, element, roles? } — path relative to /physician,
 *                                         no leading slash: '' = portal home, 'applications/:id' = /physician/applications/:id
 *   export const menu: PortalMenuItem[]  { key, label, icon?, roles?, children? } — key = the same relative
 *                                         path as the route it opens; the longest key that is the current
 *                                         page or its ancestor is highlighted, so detail pages need no entry
 *   export const publicRoutes: PortalRoute[]  pages under /physician that need NO sign-in (注册新账号);
 *                                         they render in the plain site layout, without the portal menu
 *
 * To add a page: put the component in this folder (kebab-case file, e.g. qualification-page.tsx),
 * import it here, add a route, and a menu item if it belongs in the menu. Replace an
 * <UnderConstruction> element with the real page. `roles` is optional and only hides/guards in the
 * browser; the server authorizes every request.
 */
import { AuditOutlined, FileAddOutlined, HomeOutlined, IdcardOutlined, ScheduleOutlined } from '@ant-design/icons';
import { UnderConstruction } from '../../components/under-construction';
import type { PortalMenuItem, PortalRoute } from '../types';
import { PhysicianHomePage } from './home-page';
import { PhysicianRegisterPage } from './register-page';

export const routes: PortalRoute[] = [
  { path: '', element: <PhysicianHomePage /> },
  { path: 'qualifications', element: <UnderConstruction title="资格信息" /> },
  { path: 'practice', element: <UnderConstruction title="执业信息" /> },
  { path: 'applications/new', element: <UnderConstruction title="业务申请" /> },
  { path: 'applications', element: <UnderConstruction title="业务进度" /> },
];

export const menu: PortalMenuItem[] = [
  { key: '', label: '系统首页', icon: <HomeOutlined /> },
  { key: 'qualifications', label: '资格信息', icon: <IdcardOutlined /> },
  { key: 'practice', label: '执业信息', icon: <AuditOutlined /> },
  { key: 'applications/new', label: '业务申请', icon: <FileAddOutlined /> },
  { key: 'applications', label: '业务进度', icon: <ScheduleOutlined /> },
];

export const publicRoutes: PortalRoute[] = [
  // 【注册新账号】 from the physician login page.
  { path: 'register', element: <PhysicianRegisterPage /> },
];
