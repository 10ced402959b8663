import { CommonErrors } from '@medreg/domain';
import type { AccountActor } from '../../http/actor';

/**
 * The institution an institution-staff actor works for. Routes admit only institution accounts,
 * whose rows always carry an institution (CHECK accounts_institution_binding); this narrows the type.
 */
export function institutionIdOf(actor: AccountActor): string {
  if (actor.kind !== 'institution' || !actor.institutionId) throw CommonErrors.FORBIDDEN({ detail: '当前账户不属于医疗机构' });
  return actor.institutionId;
}

/** The institution admin manages the clerks of the same institution, never other admins nor other institutions' staff. */
export function canManageStaff(actor: AccountActor, target: { institutionId: string | null; role: string }): boolean {
  return actor.role === 'institution_admin' && actor.institutionId !== null
    && target.institutionId === actor.institutionId && target.role === 'institution_clerk';
}
