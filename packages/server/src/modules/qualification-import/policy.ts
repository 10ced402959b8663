/**
 * Who loads the qualification database: 《医师执业注册管理办法》 makes the provincial health commission responsible
 * for the province's registration data, and the exam results come to the provinces (domain §1.0 "Exam results"),
 * so only an administrator of a provincial authority — or of the national commission — may import. Reviewers and
 * the administrators of city and county authorities may not. An administrator sees the imports of their own
 * authority; an import of another authority is answered as not found.
 */
import type { AccountActor } from '../../http/actor';
import { QualificationImportErrors } from './errors';

export interface ImportKeeper { accountId: string; role: AccountActor['role']; authorityId: string }

export function importKeeper(actor: AccountActor): ImportKeeper {
  const level = actor.authority?.level;
  if (actor.kind !== 'authority' || actor.role !== 'authority_admin' || !actor.authorityId || (level !== 'province' && level !== 'national')) {
    throw QualificationImportErrors.QUALIFICATION_IMPORT_FORBIDDEN();
  }
  return { accountId: actor.accountId, role: actor.role, authorityId: actor.authorityId };
}
