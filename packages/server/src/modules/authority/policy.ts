/**
 * Who may do what in the authority portal. Seeing follows jurisdiction (an authority sees its own and
 * its subordinates' applications: `canView`); deciding is the deciding authority's alone (`canDecide`).
 */
import { jurisdictionContains, type Jurisdiction } from '@medreg/domain';
import type { AccountActor, Actor } from '../../http/actor';
import { canDecide, type ApplicationAccess } from '../applications/policy';

/** An authority's queue is visible to its own staff and to authorities above it. */
export function canSeeAuthority(actor: Actor, authority: { id: string } & Jurisdiction): boolean {
  if (actor.kind !== 'authority' || !actor.authority) return false;
  return actor.authorityId === authority.id || jurisdictionContains(actor.authority, authority);
}

/** States in which the paper-materials checklist is kept: arrived (正在申办) and accepted (已受理). */
export const MATERIALS_STATES: readonly string[] = ['pending_authority', 'accepted'];

export function canEditMaterials(actor: AccountActor, access: ApplicationAccess): boolean {
  return canDecide(actor, access) && MATERIALS_STATES.includes(access.state);
}

/**
 * The calendar and the decision period are national rules (one State Council notice a year, 《行政许可法》第八十二条;
 * 《医师法》第十三条): the same rule for every province — an administrator of the national or of any provincial
 * commission changes them, and the change applies nationally (docs/architecture.md, "Working-day calendar").
 */
export function canAdministerCalendar(actor: Actor): boolean {
  return actor.kind === 'authority' && actor.role === 'authority_admin'
    && (actor.authority?.level === 'national' || actor.authority?.level === 'province');
}
