/**
 * 错误报告: the rejected rows of an import — row number as in the spreadsheet, the column, the Chinese reason — as
 * an export (Excel or CSV), read in pages of the table's key (import_id, row_number, field).
 */
import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { qualificationImportErrors } from '../../db/schema/index';
import { keysetRows, type ExportColumn, type ExportTable } from '../../http/export/table';

type ErrorRow = { rowNumber: number; field: string; reason: string };

/** A report stops here; an import with more rejected rows is a file to fix at the source. */
export const ERROR_REPORT_MAX = 1_000_000;

const COLUMNS: readonly ExportColumn<ErrorRow>[] = [
  { header: '行号', width: 8, value: (r) => r.rowNumber },
  { header: '列', width: 14, value: (r) => r.field },
  { header: '原因', width: 60, value: (r) => r.reason },
];

export function errorReportSheet(c: Ctx, importId: string): ExportTable<ErrorRow> {
  const e = qualificationImportErrors;
  const rows = keysetRows(
    (cursor: { rowNumber: number; field: string } | undefined, limit) => c.tx.select({ rowNumber: e.rowNumber, field: e.field, reason: e.reason }).from(e)
      .where(and(eq(e.importId, importId), cursor ? or(gt(e.rowNumber, cursor.rowNumber), and(eq(e.rowNumber, cursor.rowNumber), gt(e.field, cursor.field))) : undefined))
      .orderBy(asc(e.rowNumber), asc(e.field)).limit(limit),
    (last) => ({ rowNumber: last.rowNumber, field: last.field }),
    { batch: 2000, max: ERROR_REPORT_MAX },
  );
  return { name: '导入错误报告', columns: COLUMNS, rows };
}
