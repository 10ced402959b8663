/**
 * Whose registrations an actor may supervise (domain §5.4, §1.3): an institution its own physicians — the
 * registrations whose main institution it is (《医师执业注册管理办法》第十一条: the main institution updates the
 * assessment results); an authority the registrations granted by authorities within its jurisdiction (the same or
 * a lower level, in its area). Anything else is answered as not found. As SQL on `registrations` joined with the
 * granting `authorities`, so lists and look-ups narrow the same way.
 */
import { eq, inArray, like, type SQL } from 'drizzle-orm';
import { CommonErrors } from '@medreg/domain';
import { authorities, registrations } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { correctionFilterFor } from '../qualifications/policy';

export type SupervisionScope =
  | { kind: 'institution'; institutionId: string }
  | { kind: 'authority'; authorityId: string; levels: string[]; areaPrefix: string };

export function supervisionScopeOf(actor: AccountActor): SupervisionScope {
  if (actor.kind === 'institution' && actor.institutionId) return { kind: 'institution', institutionId: actor.institutionId };
  if (actor.kind === 'authority' && actor.authority && actor.authorityId) {
    const f = correctionFilterFor(actor.authority);
    return { kind: 'authority', authorityId: actor.authorityId, levels: f.levels, areaPrefix: f.areaPrefix };
  }
  throw CommonErrors.FORBIDDEN();
}

/** Only the authority decides suspensions and penalties (《医师法》第四十二条、第五十五条至第五十八条). */
export function authorityScopeOf(actor: AccountActor): Extract<SupervisionScope, { kind: 'authority' }> {
  const scope = supervisionScopeOf(actor);
  if (scope.kind !== 'authority') throw CommonErrors.FORBIDDEN({ detail: '暂停执业活动和处分决定由卫生健康主管部门作出' });
  return scope;
}

/** Conditions on `registrations` (and the joined granting `authorities`). */
export function registrationsInScope(scope: SupervisionScope): SQL[] {
  if (scope.kind === 'institution') return [eq(registrations.mainInstitutionId, scope.institutionId)];
  const out: SQL[] = [inArray(authorities.level, scope.levels as ('national' | 'province' | 'city' | 'county')[])];
  if (scope.areaPrefix) out.push(like(authorities.areaCode, `${scope.areaPrefix}%`));
  return out;
}
