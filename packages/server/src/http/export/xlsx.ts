/**
 * Excel (.xlsx) exports through exceljs's streaming writer: each row is committed as it is read. Every cell is
 * written as a value, never as a formula, so a name such as 「=HYPERLINK(…)」 stays text in the spreadsheet.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { ExportTable } from './table';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook as a byte stream; a failure while reading rows ends the stream with that error. */
export function xlsxStream<T>(table: ExportTable<T>): Readable {
  const out = new PassThrough();
  void (async () => {
    // exceljs costs a second of start-up: loaded by the first export, not at start (docs/architecture.md § Runtime).
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((c, i) => ({ key: String(i), header: c.header, width: c.width ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for await (const row of table.rows) ws.addRow(table.columns.map((c) => c.value(row) ?? '')).commit();
    ws.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
