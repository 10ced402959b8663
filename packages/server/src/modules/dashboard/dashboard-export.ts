/**
 * Each table of the authority dashboard as an export (Excel and CSV, http/export): the same figures, scope and
 * 统计时间 as the page shows. The tables are small (12 months, a few business types, the children, 10 institutions).
 */
import { AUTHORITY_DASHBOARD_TABLE_LABELS, type AuthorityDashboardTable } from '@medreg/domain';
import type { ExportColumn, ExportTable } from '../../http/export/table';
import type { AuthorityDashboard } from './schemas';

type Counts = { received: number; decided: number; approved: number; refused: number; returned: number };
const COUNT_COLUMNS: ExportColumn<Counts>[] = [
  { header: '收件', width: 8, value: (r) => r.received },
  { header: '办结', width: 8, value: (r) => r.decided },
  { header: '准予注册', width: 10, value: (r) => r.approved },
  { header: '不予注册', width: 10, value: (r) => r.refused },
  { header: '退回补正', width: 10, value: (r) => r.returned },
];

async function* each<T>(rows: readonly T[]): AsyncGenerator<T> {
  for (const row of rows) yield row;
}

function sheet<T>(table: AuthorityDashboardTable, columns: readonly ExportColumn<T>[], rows: readonly T[]): ExportTable<unknown> {
  return { name: AUTHORITY_DASHBOARD_TABLE_LABELS[table], columns, rows: each(rows) } as ExportTable<unknown>;
}

const days = (n: number | null) => (n === null ? null : n);

export function dashboardSheet(d: AuthorityDashboard, table: AuthorityDashboardTable): ExportTable<unknown> {
  switch (table) {
    case 'monthly':
      return sheet(table, [{ header: '月份', width: 10, value: (r: AuthorityDashboard['monthly'][number]) => r.month }, ...COUNT_COLUMNS], d.monthly);
    case 'business_types':
      return sheet(table, [{ header: '业务类型', width: 18, value: (r: AuthorityDashboard['businessTypes'][number]) => r.label }, ...COUNT_COLUMNS], d.businessTypes);
    case 'decision_time':
      return sheet(table, [
        { header: '月份', width: 10, value: (r) => r.month },
        { header: '办结件数', width: 10, value: (r) => r.decisions },
        { header: '中位数（工作日）', width: 16, value: (r) => days(r.median) },
        { header: '90%分位（工作日）', width: 16, value: (r) => days(r.p90) },
        { header: `超过${d.decisionLimitWorkingDays}个工作日`, width: 16, value: (r) => r.overLimit },
      ] satisfies ExportColumn<AuthorityDashboard['decisionTime']['months'][number]>[], [...d.decisionTime.months, { month: '合计', ...d.decisionTime }]);
    case 'deadlines':
      return sheet(table, [
        { header: '卫生健康行政部门', width: 30, value: (r) => r.name },
        { header: '已受理', width: 8, value: (r) => r.accepted },
        { header: '已超期', width: 8, value: (r) => r.overdue },
        { header: '即将超期', width: 10, value: (r) => r.dueSoon },
      ] satisfies ExportColumn<AuthorityDashboard['deadlines'][number]>[], d.deadlines);
    case 'institutions':
      return sheet(table, [
        { header: '医疗机构', width: 30, value: (r) => r.name },
        { header: '退回补正', width: 10, value: (r) => r.returned },
        { header: '不予注册', width: 10, value: (r) => r.refused },
        { header: '合计', width: 8, value: (r) => r.returned + r.refused },
      ] satisfies ExportColumn<AuthorityDashboard['institutions'][number]>[], d.institutions);
    case 'physicians':
      return sheet(table, [
        { header: '地区', width: 20, value: (r) => r.name },
        { header: '行政区划代码', width: 12, value: (r) => r.areaCode },
        { header: '执业医师', width: 10, value: (r) => r.physician },
        { header: '执业助理医师', width: 12, value: (r) => r.assistant },
        { header: '合计', width: 8, value: (r) => r.physicians },
      ] satisfies ExportColumn<AuthorityDashboard['physicians']['byRegion'][number]>[], d.physicians.byRegion);
  }
}
