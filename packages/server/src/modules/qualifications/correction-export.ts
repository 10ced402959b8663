/** 资格补改申请 as an export (Excel and CSV): the list's filter and order, the 身份证号 masked as in the list. */
import { CORRECTION_STATUS_LABELS, type CorrectionStatus, type Jurisdiction } from '@medreg/domain';
import type { Ctx } from '../../context';
import { chinaDateTime } from '../../http/export/cells';
import { keysetRows, type ExportColumn, type ExportTable } from '../../http/export/table';
import { selectCorrectionPage, type CorrectionCursor } from './corrections';

/** Up to this many requests in one export. */
export const CORRECTIONS_EXPORT_MAX = 20_000;

type CorrectionRow = Awaited<ReturnType<typeof selectCorrectionPage>>[number];

const COLUMNS: readonly ExportColumn<CorrectionRow>[] = [
  { header: '提交时间', width: 20, value: (r) => chinaDateTime(r.correction.createdAt) },
  { header: '姓名', width: 10, value: (r) => r.physicianName },
  { header: '身份证号', width: 22, value: (r) => r.idNumberMasked },
  { header: '补改原因', width: 40, value: (r) => r.correction.reason },
  { header: '附件数', width: 8, value: (r) => r.correction.attachments.length },
  { header: '受理部门', width: 28, value: (r) => r.authorityName },
  { header: '状态', width: 10, value: (r) => CORRECTION_STATUS_LABELS[r.correction.status] },
  { header: '处理说明', width: 32, value: (r) => r.correction.resolutionNote },
  { header: '办结时间', width: 20, value: (r) => chinaDateTime(r.correction.resolvedAt) },
];

export function correctionsSheet(c: Ctx, viewer: Jurisdiction, q: { status?: CorrectionStatus }): ExportTable<CorrectionRow> {
  const rows = keysetRows(
    (cursor: CorrectionCursor | undefined, limit) => selectCorrectionPage(c, viewer, { status: q.status, ...(cursor ? { cursor } : {}) }, limit),
    (last) => ({ createdAt: last.createdAtExact, id: last.correction.id }),
    { max: CORRECTIONS_EXPORT_MAX },
  );
  return { name: '资格补改申请', columns: COLUMNS, rows };
}
