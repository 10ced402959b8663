import { jurisdictionContains, type JurisdictionLevel } from '@medreg/domain';
import type { Actor } from '../../http/actor';

/** The facts about a registration that decide who may open its electronic certificate. */
export interface CertificateAccess {
  physicianId: string;
  mainInstitutionId: string;
  authorityId: string;
  authorityAreaCode: string;
  authorityLevel: JurisdictionLevel;
}

/**
 * BT-10 电子证照: the physician views and downloads their own; the main institution opens it (查看电子证照, [S20]);
 * the registering authority and the authorities above it (jurisdiction covering it) open it too.
 * Anyone else is answered as if the registration did not exist.
 */
export function canViewCertificate(actor: Actor, r: CertificateAccess): boolean {
  switch (actor.kind) {
    case 'physician':
      return actor.physicianId !== null && actor.physicianId === r.physicianId;
    case 'institution':
      return actor.institutionId !== null && actor.institutionId === r.mainInstitutionId;
    case 'authority':
      if (!actor.authority) return false;
      return actor.authorityId === r.authorityId
        || jurisdictionContains(actor.authority, { areaCode: r.authorityAreaCode, level: r.authorityLevel });
    default:
      return false;
  }
}
