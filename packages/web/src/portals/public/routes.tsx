/**
 * 公众查询 (/public) — open to everyone, no sign-in — the ONE file that declares this portal's pages and its left menu.
 *
 * Contract (types in src/portals/types.ts; wired into the app by src/router.tsx, nothing else to edit):
 *   export const routes: PortalRoute[]   { path, element, roles? } — path relative to /public,
 *                                         no leading slash: '' = portal home, 'applications/:id' = /public/applications/:id
 *   export const menu: PortalMenuItem[]  { key, label, icon?, roles?, children? } — key = the same relative
 *                                         path as the route it opens; the longest key that is the current
 *                                         page or its ancestor is highlighted, so detail pages need no entry
 *
 * To add a page: put the component in this folder (kebab-case file, e.g. qualification-page.tsx),
 * import it here, add a route, and a menu item if it belongs in the menu. Replace an
 * <UnderConstruction> element with the real page. `roles` is optional and only hides/guards in the
 * browser; the server authorizes every request.
 */
import { NotificationOutlined, SearchOutlined } from '@ant-design/icons';
import { Navigate } from 'react-router';
import type { PortalMenuItem, PortalRoute } from '../types';
import { lazyPage } from '../../components/lazy-page';

// Each page is its own chunk, loaded when opened (components/lazy-page.tsx).
const AnnouncementsPage = lazyPage(() => import('./announcements-page'), 'AnnouncementsPage');
const PublicSearchPage = lazyPage(() => import('./search-page'), 'PublicSearchPage');
const VerifyPage = lazyPage(() => import('./verify-page'), 'VerifyPage');

export const routes: PortalRoute[] = [
  { path: '', element: <Navigate to="/public/search" replace /> },
  { path: 'search', element: <PublicSearchPage /> },
  { path: 'announcements', element: <AnnouncementsPage /> },
  // Opened by the QR code on the 电子化医师执业证书 (no menu entry: it needs the certificate's token).
  { path: 'verify/:token', element: <VerifyPage /> },
];

export const menu: PortalMenuItem[] = [
  { key: 'search', label: '医师执业注册信息查询', icon: <SearchOutlined /> },
  { key: 'announcements', label: '注册公告', icon: <NotificationOutlined /> },
];
