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
 *
 * Activation gate (domain §3.1 D): before activation only the 账户激活 screens are offered. Business pages
 * are wrapped in <RequireActivation>; their menu items carry <GatedLabel when="unlocked"> and the
 * activation screens <GatedLabel when="locked">, so the menu follows the account's state.
 * 业务申请 / 业务进度 come from ./applications/routes (owned by the applications engineer).
 */
import {
  AuditOutlined, EditOutlined, FileSearchOutlined, HomeOutlined, IdcardOutlined, KeyOutlined, MobileOutlined, SolutionOutlined,
} from '@ant-design/icons';
import type { PortalMenuItem, PortalRoute } from '../types';
import { lazyPage } from '../../components/lazy-page';
import { GatedLabel, RequireActivation } from './activation-gate';
import { applicationMenu, applicationRoutes } from './applications/routes';

// Each page is its own chunk, loaded when opened (components/lazy-page.tsx).
const ActivationPage = lazyPage(() => import('./activation-page'), 'ActivationPage');
const AssessmentsInfoPage = lazyPage(() => import('./assessments-page'), 'AssessmentsInfoPage');
const QualificationCorrectionsPage = lazyPage(() => import('./corrections-page'), 'QualificationCorrectionsPage');
const PhysicianHomePage = lazyPage(() => import('./home-page'), 'PhysicianHomePage');
const InfoEditPage = lazyPage(() => import('./info-edit-page'), 'InfoEditPage');
const PracticePage = lazyPage(() => import('./practice-page'), 'PracticePage');
const QualificationCheckPage = lazyPage(() => import('./qualification-check-page'), 'QualificationCheckPage');
const QualificationsPage = lazyPage(() => import('./qualifications-page'), 'QualificationsPage');
const PhysicianRegisterPage = lazyPage(() => import('./register-page'), 'PhysicianRegisterPage');
const VerifyPhonePage = lazyPage(() => import('./verify-phone-page'), 'VerifyPhonePage');

const gated = (route: PortalRoute): PortalRoute => ({ ...route, element: <RequireActivation>{route.element}</RequireActivation> });
const afterActivation = (item: PortalMenuItem): PortalMenuItem => ({ ...item, label: <GatedLabel when="unlocked">{item.label}</GatedLabel> });

export const routes: PortalRoute[] = [
  { path: '', element: <PhysicianHomePage /> },
  // Before activation (seed 第二步, questions 一, 三, 五, 六).
  { path: 'verify-phone', element: <VerifyPhonePage /> },
  { path: 'qualification-check', element: <QualificationCheckPage /> },
  { path: 'activation', element: <ActivationPage /> },
  { path: 'qualification-corrections', element: <QualificationCorrectionsPage /> },
  // After activation: 「激活后系统开放所有功能」.
  gated({ path: 'qualifications', element: <QualificationsPage /> }),
  gated({ path: 'practice', element: <PracticePage /> }),
  gated({ path: 'info-edit', element: <InfoEditPage /> }),
  gated({ path: 'assessments', element: <AssessmentsInfoPage /> }),
  ...applicationRoutes.map(gated),
];

export const menu: PortalMenuItem[] = [
  { key: '', label: '系统首页', icon: <HomeOutlined /> },
  { key: 'verify-phone', label: <GatedLabel when="locked">验证手机号</GatedLabel>, icon: <MobileOutlined /> },
  { key: 'qualification-check', label: <GatedLabel when="locked">医师资格校验</GatedLabel>, icon: <FileSearchOutlined /> },
  { key: 'activation', label: <GatedLabel when="locked">账户激活</GatedLabel>, icon: <KeyOutlined /> },
  afterActivation({ key: 'qualifications', label: '资格信息', icon: <IdcardOutlined /> }),
  afterActivation({ key: 'practice', label: '执业信息', icon: <AuditOutlined /> }),
  afterActivation({ key: 'info-edit', label: '个人信息修改', icon: <EditOutlined /> }),
  afterActivation({ key: 'assessments', label: '考核信息', icon: <SolutionOutlined /> }),
  ...applicationMenu.map(afterActivation),
  { key: 'qualification-corrections', label: '资格补改指南', icon: <SolutionOutlined /> },
];

export const publicRoutes: PortalRoute[] = [
  // 【注册新账号】 from the physician login page.
  { path: 'register', element: <PhysicianRegisterPage /> },
];
