/**
 * 医师申请业务办理 as an export (Excel and CSV): one of the institution's three queues with the list's filters and
 * order, the 身份证号 masked as in the list. A search by 身份证号 stays in the request body (POST …/search).
 */
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { chinaDateTime } from '../../http/export/cells';
import { keysetRows, mapRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import type { QueueCursor } from './queue-cursor';
import { presentQueueRow } from './queue-presenter';
import { selectQueuePage } from './queue-queries';
import { queueFilterOf, type QueueQueryInput } from './queue';

/** An institution's queue is bounded; an export stops here and a narrower 申请日期 range finds the rest. */
export const APPLICATIONS_EXPORT_MAX = 20_000;

type ApplicationItem = ReturnType<typeof presentQueueRow>;

const COLUMNS: readonly ExportColumn<ApplicationItem>[] = [
  { header: '业务编号', width: 20, value: (r) => r.businessCode },
  { header: '业务类型', width: 14, value: (r) => r.businessTypeLabel },
  { header: '办理事项', width: 20, value: (r) => r.kindLabel },
  { header: '姓名', width: 10, value: (r) => r.physicianName },
  { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
  { header: '申请时间', width: 20, value: (r) => chinaDateTime(r.submittedAt) },
  { header: '状态', width: 12, value: (r) => r.stateLabel },
  { header: '机构审核时间', width: 20, value: (r) => chinaDateTime(r.institutionDecidedAt) },
  { header: '审批机关', width: 26, value: (r) => r.authorityName },
  { header: '审批时间', width: 20, value: (r) => chinaDateTime(r.authorityDecidedAt) },
  { header: '申请渠道', width: 10, value: (r) => r.channelLabel },
  { header: '是否修改过信息', width: 14, value: (r) => (r.infoEdited ? '是' : '否') },
];

export function applicationsSheet(c: Ctx, actor: AccountActor, q: Omit<QueueQueryInput, 'cursor' | 'limit'>): ExportTable<ApplicationItem> {
  const filter = queueFilterOf(c, actor, q);
  const rows = keysetRows(
    // The page query reads one row more than asked, to tell whether a next page exists.
    (cursor: QueueCursor | undefined, limit) => selectQueuePage(c, { ...filter, limit: limit - 1, ...(cursor ? { cursor } : {}) }),
    (last) => ({ at: last.cursorAt, id: last.id, sort: q.sort }),
    { max: APPLICATIONS_EXPORT_MAX },
  );
  return { name: '医师申请业务办理', columns: COLUMNS, rows: mapRows(rows, (r) => presentQueueRow(r, actor)) };
}
