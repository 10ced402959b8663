/**
 * 卫生健康行政部门端 (/authority) — the ONE file that declares this portal's pages and its left menu.
 *
 * Contract (types in src/portals/types.ts; wired into the app by src/router.tsx, nothing else to edit):
 *   export const routes: PortalRoute[]   { path, element, roles? } — path relative to /authority,
 *                                         no leading slash: '' = portal home, 'applications/:id' = /authority/applications/:id
 *   export const menu: PortalMenuItem[]  { key, label, icon?, roles?, children? } — key = the same relative
 *                                         path as the route it opens; the longest key that is the current
 *                                         page or its ancestor is highlighted, so detail pages need no entry
 *
 * To add a page: put the component in this folder (kebab-case file, e.g. qualification-page.tsx),
 * import it here, add a route, and a menu item if it belongs in the menu. Replace an
 * <UnderConstruction> element with the real page. `roles` is optional and only hides/guards in the
 * browser; the server authorizes every request.
 */
import { AuditOutlined, BankOutlined, BarChartOutlined, CloudUploadOutlined, CalendarOutlined, EditOutlined, FileSearchOutlined, HomeOutlined, IdcardOutlined, SafetyCertificateOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import type { PortalMenuItem, PortalRoute } from '../types';
import { lazyPage } from '../../components/lazy-page';
import './authority.css';
import { CalendarWarningBanner } from './calendar-warning';

// Each page is its own chunk, loaded when opened (components/lazy-page.tsx).
const AssessmentsPage = lazyPage(() => import('./assessments-page'), 'AssessmentsPage');
const AuditPage = lazyPage(() => import('./audit-page'), 'AuditPage');
const CalendarPage = lazyPage(() => import('./calendar-page'), 'CalendarPage');
const DashboardPage = lazyPage(() => import('./dashboard-page'), 'DashboardPage');
const AuthorityHomePage = lazyPage(() => import('./home-page'), 'AuthorityHomePage');
const InstitutionRegistryPage = lazyPage(() => import('./institution-registry-page'), 'InstitutionRegistryPage');
const PenaltiesPage = lazyPage(() => import('./penalties-page'), 'PenaltiesPage');
const QualificationCorrectionsPage = lazyPage(() => import('./qualification-corrections-page'), 'QualificationCorrectionsPage');
const QualificationImportPage = lazyPage(() => import('./qualification-import-page'), 'QualificationImportPage');
const RegistrationsPage = lazyPage(() => import('./registrations-page'), 'RegistrationsPage');
const ReviewDetailPage = lazyPage(() => import('./review-detail-page'), 'ReviewDetailPage');
const ReviewQueuePage = lazyPage(() => import('./review-queue-page'), 'ReviewQueuePage');
const StaffPage = lazyPage(() => import('./staff-page'), 'StaffPage');

/** Every page carries the calendar warning for the administrators who can act on it (calendar-warning.tsx). */
const warned = (page: React.ReactNode) => <><CalendarWarningBanner />{page}</>;

const pages: PortalRoute[] = [
  { path: '', element: <AuthorityHomePage /> },
  { path: 'reviews', element: <ReviewQueuePage /> },
  { path: 'dashboard', element: <DashboardPage /> },
  { path: 'reviews/:id', element: <ReviewDetailPage /> },
  { path: 'qualification-corrections', element: <QualificationCorrectionsPage /> },
  { path: 'registrations', element: <RegistrationsPage /> },
  { path: 'assessments', element: <AssessmentsPage /> },
  { path: 'penalties', element: <PenaltiesPage /> },
  { path: 'calendar', element: <CalendarPage /> }, // shows the warning itself
  { path: 'audit', element: <AuditPage />, roles: ['authority_admin'] },
  { path: 'staff', element: <StaffPage />, roles: ['authority_admin'] },
  { path: 'institution-registry', element: <InstitutionRegistryPage />, roles: ['authority_admin'] },
  { path: 'qualification-imports', element: <QualificationImportPage />, roles: ['authority_admin'] },
];

export const routes: PortalRoute[] = pages.map((r) => (r.path === 'calendar' ? r : { ...r, element: warned(r.element) }));

export const menu: PortalMenuItem[] = [
  { key: '', label: '系统首页', icon: <HomeOutlined /> },
  { key: 'reviews', label: '审批工作台', icon: <AuditOutlined /> },
  { key: 'dashboard', label: '统计看板', icon: <BarChartOutlined /> },
  { key: 'qualification-corrections', label: '资格补改', icon: <EditOutlined /> },
  { key: 'registrations', label: '执业注册管理', icon: <IdcardOutlined /> },
  { key: 'assessments', label: '定期考核', icon: <SafetyCertificateOutlined /> },
  { key: 'penalties', label: '处分决定', icon: <StopOutlined /> },
  { key: 'calendar', label: '工作日历', icon: <CalendarOutlined /> },
  { key: 'audit', label: '审计日志', icon: <FileSearchOutlined />, roles: ['authority_admin'] },
  { key: 'staff', label: '人员账户', icon: <TeamOutlined />, roles: ['authority_admin'] },
  { key: 'institution-registry', label: '医疗机构管理', icon: <BankOutlined />, roles: ['authority_admin'] },
  { key: 'qualification-imports', label: '资格数据导入', icon: <CloudUploadOutlined />, roles: ['authority_admin'] },
];
