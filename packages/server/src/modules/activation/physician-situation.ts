/**
 * The facts that decide a physician's activation paths (domain §3.3): their registrations, the
 * e-registration flag of each registration's province, and their current main institution.
 */
import { physicianActivationMethods, mustUseInstitutionCode, type ActivationMethod, type RegistrationFacts } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { Physician } from '../../db/schema/index';
import { registrationsOf, type RegistrationRow } from '../physicians/queries';

export interface ActivationSituationView {
  registrations: RegistrationRow[];
  methods: ActivationMethod[];
  /** A valid registration in an e-registration region: only the institution's code (or its auto-activation). */
  institutionOnly: boolean;
  /** The valid registration at the current main institution, when there is one. */
  mainRegistration: RegistrationRow | undefined;
}

export function registrationFacts(rows: RegistrationRow[]): RegistrationFacts[] {
  return rows.map((r) => ({
    status: r.registration.status,
    training: r.registration.training,
    // A region missing from the table counts as on e-registration (the column's default).
    eRegistrationEnabled: r.eRegistrationEnabled ?? true,
  }));
}

export async function activationSituation(c: Ctx, physician: Physician): Promise<ActivationSituationView> {
  const registrations = await registrationsOf(c, physician.id);
  const facts = registrationFacts(registrations);
  return {
    registrations,
    methods: physicianActivationMethods(facts),
    institutionOnly: mustUseInstitutionCode(facts),
    mainRegistration: registrations.find((r) => r.registration.status === 'valid'
      && r.registration.mainInstitutionId === physician.mainInstitutionId && (r.eRegistrationEnabled ?? true)),
  };
}
