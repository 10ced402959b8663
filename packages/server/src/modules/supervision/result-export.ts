/** 定期考核结果 as an export (Excel and CSV): the list's filters and order, the 身份证号 masked as in the list. */
import { todayInChina } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { presentResult, selectResultsPage, type PresentedResult, type ResultCursor, type ResultListQuery } from './result-list';
import { supervisionScopeOf } from './scope';

/** Up to this many rows in one export; a narrower filter (cycle, result) finds the rest. */
export const RESULTS_EXPORT_MAX = 20_000;

const COLUMNS: readonly ExportColumn<PresentedResult>[] = [
  { header: '姓名', width: 10, value: (r) => r.physicianName },
  { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
  { header: '执业证书编码', width: 18, value: (r) => r.licenceCode },
  { header: '主要执业机构', width: 28, value: (r) => r.institutionName },
  { header: '考核周期', width: 14, value: (r) => r.cycleLabel },
  { header: '考核类型', width: 10, value: (r) => r.kindLabel },
  { header: '考核结果', width: 10, value: (r) => r.resultLabel },
  { header: '考核日期', width: 12, value: (r) => r.assessedOn },
  { header: '考核机构', width: 24, value: (r) => r.assessor },
  { header: '暂停执业活动', width: 28, value: (r) => (r.suspension ? `${r.suspension.statusLabel} ${r.suspension.startsOn}至${r.suspension.endsOn}` : null) },
  { header: '连续两个考核周期未参加', width: 12, value: (r) => (r.missedTwoCycles ? '是' : '否') },
  { header: '执业注册状态', width: 12, value: (r) => r.registrationStatusLabel },
];

export function resultsSheet(c: Ctx, actor: AccountActor, q: Omit<ResultListQuery, 'cursor' | 'limit'>): ExportTable<PresentedResult> {
  const scope = supervisionScopeOf(actor);
  const today = todayInChina(c.now());
  const rows = keysetRows(
    (cursor: ResultCursor | undefined, limit) => selectResultsPage(c, scope, q, cursor, limit),
    (last) => ({ createdAt: last.createdExact, id: last.r.id }),
    { max: RESULTS_EXPORT_MAX },
  );
  return { name: '定期考核结果', columns: COLUMNS, rows: mapRows(rows, (r) => presentResult(r, actor, today)) };
}
