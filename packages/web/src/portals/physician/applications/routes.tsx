/**
 * 业务申请 / 业务进度 of the physician portal (routes relative to /physician; spread into
 * src/portals/physician/routes.tsx by the portal's engineer):
 *   applications/new            业务申请 — the business list and the seed question 二 check
 *   applications/new/:id        the 首次注册 wizard (draft, saved as the physician goes) with the review step
 *   applications/new/business/:id   a business on the generic path (增加执业地点、变更注册、助理升执业、多机构备案、补发/换领)
 *   applications/:id/submitted  提交成功: the 业务编号 and the next step
 *   applications                业务进度 — the physician's applications, newest first
 *   applications/:id            one application with its history (timeline) and next step
 */
import { FileAddOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { PortalMenuItem, PortalRoute } from '../../types';
import { lazyPage } from '../../../components/lazy-page';

// Each page is its own chunk, loaded when opened (components/lazy-page.tsx).
const BusinessListPage = lazyPage(() => import('./business-list-page'), 'BusinessListPage');
const FirstRegistrationWizardPage = lazyPage(() => import('./wizard/wizard-page'), 'FirstRegistrationWizardPage');
const BusinessFormPage = lazyPage(() => import('./business/business-form-page'), 'BusinessFormPage');
const SubmittedPage = lazyPage(() => import('./submitted-page'), 'SubmittedPage');
const ProgressListPage = lazyPage(() => import('./progress-list-page'), 'ProgressListPage');
const ApplicationDetailPage = lazyPage(() => import('./application-detail-page'), 'ApplicationDetailPage');

export const applicationRoutes: PortalRoute[] = [
  { path: 'applications/new', element: <BusinessListPage /> },
  { path: 'applications/new/:id', element: <FirstRegistrationWizardPage /> },
  { path: 'applications/new/business/:id', element: <BusinessFormPage /> },
  { path: 'applications/:id/submitted', element: <SubmittedPage /> },
  { path: 'applications', element: <ProgressListPage /> },
  { path: 'applications/:id', element: <ApplicationDetailPage /> },
];

export const applicationMenu: PortalMenuItem[] = [
  { key: 'applications/new', label: '业务申请', icon: <FileAddOutlined /> },
  { key: 'applications', label: '业务进度', icon: <ScheduleOutlined /> },
];
