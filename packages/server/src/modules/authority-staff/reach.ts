/**
 * The actor as the staff rule sees it, and the authorities in its reach (its own and those inside its jurisdiction).
 * Authorities are few (one per province, city and county), so the candidates are read by area prefix and the
 * domain rule itself decides which are in reach.
 */
import { eq, like } from 'drizzle-orm';
import { CommonErrors, authorityInReach, type StaffActor, type StaffAuthority } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { authorities, type Authority } from '../../db/schema/index';
import { AuthorityStaffErrors } from './errors';

const PREFIX = { national: 0, province: 2, city: 4, county: 6 } as const;

export function staffActorOf(actor: AccountActor): StaffActor & { authority: StaffAuthority } {
  if (actor.kind !== 'authority' || !actor.authorityId || !actor.authority) throw CommonErrors.FORBIDDEN();
  return { accountId: actor.accountId, role: actor.role, authority: { id: actor.authorityId, areaCode: actor.authority.areaCode, level: actor.authority.level } };
}

export function presentAuthority(a: Pick<Authority, 'id' | 'name' | 'areaCode' | 'level'>) {
  return { id: a.id, name: a.name, areaCode: a.areaCode, level: a.level };
}

/** The authorities the actor may place staff in, by area code. */
export async function reachableAuthorities(c: Ctx, actor: StaffActor & { authority: StaffAuthority }): Promise<Authority[]> {
  const n = PREFIX[actor.authority.level];
  const rows = await c.tx.select().from(authorities)
    .where(n === 0 ? undefined : like(authorities.areaCode, `${actor.authority.areaCode.slice(0, n)}%`))
    .orderBy(authorities.areaCode, authorities.name);
  return rows.filter((a) => authorityInReach(actor, a));
}

/** A destination authority the actor may place staff in; anything else is refused on the field `authorityId`. */
export async function authorityInReachOrRefuse(c: Ctx, actor: StaffActor, id: string): Promise<Authority> {
  const [row] = await c.tx.select().from(authorities).where(eq(authorities.id, id)).limit(1);
  if (!row || !authorityInReach(actor, row)) throw AuthorityStaffErrors.STAFF_AUTHORITY_OUT_OF_REACH({ path: ['authorityId'] });
  return row;
}
