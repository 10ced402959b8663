/** 账户管理 as an export (Excel and CSV): the institution's staff accounts in the list's order (admins first, newest first). */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { exactUtc } from '../../db/cursor';
import { accounts } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { chinaDateTime } from '../../http/export/cells';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { institutionIdOf } from './policy';
import { presentStaff } from './staff';

/** An institution has few staff accounts; an export stops here. */
export const INSTITUTION_STAFF_EXPORT_MAX = 5_000;

/** created_at as PostgreSQL printed it (microseconds): a JavaScript Date would drop them. */
type StaffCursor = { role: string; createdAt: string; id: string };
type StaffItem = ReturnType<typeof presentStaff>;

const COLUMNS: readonly ExportColumn<StaffItem>[] = [
  { header: '登录名', width: 16, value: (a) => a.loginName },
  { header: '姓名', width: 10, value: (a) => a.displayName },
  { header: '角色', width: 12, value: (a) => a.roleLabel },
  { header: '状态', width: 8, value: (a) => (a.disabled ? '已停用' : a.lockedUntil ? '已锁定' : '正常') },
  { header: '手机号', width: 14, value: (a) => a.phone },
  { header: '电子邮箱', width: 22, value: (a) => a.email },
  { header: '创建时间', width: 20, value: (a) => chinaDateTime(a.createdAt) },
];

/** The list's order — role, then newest first — as a keyset on (role asc, created_at desc, id desc). */
function selectStaffPage(c: Ctx, institutionId: string, cursor: StaffCursor | undefined, limit: number) {
  const after = cursor
    ? sql`(${accounts.role} > ${cursor.role} OR (${accounts.role} = ${cursor.role} AND (${accounts.createdAt}, ${accounts.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)))`
    : undefined;
  return c.tx.select({ account: accounts, createdExact: exactUtc(accounts.createdAt) }).from(accounts).where(and(eq(accounts.institutionId, institutionId), after))
    .orderBy(asc(accounts.role), desc(accounts.createdAt), desc(accounts.id)).limit(limit);
}

export function institutionStaffSheet(c: Ctx, actor: AccountActor): ExportTable<StaffItem> {
  const institutionId = institutionIdOf(actor);
  const now = c.now();
  const rows = keysetRows(
    (cursor: StaffCursor | undefined, limit) => selectStaffPage(c, institutionId, cursor, limit),
    (last) => ({ role: last.account.role, createdAt: last.createdExact, id: last.account.id }),
    { max: INSTITUTION_STAFF_EXPORT_MAX },
  );
  return { name: '账户管理', columns: COLUMNS, rows: mapRows(rows, (r) => presentStaff(r.account, actor, now)) };
}
