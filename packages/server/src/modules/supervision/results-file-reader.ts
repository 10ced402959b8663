/**
 * Reads a 定期考核 results file — CSV (UTF-8 with or without BOM, or GB18030 as Excel in China saves it) or Excel
 * .xlsx (first worksheet) — into rows of text cells, through the shared streaming reader. The size is bounded before
 * parsing (the route's multipart limit, then RESULTS_FILE_MAX_BYTES); an unreadable file is RESULTS_FILE_UNREADABLE,
 * never a 5xx. Reading stops one row past RESULTS_FILE_MAX_ROWS, which the domain then refuses with the count.
 */
import { Readable } from 'node:stream';
import { RESULTS_FILE_MAX_BYTES, RESULTS_FILE_MAX_ROWS } from '@medreg/domain';
import { readSheetRows } from '../../spreadsheet/read-rows';
import { SupervisionErrors } from './errors';

const MAX_COLUMNS = 30;

export async function readResultsFile(filename: string, data: Buffer): Promise<string[][]> {
  const rows: string[][] = [];
  const source = readSheetRows(Readable.from([data]), {
    filename,
    maxBytes: RESULTS_FILE_MAX_BYTES,
    maxColumns: MAX_COLUMNS,
    unreadable: (detail) => SupervisionErrors.RESULTS_FILE_UNREADABLE({ path: ['file'], detail }),
    tooLarge: () => SupervisionErrors.RESULTS_FILE_TOO_LARGE({ path: ['file'], detail: `考核结果文件不能超过${RESULTS_FILE_MAX_BYTES / 1024 / 1024} MB，请分批导入` }),
  });
  for await (const { rowNumber, cells } of source) {
    rows[rowNumber - 1] = cells;
    if (rowNumber > RESULTS_FILE_MAX_ROWS + 1) break;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}
