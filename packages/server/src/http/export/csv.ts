/**
 * CSV exports: UTF-8 with a BOM (so Excel in China opens it as UTF-8), CRLF, every field quoted, and a leading
 * = + - @ or tab neutralised with an apostrophe so a spreadsheet never runs a cell as a formula (CSV injection).
 */
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ExportCell, ExportTable } from './table';

/** The text of a CSV cell, with formula-like values made inert. */
export function csvCellText(value: ExportCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
}

/** The CSV as a byte stream; a failure while reading rows ends the stream with that error. */
export function csvStream<T>(table: ExportTable<T>): Readable {
  const out = new PassThrough();
  out.write('\uFEFF');
  const writer = stringify({ quoted: true, record_delimiter: 'windows' });
  writer.on('error', (err) => out.destroy(err));
  writer.pipe(out);
  void (async () => {
    writer.write(table.columns.map((c) => c.header));
    for await (const row of table.rows) {
      if (!writer.write(table.columns.map((c) => csvCellText(c.value(row))))) {
        await new Promise((resolve) => writer.once('drain', resolve));
      }
    }
    writer.end();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
