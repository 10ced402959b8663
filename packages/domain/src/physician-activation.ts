/**
 * Which activation paths (§3.3) apply to a physician, from the facts of their registrations.
 * Adds to `activationMethodsFor` the choice of the "current" registration and the 规培 rule of
 * seed question 三: 「处于住院医师规范化培训…的医师，无法向机构领取激活码，则需要通过输入资格证书编码自行激活」.
 */
import { activationMethodsFor, isInvalidRegistrationStatus, type ActivationMethod, type RegistrationStatus } from './activation';

/** What activation needs to know about one registration record. */
export interface RegistrationFacts {
  status: RegistrationStatus;
  /** 规培: a registration tied to standardised residency training (§3.4, §5.6). */
  training: boolean;
  /** Whether the province of its 执业地点 has enabled e-registration (regions.e_registration_enabled). */
  eRegistrationEnabled: boolean;
}

export interface ActivationSituation {
  /** The status of the registration that decides the path; null = 有资格未注册 (never registered). */
  registrationStatus: RegistrationStatus | null;
  inERegistrationRegion: boolean;
  training: boolean;
}

/** Valid first, then suspended (中止 keeps its main institution), then the invalid ones. */
const PRIORITY: Record<RegistrationStatus, number> = { valid: 0, suspended: 1, transferred_out: 2, filed: 2, cancelled: 2 };

/**
 * The registration that decides the activation path: a live (有效/中止) one, preferring one in a region
 * on e-registration and not a training registration; otherwise any invalid one; none → 有资格未注册.
 */
export function activationSituationOf(registrations: readonly RegistrationFacts[]): ActivationSituation {
  const ranked = [...registrations].sort((a, b) =>
    PRIORITY[a.status] - PRIORITY[b.status]
    || Number(b.eRegistrationEnabled) - Number(a.eRegistrationEnabled)
    || Number(a.training) - Number(b.training));
  const current = ranked[0];
  if (!current) return { registrationStatus: null, inERegistrationRegion: true, training: false };
  return {
    registrationStatus: current.status,
    inERegistrationRegion: current.eRegistrationEnabled,
    training: !isInvalidRegistrationStatus(current.status) && current.training,
  };
}

/** The activation methods open to the physician, in the order the activation page offers them. */
export function physicianActivationMethods(registrations: readonly RegistrationFacts[]): ActivationMethod[] {
  const situation = activationSituationOf(registrations);
  const methods = activationMethodsFor(situation);
  // 规培 (seed 三): a resident cannot get a code from the training base, so the 资格证书编码 opens too.
  if (situation.training && situation.inERegistrationRegion && !methods.includes('qualification_code')) return ['qualification_code', ...methods];
  return methods;
}

/** Whether a physician with these registrations is 在册 in a region on e-registration (must use the institution's code). */
export function mustUseInstitutionCode(registrations: readonly RegistrationFacts[]): boolean {
  const methods = physicianActivationMethods(registrations);
  return methods.includes('institution_code') && !methods.includes('qualification_code');
}
