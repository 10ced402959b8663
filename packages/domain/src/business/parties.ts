/** Which institution confirms and which authority decides an application, resolved from its definition (domain §2.1, §1.3). */
import type { AuthorityRef, InstitutionRef } from '../registration/physician-snapshot';
import { BusinessErrors } from './business-errors';
import { CONFIRMING_INSTITUTION_LABELS, DECIDER_BASIS_LABELS, type BusinessContext, type BusinessDefinition, type DeciderBasis } from './definition';
import { findRegistration, proposedInstitution } from './subject-rules';

/** The institution that confirms; null when none does and the application goes straight to the authority. */
export function confirmingInstitutionOf<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>): InstitutionRef | null {
  const which = def.confirmingInstitution(ctx.form, ctx.physician);
  if (which === 'none') return null;
  const proposal = def.proposal(ctx.form, ctx.physician);
  const institution = which === 'current_main'
    ? findRegistration(ctx.physician, proposal.registrationId)?.mainInstitution
    : proposedInstitution(ctx, proposal);
  if (!institution) throw BusinessErrors.INSTITUTION_REQUIRED({ path: ['institutionId'], detail: `请选择${CONFIRMING_INSTITUTION_LABELS[which]}` });
  return institution;
}

export interface DecidingAuthority {
  authority: AuthorityRef;
  basis: DeciderBasis;
  /** e.g. 「准予注册的卫生健康主管部门（《医师法》第十八条）」. */
  label: string;
}

/**
 * The deciding authority: for a registration at an institution, the one that approved the institution
 * (办法第九条); for a change of category or scope, the one that granted the registration (《医师法》第十八条); for a
 * filing, the one that approved the filed institution (办法第十条); for a certificate, its issuer.
 */
export function decidingAuthorityOf<F>(def: BusinessDefinition<F>, ctx: BusinessContext<F>): DecidingAuthority {
  const basis = def.decider(ctx.form);
  const proposal = def.proposal(ctx.form, ctx.physician);
  const current = findRegistration(ctx.physician, proposal.registrationId);
  const authority = basis === 'granting_authority' || basis === 'issuing_authority'
    ? current?.authority
    : proposedInstitution(ctx, proposal)?.registeringAuthority;
  if (!authority) {
    throw basis === 'granting_authority' || basis === 'issuing_authority'
      ? BusinessErrors.REGISTRATION_NOT_FOUND({ path: ['registrationId'] })
      : BusinessErrors.INSTITUTION_REQUIRED({ path: ['institutionId'] });
  }
  return { authority, basis, label: DECIDER_BASIS_LABELS[basis] };
}
