/** The business types defined so far, each by its one definition. */
import type { BusinessType } from '../business-types';
import { additionalRegistration } from './additional-registration';
import { assistantUpgrade } from './assistant-upgrade';
import { cancellation } from './cancellation';
import { certificateReissue } from './certificate-reissue';
import { changeRegistration } from './change-registration';
import type { BusinessDefinition } from './definition';
import { firstRegistration } from './first-registration';
import { multiSiteFiling } from './multi-site-filing';
import { reRegistration } from './re-registration';

export const BUSINESS_DEFINITIONS = {
  first_registration: firstRegistration,
  additional_registration: additionalRegistration,
  change_registration: changeRegistration,
  assistant_upgrade: assistantUpgrade,
  multi_site_filing: multiSiteFiling,
  certificate_reissue: certificateReissue,
  re_registration: reRegistration,
  cancellation,
} as const satisfies { [K in BusinessType]?: BusinessDefinition<unknown> & { type: K } };

export type DefinedBusinessType = keyof typeof BUSINESS_DEFINITIONS;
export const DEFINED_BUSINESS_TYPES = Object.keys(BUSINESS_DEFINITIONS) as DefinedBusinessType[];

export function isDefinedBusinessType(type: unknown): type is DefinedBusinessType {
  return typeof type === 'string' && Object.hasOwn(BUSINESS_DEFINITIONS, type);
}

/** The definition of a type, read through the common interface (its form parses to unknown). */
export function businessDefinition(type: BusinessType): BusinessDefinition<unknown> | undefined {
  return isDefinedBusinessType(type) ? BUSINESS_DEFINITIONS[type] : undefined;
}
