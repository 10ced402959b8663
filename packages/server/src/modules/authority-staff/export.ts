/** 人员账户 as an export (Excel and CSV): the list's filters and order (登录名), narrowed to the authorities in reach. */
import type { AuthorityStaffAccount } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { selectStaffPage, type StaffFilter } from './list-queries';
import { staffWhereOf } from './list';
import { presentStaffAccount } from './presenter';

/** An authority's staff is small; an export stops here. */
export const STAFF_EXPORT_MAX = 20_000;

const COLUMNS: readonly ExportColumn<AuthorityStaffAccount>[] = [
  { header: '登录名', width: 16, value: (p) => p.loginName },
  { header: '姓名', width: 10, value: (p) => p.displayName },
  { header: '角色', width: 12, value: (p) => p.roleLabel },
  { header: '所属卫生健康行政部门', width: 28, value: (p) => p.authority.name },
  { header: '行政区划代码', width: 12, value: (p) => p.authority.areaCode },
  { header: '状态', width: 8, value: (p) => p.statusLabel },
  { header: '须修改密码', width: 10, value: (p) => (p.mustChangePassword ? '是' : '否') },
  { header: '手机号', width: 14, value: (p) => p.phone },
  { header: '电子邮箱', width: 22, value: (p) => p.email },
  { header: '创建时间', width: 22, value: (p) => p.createdAt },
];

/** Refusals (not an administrator, an authority out of reach) happen here, before the download starts. */
export async function staffSheet(c: Ctx, actor: AccountActor, f: StaffFilter): Promise<ExportTable<AuthorityStaffAccount>> {
  const { viewer, where } = await staffWhereOf(c, actor, f);
  const now = c.now();
  const rows = keysetRows(
    (after: string | undefined, limit) => selectStaffPage(c, where, after, limit),
    (last) => last.account.loginName.toLowerCase(),
    { max: STAFF_EXPORT_MAX },
  );
  return { name: '人员账户', columns: COLUMNS, rows: mapRows(rows, (r) => presentStaffAccount(r.account, r.authority, viewer, now)) };
}
