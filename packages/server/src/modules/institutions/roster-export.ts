/**
 * Exports (Excel and CSV) of the institution's two rosters (issue: 机构医师名册可导出): 本机构医师 (the registrations whose main
 * institution it is, with their status, the latest 定期考核 and the last 注册备案) and 多机构执业医师 (the physicians filed here, with the
 * filing dates and status). Each follows the list's own filters and order; the 身份证号 stays masked as in the list.
 */
import { todayInChina } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { presentMultiSiteRow } from './multi-site-roster';
import { selectMultiSitePage } from './multi-site-queries';
import type { MultiSitePage, MultiSiteQuery } from './multi-site-schemas';
import { presentRosterRow } from './physician-roster';
import { selectRosterPage } from './physician-roster-queries';
import type { PhysicianRosterPage, PhysicianRosterQuery } from './physician-roster-schemas';
import { institutionIdOf } from './policy';

/** An institution's roster is bounded; an export stops here (the list keeps paging beyond it). */
export const ROSTER_EXPORT_MAX = 50_000;
const BATCH = 500;

type RosterItem = PhysicianRosterPage['items'][number];
type FiledItem = MultiSitePage['items'][number];

const scopeNames = (scopes: readonly { name: string }[]) => scopes.map((s) => s.name).join('、');

const ROSTER_COLUMNS: readonly ExportColumn<RosterItem>[] = [
  { header: '姓名', width: 10, value: (r) => r.physicianName },
  { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
  { header: '医师级别', width: 12, value: (r) => r.levelLabel },
  { header: '执业类别', width: 10, value: (r) => r.categoryLabel },
  { header: '执业范围', width: 28, value: (r) => scopeNames(r.scopes) },
  { header: '执业证书编码', width: 18, value: (r) => r.licenceCode },
  { header: '批准日期', width: 12, value: (r) => r.approvedOn },
  { header: '注册状态', width: 10, value: (r) => r.statusLabel },
  { header: '最近定期考核', width: 18, value: (r) => (r.latestAssessment ? `${r.latestAssessment.cycleLabel} ${r.latestAssessment.resultLabel}` : '未登记') },
  { header: '备案情形', width: 10, value: (r) => r.departure?.reasonLabel ?? null },
  { header: '离职手续办理日期', width: 16, value: (r) => r.departure?.leftOn ?? null },
  { header: '报告日期', width: 12, value: (r) => r.departure?.reportedOn ?? null },
  { header: '是否逾期报告', width: 12, value: (r) => (r.departure ? (r.departure.late ? '是' : '否') : null) },
  { header: '是否修改过信息', width: 14, value: (r) => (r.infoEdited ? '是' : '否') },
];

const FILED_COLUMNS: readonly ExportColumn<FiledItem>[] = [
  { header: '姓名', width: 10, value: (r) => r.physicianName },
  { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
  { header: '医师级别', width: 12, value: (r) => r.levelLabel },
  { header: '执业类别', width: 10, value: (r) => r.categoryLabel },
  { header: '执业证书编码', width: 18, value: (r) => r.licenceCode },
  { header: '主要执业机构', width: 28, value: (r) => r.mainInstitutionName },
  { header: '备案执业范围', width: 28, value: (r) => scopeNames(r.scopes) },
  { header: '有效期开始', width: 12, value: (r) => r.validFrom },
  { header: '有效期结束', width: 12, value: (r) => r.validTo },
  { header: '备案状态', width: 10, value: (r) => r.statusLabel },
];

type Filters<Q> = Omit<Q, 'cursor' | 'limit'>;

export function rosterSheet(c: Ctx, actor: AccountActor, q: Filters<PhysicianRosterQuery>): ExportTable<RosterItem> {
  const institutionId = institutionIdOf(actor);
  const rows = keysetRows(
    (cursor: { approvedOn: string; id: string } | undefined, limit) =>
      selectRosterPage(c, { institutionId, status: q.status, assessment: q.assessment, name: q.name, limit: limit - 1, ...(cursor ? { cursor } : {}) }),
    (last) => ({ approvedOn: last.approvedOn, id: last.id }),
    { batch: BATCH, max: ROSTER_EXPORT_MAX },
  );
  return { name: '本机构医师', columns: ROSTER_COLUMNS, rows: mapRows(rows, presentRosterRow) };
}

export function multiSiteSheet(c: Ctx, actor: AccountActor, q: Filters<MultiSiteQuery>): ExportTable<FiledItem> {
  const institutionId = institutionIdOf(actor);
  const today = todayInChina(c.now());
  const rows = keysetRows(
    (cursor: { validTo: string; id: string } | undefined, limit) =>
      selectMultiSitePage(c, { institutionId, today, status: q.status, name: q.name, sort: q.sort, limit: limit - 1, ...(cursor ? { cursor } : {}) }),
    (last) => ({ validTo: last.validTo, id: last.id }),
    { batch: BATCH, max: ROSTER_EXPORT_MAX },
  );
  return { name: '多机构执业医师', columns: FILED_COLUMNS, rows: mapRows(rows, (r) => presentMultiSiteRow(r, today)) };
}
