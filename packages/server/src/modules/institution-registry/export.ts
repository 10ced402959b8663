/** 医疗机构名录 as an export (Excel and CSV): the list's filters and order, within the administrator's jurisdiction. */
import type { Ctx } from '../../context';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { presentInstitution, selectInstitutionsPage, type InstitutionCursor, type InstitutionFilters, type PresentedInstitution } from './list';
import type { RegistryKeeper } from './policy';

/** Up to this many rows in one export; a narrower filter (地区, 类别) finds the rest. */
export const INSTITUTION_EXPORT_MAX = 50_000;

const yesNo = (b: boolean) => (b ? '是' : '否');

const COLUMNS: readonly ExportColumn<PresentedInstitution>[] = [
  { header: '标准名称', width: 32, value: (r) => r.name },
  { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
  { header: '执业许可证登记号', width: 26, value: (r) => r.licenceRegNo },
  { header: '机构类别', value: (r) => r.kindLabel },
  { header: '机构等级', value: (r) => r.gradeLabel },
  { header: '基层医疗卫生机构', value: (r) => yesNo(r.grassroots) },
  { header: '所在地区', width: 24, value: (r) => r.areaName },
  { header: '地址', width: 32, value: (r) => r.address },
  { header: '审批机关', width: 26, value: (r) => r.approvingAuthority.name },
  { header: '开通电子化注册', value: (r) => yesNo(r.eRegistrationEnabled) },
  { header: '科室', width: 32, value: (r) => r.departments.join('、') },
  { header: '状态', value: (r) => r.statusLabel },
];

export function institutionsSheet(c: Ctx, k: RegistryKeeper, q: InstitutionFilters): ExportTable<PresentedInstitution> {
  const rows = keysetRows(
    (cursor: InstitutionCursor | undefined, limit) => selectInstitutionsPage(c, k, q, cursor, limit),
    (last) => ({ name: last.i.name, id: last.i.id }),
    { max: INSTITUTION_EXPORT_MAX },
  );
  return { name: '医疗机构名录', columns: COLUMNS, rows: mapRows(rows, (r) => presentInstitution(r, k)) };
}
