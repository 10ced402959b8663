// Uploaded spreadsheets are read as a stream of rows: CSV in UTF-8 (BOM or not) or GB18030, Excel .xlsx;
// an unreadable or oversized file is a clear Chinese refusal, never a crash.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError, defineErrors, spec } from '@medreg/domain';
import { readSheetRows } from '../../src/spreadsheet/read-rows';

const Errors = defineErrors({
  FILE_UNREADABLE: spec(400, '无法读取文件', 'The file cannot be read'),
  FILE_TOO_LARGE: spec(413, '文件过大', 'The file is too large'),
});
const opts = (filename: string, maxBytes = 1 << 20) => ({
  filename, maxBytes,
  unreadable: (detail: string) => Errors.FILE_UNREADABLE({ detail, path: ['file'] }),
  tooLarge: () => Errors.FILE_TOO_LARGE({ path: ['file'] }),
});

async function rows(data: Buffer, filename: string, maxBytes?: number, chunk = 7) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) chunks.push(data.subarray(i, i + chunk));
  const out: { rowNumber: number; cells: string[] }[] = [];
  for await (const row of readSheetRows(Readable.from(chunks), opts(filename, maxBytes))) out.push(row);
  return out;
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('readSheetRows', () => {
  it('reads UTF-8 CSV with a BOM, quoted commas and line breaks, numbering rows as the spreadsheet does', async () => {
    const csv = '\uFEFF姓名,身份证号,备注\r\n张三,110101199003071234,"一,二"\r\n李四,110101199003075678,"第一行\n第二行"\r\n';
    const got = await rows(Buffer.from(csv, 'utf-8'), 'passers.csv');
    expect(got).toEqual([
      { rowNumber: 1, cells: ['姓名', '身份证号', '备注'] },
      { rowNumber: 2, cells: ['张三', '110101199003071234', '一,二'] },
      { rowNumber: 3, cells: ['李四', '110101199003075678', '第一行\n第二行'] },
    ]);
  });

  it('reads GB18030 CSV as Excel in China saves it', async () => {
    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0d, 0x0a]); // 「张三,1」
    expect(await rows(gbk, 'passers.csv')).toEqual([{ rowNumber: 1, cells: ['张三', '1'] }]);
  });

  it('reads the first worksheet of an .xlsx, dates as YYYY-MM-DD', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('资格');
    ws.addRow(['姓名', '发证日期', '编号']);
    ws.addRow(['王五', new Date('2024-06-30T00:00:00Z'), 123]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await rows(data, 'passers.xlsx', undefined, 4096)).toEqual([
      { rowNumber: 1, cells: ['姓名', '发证日期', '编号'] },
      { rowNumber: 2, cells: ['王五', '2024-06-30', '123'] },
    ]);
  });

  it('refuses a file over the limit while reading it', async () => {
    const big = Buffer.from('a,b\r\n'.repeat(50_000));
    const err = await failure(rows(big, 'big.csv', 100_000, 65536));
    expect(err.code).toBe('FILE_TOO_LARGE');
  });

  it('refuses an unclosed quote, an empty file and a renamed non-Excel file with a Chinese reason', async () => {
    expect((await failure(rows(Buffer.from('a,b\r\n"c,d\r\n'), 'x.csv'))).message).toContain('引号未闭合');
    expect((await failure(rows(Buffer.alloc(0), 'x.csv'))).message).toContain('文件为空');
    expect((await failure(rows(Buffer.from('not a workbook'), 'x.xlsx'))).message).toContain('.xlsx');
    expect((await failure(rows(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.xlsx'))).code).toBe('FILE_UNREADABLE');
  });
});
