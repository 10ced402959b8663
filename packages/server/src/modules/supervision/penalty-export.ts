/** 暂停执业活动 / 吊销 处分决定 as an export (Excel and CSV): the list's filter and order, within the jurisdiction. */
import { todayInChina } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { presentPenalty, selectPenaltyPage, type PenaltyCursor, type PenaltyListQuery, type PresentedPenalty } from './penalty-list';
import { authorityScopeOf } from './scope';

/** Up to this many decisions in one export. */
export const PENALTIES_EXPORT_MAX = 20_000;

const COLUMNS: readonly ExportColumn<PresentedPenalty>[] = [
  { header: '决定日期', width: 12, value: (p) => p.decidedOn },
  { header: '处分种类', width: 14, value: (p) => p.kindLabel },
  { header: '文书编号', width: 22, value: (p) => p.documentNo },
  { header: '姓名', width: 10, value: (p) => p.physicianName },
  { header: '执业证书编码', width: 18, value: (p) => p.licenceCode },
  { header: '作出决定的部门', width: 28, value: (p) => p.authorityName },
  { header: '依据', width: 24, value: (p) => p.articleLabel },
  { header: '违法事实', width: 40, value: (p) => p.facts },
  { header: '开始日期', width: 12, value: (p) => p.startsOn },
  { header: '结束日期', width: 12, value: (p) => p.endsOn },
  { header: '状态', width: 12, value: (p) => p.statusLabel },
];

export function penaltiesSheet(c: Ctx, actor: AccountActor, q: Pick<PenaltyListQuery, 'kind'>): ExportTable<PresentedPenalty> {
  authorityScopeOf(actor);
  const today = todayInChina(c.now());
  const rows = keysetRows(
    (cursor: PenaltyCursor | undefined, limit) => selectPenaltyPage(c, actor, q, cursor, limit),
    (last) => ({ decidedOn: last.d.decidedOn, id: last.d.id }),
    { max: PENALTIES_EXPORT_MAX },
  );
  return { name: '暂停执业活动和吊销', columns: COLUMNS, rows: mapRows(rows, (r) => presentPenalty(r, today)) };
}
