/**
 * 审批工作台 as an export (Excel and CSV): one tab (正在申办 / 已受理 / 退回补正 / 已办结) of one visible authority, with
 * the list's filters and order, the due date and working days left as the list shows them. Like the list, the
 * rows carry no 身份证号; a search by 身份证号 stays in the request body (POST …/search), never in a download URL.
 */
import { todayInChina } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { chinaDateTime } from '../../http/export/cells';
import { keysetRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { deadlineOf, loadWorkingCalendar } from './calendar';
import { selectQueuePage } from './queue-queries';
import { dateRange, presentQueueRow, visibleAuthority, type QueueInput } from './queue-service';

/** A queue tab is worked through daily; an export stops here and a narrower filter finds the rest. */
export const QUEUE_EXPORT_MAX = 20_000;

type QueueItem = ReturnType<typeof presentQueueRow> & { sortKey: string | null };

const COLUMNS: readonly ExportColumn<QueueItem>[] = [
  { header: '业务编号', width: 20, value: (r) => r.businessCode },
  { header: '业务类型', width: 14, value: (r) => r.businessTypeLabel },
  { header: '办理事项', width: 20, value: (r) => r.kindLabel },
  { header: '医师姓名', width: 10, value: (r) => r.physicianName },
  { header: '执业机构', width: 28, value: (r) => r.institutionName },
  { header: '状态', width: 12, value: (r) => r.stateLabel },
  { header: '提交时间', width: 22, value: (r) => chinaDateTime(r.submittedAt) },
  { header: '到达本部门时间', width: 22, value: (r) => chinaDateTime(r.arrivedAt) },
  { header: '受理日期', width: 12, value: (r) => r.acceptedOn },
  { header: '视为受理', width: 12, value: (r) => r.deemedAcceptedOn },
  { header: '审批期限', width: 12, value: (r) => (r.statutoryClock ? r.dueDate : '无法定时限') },
  { header: '剩余工作日', width: 10, value: (r) => r.workingDaysLeft },
  { header: '是否逾期', width: 8, value: (r) => (r.overdue ? '是' : '否') },
  { header: '办结时间', width: 22, value: (r) => chinaDateTime(r.decidedAt) },
  { header: '纸质材料已收', width: 12, value: (r) => r.materialsReceived },
];

type Filters = Omit<QueueInput, 'cursor' | 'limit' | 'idNumber'>;

/** The authority is checked here (one's own or one below it, else 404), before the download starts. */
export async function queueSheet(c: Ctx, actor: AccountActor, q: Filters): Promise<ExportTable<QueueItem>> {
  const authority = await visibleAuthority(c, actor, q.authorityId);
  const today = todayInChina(c.now());
  const filter = {
    authorityId: authority.id, queue: q.queue, state: q.state, businessType: q.businessType, name: q.name?.trim() || undefined,
    businessCode: q.businessCode?.trim().toUpperCase() || undefined, dueBefore: q.dueBefore,
  };
  const rows = keysetRows(
    async (cursor: { key: string | null; id: string } | undefined, limit) => {
      // Only 已受理 rows may lack a sort key (no due date); elsewhere a row without one ends the list, as in the list.
      if (cursor && cursor.key === null && q.queue !== 'accepted') return [];
      // The page query reads one row more than asked, to tell whether a next page exists.
      const page = await selectQueuePage(c, { ...filter, limit: limit - 1, ...(cursor ? { cursor } : {}) });
      const calendar = await loadWorkingCalendar(c, ...dateRange(today, page.map((r) => r.dueDate)));
      return page.map((row) => ({ ...presentQueueRow(actor, authority, row, deadlineOf(calendar, today, row.dueDate, row.state)), sortKey: row.sortKey }));
    },
    (last) => ({ key: last.sortKey, id: last.id }),
    { max: QUEUE_EXPORT_MAX },
  );
  return { name: '审批工作台', columns: COLUMNS, rows };
}
