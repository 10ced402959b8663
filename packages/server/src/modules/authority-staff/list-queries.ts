/** 人员账户 list: the staff of the authorities in reach, filtered, in login-name order, keyset-paginated. */
import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthorityStaffQuery } from '@medreg/domain';
import type { Ctx } from '../../context';
import { accounts, authorities } from '../../db/schema/index';
import { decodeCursor, encodeCursor } from '../../db/cursor';
import { AuthorityStaffErrors } from './errors';

export type StaffFilter = Omit<AuthorityStaffQuery, 'cursor' | 'limit'>;

const sortKey = sql<string>`lower(${accounts.loginName})`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The WHERE of the list, its count and the export; `authorityIds` are the authorities in reach. */
export function staffWhere(authorityIds: string[], f: StaffFilter): SQL | undefined {
  const name = f.name ? `%${escapeLike(f.name)}%` : undefined;
  return and(
    eq(accounts.kind, 'authority'),
    inArray(accounts.authorityId, authorityIds),
    f.authorityId ? eq(accounts.authorityId, f.authorityId) : undefined,
    f.role ? eq(accounts.role, f.role) : undefined,
    f.status ? eq(accounts.disabled, f.status === 'disabled') : undefined,
    name ? or(ilike(accounts.loginName, name), ilike(accounts.displayName, name)) : undefined,
  );
}

export function decodeStaffCursor(raw: string): string {
  const [key] = decodeCursor(raw, z.tuple([z.string().min(1).max(64)]), AuthorityStaffErrors.STAFF_CURSOR_INVALID);
  return key;
}

export const encodeStaffCursor = (loginName: string) => encodeCursor([loginName.toLowerCase()]);

export async function selectStaffPage(c: Ctx, where: SQL | undefined, after: string | undefined, limit: number) {
  return c.tx.select({ account: accounts, authority: authorities }).from(accounts)
    .innerJoin(authorities, eq(authorities.id, accounts.authorityId))
    .where(and(where, after !== undefined ? gt(sortKey, after) : undefined))
    .orderBy(asc(sortKey))
    .limit(limit);
}

export async function countStaff(c: Ctx, where: SQL | undefined): Promise<number> {
  const [row] = await c.tx.select({ n: sql<number>`count(*)::int` }).from(accounts).where(where);
  return row?.n ?? 0;
}
