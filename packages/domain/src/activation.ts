/**
 * Account activation (账户激活), domain §3.1 D, §3.3 and seed questions 一, 三, 六.
 */

import { isInvalidRegistrationStatus, type RegistrationStatus } from './registration/registration-status';

/** 医师账户状态 (§3.1 D): 已注册未校验 → 已校验 (phone or e-mail verified) → 已激活. */
export const ACTIVATION_STATUSES = ['unverified', 'verified', 'active'] as const;
export type ActivationStatus = (typeof ACTIVATION_STATUSES)[number];

export const ACTIVATION_STATUS_LABELS = {
  unverified: '已注册未校验',
  verified: '已校验',
  active: '已激活',
} as const satisfies Record<ActivationStatus, string>;

/** How an account was activated (§3.3 paths 1–4; 准考证号 for new passers not yet synchronised, seed 一). */
export const ACTIVATION_METHODS = ['institution_code', 'auto_by_institution', 'qualification_code', 'admission_ticket', 'auto_on_approval'] as const;
export type ActivationMethod = (typeof ACTIVATION_METHODS)[number];

export const ACTIVATION_METHOD_LABELS = {
  institution_code: '机构激活码',
  auto_by_institution: '机构自动激活',
  qualification_code: '资格证书编码激活',
  admission_ticket: '准考证号激活',
  auto_on_approval: '审批通过后自动激活',
} as const satisfies Record<ActivationMethod, string>;

// Registration statuses live with the registration's lifecycle (registration/registration-status.ts).
export {
  REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS, INVALID_REGISTRATION_STATUSES, isInvalidRegistrationStatus, type RegistrationStatus,
} from './registration/registration-status';

/**
 * The activation methods open to a physician (§3.3):
 *  - a valid (or suspended) registration in an e-registration region → the main institution's code,
 *    or its automatic activation (path 1);
 *  - a registration in a region not yet on e-registration → apply directly, activated on approval (path 2, seed 六);
 *  - only invalid registrations → the 资格证书编码 (path 3);
 *  - qualified, never registered (有资格未注册, `registrationStatus` null) → the 资格证书编码,
 *    or the 准考证号 while the certificate is not yet issued (path 4, seed 一).
 */
export function activationMethodsFor(situation: {
  registrationStatus: RegistrationStatus | null;
  inERegistrationRegion: boolean;
}): ActivationMethod[] {
  const { registrationStatus: status, inERegistrationRegion } = situation;
  if (status === null) return ['qualification_code', 'admission_ticket'];
  if (isInvalidRegistrationStatus(status)) return ['qualification_code'];
  return inERegistrationRegion ? ['institution_code', 'auto_by_institution'] : ['auto_on_approval'];
}
