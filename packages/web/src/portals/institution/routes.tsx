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
import { ApartmentOutlined, AuditOutlined, BarChartOutlined, CheckCircleOutlined, IdcardOutlined, FileSearchOutlined, HomeOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import type { PortalMenuItem, PortalRoute } from '../types';
import { lazyPage } from '../../components/lazy-page';

// Each page is its own chunk, loaded when opened (components/lazy-page.tsx).
const AccountsPage = lazyPage(() => import('./accounts-page'), 'AccountsPage');
const InstitutionAssessmentsPage = lazyPage(() => import('./assessments-page'), 'InstitutionAssessmentsPage');
const ActivationPage = lazyPage(() => import('./activation-page'), 'ActivationPage');
const ApplicationPage = lazyPage(() => import('./application-page'), 'ApplicationPage');
const ApplicationsPage = lazyPage(() => import('./applications-page'), 'ApplicationsPage');
const InstitutionHomePage = lazyPage(() => import('./home-page'), 'InstitutionHomePage');
const InfoEditsPage = lazyPage(() => import('./info-edits-page'), 'InfoEditsPage');
const MultiSitePage = lazyPage(() => import('./multi-site-page'), 'MultiSitePage');
const PhysiciansPage = lazyPage(() => import('./physicians-page'), 'PhysiciansPage');
const StatisticsPage = lazyPage(() => import('./statistics-page'), 'StatisticsPage');
const VerificationPage = lazyPage(() => import('./verification-page'), 'VerificationPage');

export const routes: PortalRoute[] = [
  { path: '', element: <InstitutionHomePage /> },
  { path: 'applications', element: <ApplicationsPage /> },
  { path: 'applications/:id', element: <ApplicationPage /> },
  { path: 'physicians', element: <PhysiciansPage /> },
  { path: 'statistics', element: <StatisticsPage /> },
  { path: 'info-edits', element: <InfoEditsPage /> },
  { path: 'multi-site-physicians', element: <MultiSitePage /> },
  { path: 'assessments', element: <InstitutionAssessmentsPage /> },
  // 医师账户激活 and 账户管理 are the institution admin's (the server refuses clerks with 403 too).
  { path: 'activation', element: <ActivationPage />, roles: ['institution_admin'] },
  { path: 'verification', element: <VerificationPage /> },
  { path: 'accounts', element: <AccountsPage />, roles: ['institution_admin'] },
];

export const menu: PortalMenuItem[] = [
  { key: '', label: '系统首页', icon: <HomeOutlined /> },
  { key: 'applications', label: '医师申请业务办理', icon: <FileSearchOutlined /> },
  { key: 'physicians', label: '本机构医师', icon: <IdcardOutlined /> },
  { key: 'info-edits', label: '信息修改审核', icon: <AuditOutlined /> },
  { key: 'multi-site-physicians', label: '多机构执业医师', icon: <ApartmentOutlined /> },
  { key: 'assessments', label: '定期考核', icon: <SafetyOutlined /> },
  { key: 'statistics', label: '本机构统计', icon: <BarChartOutlined /> },
  { key: 'activation', label: '医师账户激活', icon: <CheckCircleOutlined />, roles: ['institution_admin'] },
  { key: 'verification', label: '医师验证', icon: <SafetyOutlined /> },
  { key: 'accounts', label: '账户管理', icon: <TeamOutlined />, roles: ['institution_admin'] },
];
