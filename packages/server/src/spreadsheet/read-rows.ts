/**
 * Reads an uploaded spreadsheet — CSV (UTF-8 with or without BOM, or GB18030 as Excel in China saves it) or Excel
 * .xlsx (first worksheet) — as a stream of rows of text cells, never holding the file in memory: the CSV through
 * csv-parse, the workbook through exceljs's streaming reader. Every row carries the number a person sees in the
 * spreadsheet (header = 1). The byte limit is enforced while reading; an unreadable file is the caller's error
 * (a Chinese reason for the field `file`), never a 5xx.
 */
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
// exceljs costs a second of start-up: loaded by the first .xlsx read, not at start (docs/architecture.md § Runtime).
import type ExcelJS from 'exceljs';
import { DomainError } from '@medreg/domain';

export interface SheetRow {
  /** 1-based, as in the spreadsheet: the header is row 1. */
  rowNumber: number;
  cells: string[];
}

export interface ReadSheetOptions {
  filename: string;
  maxBytes: number;
  /** Cells beyond this column are ignored. */
  maxColumns?: number;
  unreadable(detail: string): DomainError;
  tooLarge(): DomainError;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const HEAD_BYTES = 64 * 1024;

export async function* readSheetRows(source: AsyncIterable<Buffer | string>, opts: ReadSheetOptions): AsyncGenerator<SheetRow> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) { done = true; break; }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    headLength += chunk.length;
  }
  const first = Buffer.concat(head);
  if (first.length === 0) throw opts.unreadable('文件为空，请使用模板填写');
  const bytes = Readable.from(replay(first, done ? undefined : iterator)).pipe(byteLimit(opts));

  if (first.subarray(0, 4).equals(ZIP_MAGIC)) {
    yield* xlsxRows(bytes, opts);
  } else if (/\.(xlsx|xls|xlsm)$/i.test(opts.filename)) {
    bytes.destroy();
    throw opts.unreadable('无法读取该Excel文件，请另存为 .xlsx（Excel 工作簿）或 CSV 后重新导入');
  } else {
    yield* csvRows(bytes, looksUtf8(first, done) ? 'utf-8' : 'gb18030', opts);
  }
}

async function* replay(first: Buffer, rest: AsyncIterator<Buffer | string> | undefined): AsyncGenerator<Buffer> {
  yield first;
  if (!rest) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
  }
}

function byteLimit(opts: ReadSheetOptions): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > opts.maxBytes) done(opts.tooLarge());
      else done(null, chunk);
    },
  });
}

/** UTF-8 unless the first bytes are not (a multi-byte character cut at the end of the head is allowed). */
function looksUtf8(head: Buffer, whole: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(head, { stream: !whole });
    return true;
  } catch {
    return false;
  }
}

function decoding(encoding: 'utf-8' | 'gb18030', opts: ReadSheetOptions): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  const fail = () => opts.unreadable(encoding === 'utf-8'
    ? '文件编码不一致：请将CSV文件整体保存为 UTF-8 编码'
    : '无法识别文件编码，请将CSV文件保存为 UTF-8 编码');
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        if (text.includes('\u0000')) return done(opts.unreadable('文件不是文本格式的CSV，请使用模板'));
        done(null, text);
      } catch {
        done(fail());
      }
    },
    flush(done) {
      try { done(null, decoder.decode()); } catch { done(fail()); }
    },
  });
}

async function* csvRows(bytes: Readable, encoding: 'utf-8' | 'gb18030', opts: ReadSheetOptions): AsyncGenerator<SheetRow> {
  const parser = bytes.pipe(decoding(encoding, opts)).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  bytes.on('error', (err) => parser.destroy(err));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: opts.maxColumns ? record.slice(0, opts.maxColumns) : record };
    }
  } catch (err) {
    throw csvFailure(err, rowNumber + 1, opts);
  } finally {
    bytes.destroy();
  }
}

function csvFailure(err: unknown, rowNumber: number, opts: ReadSheetOptions): Error {
  const code = (err as { code?: unknown }).code;
  if (err instanceof DomainError) return err;
  if (typeof code !== 'string' || !code.startsWith('CSV_')) return err instanceof Error ? err : new Error(String(err));
  if (code === 'CSV_QUOTE_NOT_CLOSED') return opts.unreadable(`CSV文件第${rowNumber}行起的引号未闭合，请检查文件`);
  return opts.unreadable(`CSV文件第${rowNumber}行格式有误，请使用模板或另存为标准CSV`);
}

async function* xlsxRows(bytes: Readable, opts: ReadSheetOptions): AsyncGenerator<SheetRow> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit',
  });
  const maxColumns = opts.maxColumns ?? 50;
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i <= Math.min(values.length - 1, maxColumns); i++) cells.push(cellText(values[i]));
        yield { rowNumber: row.number, cells };
      }
      return;
    }
    throw opts.unreadable('Excel文件中没有工作表');
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw opts.unreadable('无法读取该Excel文件，请确认是 .xlsx 格式（Excel 工作簿）');
  } finally {
    bytes.destroy();
  }
}

/** A cell as the text a person sees: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return v.result === undefined || v.result === null ? '' : cellText(v.result as ExcelJS.CellValue);
  if ('error' in v) return '';
  return '';
}
