/** 人员账户 list (one page with the total), narrowed to the authorities in the actor's reach. */
import { CommonErrors, type AuthorityStaffPage, type AuthorityStaffQuery } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { AuthorityStaffErrors } from './errors';
import { countStaff, decodeStaffCursor, encodeStaffCursor, selectStaffPage, staffWhere, type StaffFilter } from './list-queries';
import { presentStaffAccount } from './presenter';
import { reachableAuthorities, staffActorOf } from './reach';

export async function staffWhereOf(c: Ctx, actor: AccountActor, f: StaffFilter) {
  const viewer = staffActorOf(actor);
  if (viewer.role !== 'authority_admin') throw CommonErrors.FORBIDDEN();
  const ids = (await reachableAuthorities(c, viewer)).map((a) => a.id);
  if (f.authorityId && !ids.includes(f.authorityId)) throw AuthorityStaffErrors.STAFF_AUTHORITY_OUT_OF_REACH({ path: ['authorityId'] });
  return { viewer, where: staffWhere(ids, f) };
}

export async function listAuthorityStaff(c: Ctx, actor: AccountActor, q: AuthorityStaffQuery): Promise<AuthorityStaffPage> {
  const { cursor, limit, ...filter } = q;
  const after = cursor ? decodeStaffCursor(cursor) : undefined;
  const { viewer, where } = await staffWhereOf(c, actor, filter);
  const [rows, total] = await Promise.all([selectStaffPage(c, where, after, limit + 1), countStaff(c, where)]);
  const page = rows.slice(0, limit);
  const now = c.now();
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentStaffAccount(r.account, r.authority, viewer, now)),
    total,
    nextCursor: rows.length > limit && last ? encodeStaffCursor(last.account.loginName) : null,
  };
}
