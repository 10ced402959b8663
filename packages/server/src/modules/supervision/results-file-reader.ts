/**
 * Reads a 定期考核 results file — CSV (UTF-8, with or without BOM; GB18030 as Excel in China saves it) or Excel
 * .xlsx (exceljs, first worksheet) — into rows of text cells. The size is bounded before parsing (the route's
 * multipart limit, then RESULTS_FILE_MAX_BYTES); an unreadable file is RESULTS_FILE_UNREADABLE, never a 5xx.
 */
import ExcelJS from 'exceljs';
import { RESULTS_FILE_MAX_BYTES, RESULTS_FILE_MAX_ROWS } from '@medreg/domain';
import { SupervisionErrors } from './errors';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const unreadable = (detail: string) => SupervisionErrors.RESULTS_FILE_UNREADABLE({ path: ['file'], detail });

export async function readResultsFile(filename: string, data: Buffer): Promise<string[][]> {
  if (data.length === 0) throw unreadable('文件为空，请使用模板填写考核结果');
  if (data.length > RESULTS_FILE_MAX_BYTES) {
    throw SupervisionErrors.RESULTS_FILE_TOO_LARGE({ path: ['file'], detail: `考核结果文件不能超过${RESULTS_FILE_MAX_BYTES / 1024 / 1024} MB，请分批导入` });
  }
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(data);
  if (/\.(xlsx|xls)$/i.test(filename)) throw unreadable('无法读取该Excel文件，请另存为 .xlsx（Excel 工作簿）或 CSV 后重新导入');
  return parseCsv(decodeText(data));
}

function decodeText(data: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(data).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(data);
    } catch {
      throw unreadable('无法识别文件编码，请将CSV文件保存为 UTF-8 编码');
    }
  }
}

/** RFC 4180: commas, quoted fields with "" for a quote, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  if (text.includes('\u0000')) throw unreadable('文件不是文本格式的CSV，请使用模板');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
      if (rows.length > RESULTS_FILE_MAX_ROWS + 1) return rows;
    } else field += ch;
  }
  if (quoted) throw unreadable('CSV文件中的引号未闭合，请检查文件');
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable('无法读取该Excel文件，请确认是 .xlsx 格式（Excel 工作簿）');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('Excel文件中没有工作表');
  const rows: string[][] = [];
  const width = Math.min(sheet.columnCount, 30);
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    if (n > RESULTS_FILE_MAX_ROWS + 1) return;
    const cells: string[] = [];
    for (let i = 1; i <= width; i++) cells.push(cellText(row.getCell(i).value));
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return v.result === undefined || v.result === null ? '' : cellText(v.result as ExcelJS.CellValue);
  return '';
}
