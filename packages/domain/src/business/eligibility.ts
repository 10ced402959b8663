/**
 * Who may apply, in full: the definition's own rules plus the rule on applications in progress — an application
 * waits for no other on the same record when it would change it (domain §2.2 BT-03: the physician practises under
 * the old items until a change is approved, so two changes at once would each be decided against a registration the
 * other is changing). 增加执业地点, 多机构备案 and 补发 do not change the registration and may run side by side.
 */
import { BUSINESS_TYPE_INFO, type BusinessType } from '../business-types';
import type { IsoDate } from '../calendar/iso-date';
import type { DomainError } from '../errors';
import type { PendingBusiness, PhysicianSnapshot } from '../registration/physician-snapshot';
import { BusinessErrors } from './business-errors';
import type { BusinessDefinition, BusinessSubject } from './definition';
import { findFiling } from './subject-rules';

/** Types whose decision changes the registration they start from (重新注册 opens a new record instead). */
export const REGISTRATION_CHANGING_TYPES = ['change_registration', 'assistant_upgrade', 'cancellation'] as const satisfies readonly BusinessType[];

function changes(type: BusinessType): boolean {
  return (REGISTRATION_CHANGING_TYPES as readonly BusinessType[]).includes(type);
}

/** 变更中: an application that would change the registration is in progress (registrationStatusLabel's `changePending`). */
export function changePendingOn(physician: PhysicianSnapshot, registrationId: string): boolean {
  return physician.pending.some((p) => p.registrationId === registrationId && changes(p.type));
}

function sameSubject(p: PendingBusiness, registrationId: string | undefined, filingId: string | undefined): boolean {
  return (p.registrationId ?? undefined) === registrationId && (p.filingId ?? undefined) === filingId;
}

function pendingRefusals<F>(def: BusinessDefinition<F>, physician: PhysicianSnapshot, subject: BusinessSubject): DomainError[] {
  const registrationId = subject.registrationId ?? findFiling(physician, subject.filingId)?.registrationId;
  // A new filing is told apart by its institution (FILING_DUPLICATE), not by the registration it hangs on.
  const newFiling = def.startsFrom === 'registration_or_filing' && subject.filingId === undefined;
  const errors: DomainError[] = [];
  if (!newFiling && physician.pending.some((p) => p.type === def.type && sameSubject(p, registrationId, subject.filingId))) {
    errors.push(BusinessErrors.APPLICATION_PENDING({ detail: `已有「${BUSINESS_TYPE_INFO[def.type].label}」申请正在办理，请等待办结或撤回后再申请` }));
  }
  const busy = registrationId !== undefined && physician.pending.some((p) =>
    p.registrationId === registrationId && p.type !== def.type && (def.changesRegistration || changes(p.type)));
  if (busy) errors.push(BusinessErrors.REGISTRATION_BUSY({ path: ['registrationId'] }));
  return errors;
}

/** Every refusal that keeps the physician from applying for `def` on `subject` on `today`; [] when eligible. */
export function eligibilityRefusals<F>(def: BusinessDefinition<F>, physician: PhysicianSnapshot, subject: BusinessSubject = {}, today?: IsoDate): DomainError[] {
  return [...pendingRefusals(def, physician, subject), ...def.whoMayApply(physician, subject, today)];
}

/** The registrations the physician may start `def` from (for the list the form opens with). */
export function eligibleRegistrationIds<F>(def: BusinessDefinition<F>, physician: PhysicianSnapshot, today?: IsoDate): string[] {
  return physician.registrations.filter((r) => eligibilityRefusals(def, physician, { registrationId: r.id }, today).length === 0).map((r) => r.id);
}

/** The statutory clock: 20 working days for a licensing decision, none for a filing or a certificate (business-types.ts). */
export function statutoryWorkingDaysOf<F>(def: BusinessDefinition<F>): number | null {
  return BUSINESS_TYPE_INFO[def.type].statutoryWorkingDays;
}
