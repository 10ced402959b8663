/** 医师账户激活 list as an export (Excel and CSV): the list's filters and order (姓名), the 身份证号 masked as in the list. */
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { chinaDateTime } from '../../http/export/cells';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { institutionIdOf } from '../institutions/policy';
import { presentActivationRow, selectActivationPage, type ActivationCursor, type ActivationListQuery, type PresentedActivationRow } from './issue-list';

/** An institution's physicians are bounded; an export stops here. */
export const ACTIVATION_EXPORT_MAX = 50_000;

const CODE_STATE_LABELS = { used: '已使用', valid: '有效', expired: '已过期' } as const;

const COLUMNS: readonly ExportColumn<PresentedActivationRow>[] = [
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => r.sexLabel },
  { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
  { header: '执业证书编码', width: 18, value: (r) => r.licenceCode },
  { header: '医师级别', width: 12, value: (r) => r.levelLabel },
  { header: '执业类别', width: 10, value: (r) => r.categoryLabel },
  { header: '账户状态', width: 12, value: (r) => r.accountStatusLabel },
  { header: '激活方式', width: 14, value: (r) => r.activationMethodLabel },
  { header: '激活时间', width: 20, value: (r) => chinaDateTime(r.activatedAt) },
  { header: '最近激活码发放时间', width: 20, value: (r) => chinaDateTime(r.lastCode?.issuedAt) },
  { header: '最近激活码状态', width: 12, value: (r) => (r.lastCode ? CODE_STATE_LABELS[r.lastCode.state] : null) },
];

export function activationSheet(c: Ctx, actor: AccountActor, q: Pick<ActivationListQuery, 'name' | 'status'>): ExportTable<PresentedActivationRow> {
  const institutionId = institutionIdOf(actor);
  const now = c.now();
  const rows = keysetRows(
    (cursor: ActivationCursor | undefined, limit) => selectActivationPage(c, institutionId, q, cursor, limit),
    (last) => ({ name: last.name, id: last.id }),
    { max: ACTIVATION_EXPORT_MAX },
  );
  return { name: '医师账户激活', columns: COLUMNS, rows: mapRows(rows, (r) => presentActivationRow(r, now)) };
}
