/**
 * Excel (.xlsx) exports of a clerk's list: the rows are written into the workbook as they are read, page by page,
 * through exceljs's streaming writer, so a large roster never sits in memory whole. Every cell is written as a
 * value, never as a formula, so a name such as 「=HYPERLINK(…)」 stays text in the spreadsheet.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxColumn<T> {
  header: string;
  /** Column width in characters. */
  width?: number;
  value(row: T): string | number | null;
}

export interface XlsxSheet<T> {
  name: string;
  columns: readonly XlsxColumn<T>[];
  rows: AsyncIterable<T>;
}

/** The workbook as a byte stream; a failure while reading rows ends the stream with that error. */
export function xlsxStream<T>(sheet: XlsxSheet<T>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({ key: String(i), header: c.header, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  void (async () => {
    for await (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => c.value(row) ?? '')).commit();
    ws.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** Sends the workbook as an attachment named `<ascii>.xlsx`, with the Chinese name for browsers that read it. */
export function sendXlsx<T>(reply: FastifyReply, names: { ascii: string; chinese: string }, sheet: XlsxSheet<T>) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${names.ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${names.chinese}.xlsx`)}`)
    .header('cache-control', 'private, no-store')
    // A stream is sent as it is (no serializer); the route's 200 schema documents it in OpenAPI.
    .send(xlsxStream(sheet) as unknown as string);
}
