/**
 * 执业注册管理 of the authority portal: an authority sees the registrations it granted and those its subordinates
 * granted (the jurisdiction tree, as for the queues: authority/policy.ts); a registration outside reads as not found.
 * 依职权注销 (《医师法》第十七条第三款) is the granting authority's, or a superior's in whose jurisdiction it lies.
 */
import { jurisdictionContains, type JurisdictionLevel } from '@medreg/domain';
import type { AccountActor } from '../../http/actor';

export interface RegistrationAuthority {
  id: string;
  areaCode: string;
  level: JurisdictionLevel;
}

export function canSeeRegistration(actor: AccountActor, granting: RegistrationAuthority): boolean {
  if (actor.kind !== 'authority' || !actor.authority) return false;
  return actor.authorityId === granting.id || jurisdictionContains(actor.authority, granting);
}

/** Cancelling ex officio: the same reach as seeing (the granting authority or one above it). */
export function canCancelExOfficio(actor: AccountActor, granting: RegistrationAuthority, status: string): boolean {
  return canSeeRegistration(actor, granting) && ['valid', 'suspended', 'filed'].includes(status);
}
