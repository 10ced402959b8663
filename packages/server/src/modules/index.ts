import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import { accountsRoutes } from './accounts/routes';
import { notificationsRoutes } from './notifications/routes';
import { physiciansRoutes } from './physicians/routes';
import { qualificationsRoutes } from './qualifications/routes';
import { correctionHandlingRoutes } from './qualifications/handling-routes';
import { activationPhysicianRoutes } from './activation/physician-routes';
import { activationInstitutionRoutes } from './activation/institution-routes';
import { referenceRoutes } from './reference/routes';
import { applicationsRoutes } from './applications/routes';
import { institutionsRoutes } from './institutions/routes';
import { authorityRoutes } from './authority/routes';
import { certificatesRoutes } from './certificates/routes';
import { registerRoutes } from './register/routes';
import { fhirRoutes } from './fhir/routes';
import { auditRoutes } from './audit/routes';
import { authorityStaffRoutes } from './authority-staff/routes';
import { lifecycleRoutes } from './lifecycle/routes';
import { announcementRoutes } from './announcements/routes';
import { registrationAdminRoutes } from './registration-admin/routes';
import { infoEditRoutes } from './info-edits/routes';
import { supervisionRoutes } from './supervision/routes';
import { institutionRegistryRoutes } from './institution-registry/routes';
import { qualificationImportRoutes } from './qualification-import/routes';
import { dashboardRoutes } from './dashboard/routes';

export type ModuleRoutes = (app: FastifyInstance, deps: Deps) => Promise<void> | void;

/** Every business area's routes, registered by buildApp. */
export const MODULES: ModuleRoutes[] = [
  accountsRoutes,
  notificationsRoutes,
  physiciansRoutes,
  qualificationsRoutes,
  correctionHandlingRoutes,
  activationPhysicianRoutes,
  activationInstitutionRoutes,
  referenceRoutes,
  applicationsRoutes,
  lifecycleRoutes,
  infoEditRoutes,
  supervisionRoutes,
  institutionsRoutes,
  authorityRoutes,
  institutionRegistryRoutes,
  qualificationImportRoutes,
  certificatesRoutes,
  registerRoutes,
  announcementRoutes,
  registrationAdminRoutes,
  fhirRoutes,
  auditRoutes,
  authorityStaffRoutes,
  dashboardRoutes,
];
