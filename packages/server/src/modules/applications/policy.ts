import { jurisdictionContains, type JurisdictionLevel } from '@medreg/domain';
import type { Actor } from '../../http/actor';

/** The facts about an application that decide who may see and act on it. */
export interface ApplicationAccess {
  physicianId: string;
  institutionId: string | null;
  authorityId: string | null;
  authorityAreaCode: string | null;
  authorityLevel: JurisdictionLevel | null;
  state: string;
  /** Names the decision (准予注册 / 准予备案 …); not used for access. */
  businessType?: string;
}

/** The applicant sees their own; the confirming institution once submitted; authorities by jurisdiction. */
export function canView(actor: Actor, app: ApplicationAccess): boolean {
  switch (actor.kind) {
    case 'physician':
      return actor.physicianId !== null && actor.physicianId === app.physicianId;
    case 'institution':
      return app.state !== 'draft' && actor.institutionId !== null && actor.institutionId === app.institutionId;
    case 'authority':
      if (!actor.authority || !app.authorityAreaCode || !app.authorityLevel) return false;
      if (app.state === 'draft' || app.state === 'pending_institution' || app.state === 'returned_by_institution') return false;
      return actor.authorityId === app.authorityId
        || jurisdictionContains(actor.authority, { areaCode: app.authorityAreaCode, level: app.authorityLevel });
    default:
      return false;
  }
}

/** Only the deciding authority itself decides; authorities above it may look but not decide. */
export function canDecide(actor: Actor, app: ApplicationAccess): boolean {
  return actor.kind === 'authority' && actor.authorityId !== null && actor.authorityId === app.authorityId;
}

/** Who may take a workflow action on this record (the workflow table then says whether the state allows it). */
export function canAct(actor: Actor, app: ApplicationAccess): boolean {
  if (!canView(actor, app)) return false;
  if (actor.kind === 'authority') return canDecide(actor, app);
  return true;
}
