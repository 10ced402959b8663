/** 人员账户 list (one page with the total) and its CSV export, narrowed to the authorities in the actor's reach. */
import { CommonErrors, type AuthorityStaffPage, type AuthorityStaffQuery } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { AuthorityStaffErrors } from './errors';
import { countStaff, decodeStaffCursor, encodeStaffCursor, selectStaffPage, staffWhere, type StaffFilter } from './list-queries';
import { presentStaffAccount } from './presenter';
import { reachableAuthorities, staffActorOf } from './reach';

async function whereOf(c: Ctx, actor: AccountActor, f: StaffFilter) {
  const viewer = staffActorOf(actor);
  if (viewer.role !== 'authority_admin') throw CommonErrors.FORBIDDEN();
  const ids = (await reachableAuthorities(c, viewer)).map((a) => a.id);
  if (f.authorityId && !ids.includes(f.authorityId)) throw AuthorityStaffErrors.STAFF_AUTHORITY_OUT_OF_REACH({ path: ['authorityId'] });
  return { viewer, where: staffWhere(ids, f) };
}

export async function listAuthorityStaff(c: Ctx, actor: AccountActor, q: AuthorityStaffQuery): Promise<AuthorityStaffPage> {
  const { cursor, limit, ...filter } = q;
  const after = cursor ? decodeStaffCursor(cursor) : undefined;
  const { viewer, where } = await whereOf(c, actor, filter);
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

export const STAFF_EXPORT_LIMIT = 20_000;
const EXPORT_PAGE = 500;
const CSV_HEADER = ['登录名', '姓名', '角色', '所属卫生健康行政部门', '行政区划代码', '状态', '须修改密码', '手机号', '电子邮箱', '创建时间'];

/** A CSV cell: quoted, quotes doubled, a leading = + - @ neutralised so a spreadsheet does not run it. */
function cell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replaceAll('"', '""')}"`;
}

/** The export: the list's filters, page by page (keyset), UTF-8 CSV with a BOM. Refusals happen before the stream starts. */
export async function exportAuthorityStaff(c: Ctx, actor: AccountActor, f: StaffFilter): Promise<AsyncGenerator<string>> {
  const { viewer, where } = await whereOf(c, actor, f);
  const now = c.now();
  return (async function* rows() {
    yield `\uFEFF${CSV_HEADER.map(cell).join(',')}\r\n`;
    let after: string | undefined;
    let written = 0;
    while (written < STAFF_EXPORT_LIMIT) {
      const page = await selectStaffPage(c, where, after, Math.min(EXPORT_PAGE, STAFF_EXPORT_LIMIT - written));
      if (page.length === 0) break;
      yield page.map((r) => {
        const p = presentStaffAccount(r.account, r.authority, viewer, now);
        return [p.loginName, p.displayName, p.roleLabel, p.authority.name, p.authority.areaCode, p.statusLabel, p.mustChangePassword ? '是' : '否',
          p.phone, p.email, p.createdAt].map(cell).join(',');
      }).join('\r\n') + '\r\n';
      written += page.length;
      after = page[page.length - 1]!.account.loginName.toLowerCase();
      if (page.length < EXPORT_PAGE) break;
    }
  })();
}
