/**
 * Who may keep which part of the register: an authority administrator keeps the institutions whose area lies in
 * its jurisdiction (a county its county, a city its counties, a province its province). An institution outside
 * it is answered as not found. The approving authority (审批机关, the one whose registrations the institution's
 * physicians go to, 《医师执业注册管理办法》第九条) must be the administrator's own authority or one below it, and
 * its own jurisdiction must cover the institution's area.
 */
import { CommonErrors, jurisdictionContains, jurisdictionCovers, type Jurisdiction } from '@medreg/domain';
import type { AccountActor } from '../../http/actor';

export interface RegistryKeeper { accountId: string; role: AccountActor['role']; authorityId: string; authority: Jurisdiction & { name: string } }

/** The administrator keeping the register, or FORBIDDEN. */
export function registryKeeper(actor: AccountActor): RegistryKeeper {
  if (actor.kind !== 'authority' || actor.role !== 'authority_admin' || !actor.authority || !actor.authorityId) throw CommonErrors.FORBIDDEN();
  return { accountId: actor.accountId, role: actor.role, authorityId: actor.authorityId, authority: actor.authority };
}

export function coversArea(k: RegistryKeeper, areaCode: string): boolean {
  return jurisdictionCovers(k.authority, areaCode);
}

/** The prefix of area codes in the keeper's jurisdiction ('' for the national commission). */
export function jurisdictionPrefix(k: RegistryKeeper): string {
  const n = { national: 0, province: 2, city: 4, county: 6 }[k.authority.level];
  return k.authority.areaCode.slice(0, n);
}

export function approverWithinReach(k: RegistryKeeper, approver: { id: string } & Jurisdiction, areaCode: string): boolean {
  const own = approver.id === k.authorityId || jurisdictionContains(k.authority, approver);
  return own && approver.level !== 'national' && jurisdictionCovers(approver, areaCode);
}

export function institutionAbilities(k: RegistryKeeper, inst: { areaCode: string; status: string }) {
  const mine = coversArea(k, inst.areaCode);
  return { edit: mine, suspend: mine && inst.status === 'normal', reopen: mine && inst.status === 'suspended' };
}
