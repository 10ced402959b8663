/**
 * The authority's view of one application: the shared detail view (`presentApplication` of the applications
 * module: applicant, qualification, form, timeline, allowedActions, decision document) plus what the deciding
 * authority works with — the clock (受理日, 法定办结日期, 剩余工作日), the paper-materials checklist, the
 * applicant's contact, the registration an approval created, and whether this actor decides or only looks.
 */
import { WORKFLOW_TABLE, materialsChecklist, todayInChina } from '@medreg/domain';
import type { AccountActor } from '../../http/actor';
import { presentApplication, type ApplicationView, type PresentOptions } from '../applications/presenter';
import type { AuthorityExtrasRow } from './detail-queries';

export interface AuthorityFacts {
  deadline: { workingDaysLeft: number | null; overdue: boolean };
  canDecide: boolean;
  canEditMaterials: boolean;
}

export function presentForAuthority(view: ApplicationView, actor: AccountActor, opts: PresentOptions, extras: AuthorityExtrasRow | undefined, facts: AuthorityFacts) {
  const { app } = view;
  return {
    ...presentApplication(view, actor, opts),
    acceptedOn: app.acceptedAt ? todayInChina(app.acceptedAt) : null,
    // 《行政许可法》第三十二条: 逾期未告知补正，视为受理 (jobs/deemed-acceptance.ts).
    deemedAcceptedOn: app.deemedAcceptedOn,
    deemedAcceptanceLabel: app.deemedAcceptedOn ? WORKFLOW_TABLE.deem_accept.label : null,
    ...facts.deadline,
    contact: { phone: extras?.phone ?? null, email: extras?.email ?? null },
    activation: extras ? { status: extras.activationStatus, pendingPath: extras.pendingActivationPath } : null,
    materials: materialsChecklist(app.materials),
    registration: extras?.registration?.id ? extras.registration : null,
    canDecide: facts.canDecide,
    canEditMaterials: facts.canEditMaterials,
  };
}

export type AuthorityApplicationView = ReturnType<typeof presentForAuthority>;
