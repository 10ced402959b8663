/**
 * Reads a 批量导入医疗机构 file as it streams in (readSheetRows: CSV UTF-8/GB18030 or .xlsx), checks the header and
 * every row with the form's schema, and stops at INSTITUTION_IMPORT_MAX_ROWS: the whole file is never held in
 * memory, only the parsed rows (at most the bound).
 */
import {
  duplicatesInFile, INSTITUTION_IMPORT_COLUMNS, INSTITUTION_IMPORT_MAX_BYTES, INSTITUTION_IMPORT_MAX_ROWS, isBlankRow, parseInstitutionImportRow, readImportHeader,
  type InstitutionImportRowError, type ParsedInstitutionRow,
} from '@medreg/domain';
import { readSheetRows } from '../../spreadsheet/read-rows';
import { InstitutionRegistryErrors as E } from './errors';

export interface ImportUpload {
  filename: string;
  stream: AsyncIterable<Buffer>;
}

export interface ReadImportFile {
  rows: ParsedInstitutionRow[];
  errors: InstitutionImportRowError[];
  /** Data rows read (blank rows not counted). */
  rowCount: number;
}

const MAX_MB = INSTITUTION_IMPORT_MAX_BYTES / 1024 / 1024;

export const importFileTooLarge = () => E.INSTITUTION_IMPORT_TOO_LARGE({ path: ['file'], detail: `导入文件不能超过${MAX_MB} MB，请分批导入` });

const fileProblem = (message: string) => E.INSTITUTION_IMPORT_INVALID({
  detail: message, path: ['file'],
  extra: { rowErrors: [{ row: 1, field: '文件', message }], moreErrors: 0 },
});

export async function readImportFile(upload: ImportUpload): Promise<ReadImportFile> {
  const sheet = readSheetRows(upload.stream, {
    filename: upload.filename, maxBytes: INSTITUTION_IMPORT_MAX_BYTES, maxColumns: Object.keys(INSTITUTION_IMPORT_COLUMNS).length + 10,
    unreadable: (detail) => E.INSTITUTION_IMPORT_UNREADABLE({ path: ['file'], detail }),
    tooLarge: importFileTooLarge,
  });
  let columns: Extract<ReturnType<typeof readImportHeader>, { ok: true }>['columns'] | undefined;
  const rows: ParsedInstitutionRow[] = [];
  const errors: InstitutionImportRowError[] = [];
  let rowCount = 0;
  for await (const { rowNumber, cells } of sheet) {
    if (!columns) {
      const header = readImportHeader(cells);
      if (!header.ok) throw fileProblem(header.error.message);
      columns = header.columns;
      continue;
    }
    if (isBlankRow(cells)) continue;
    rowCount += 1;
    if (rowCount > INSTITUTION_IMPORT_MAX_ROWS) {
      // Reading stops here: the rest of the file is not parsed.
      throw fileProblem(`一次最多导入${INSTITUTION_IMPORT_MAX_ROWS}家医疗机构，本文件超过${INSTITUTION_IMPORT_MAX_ROWS}行，请分批导入`);
    }
    const parsed = parseInstitutionImportRow(rowNumber, cells, columns);
    if (parsed.ok) rows.push({ row: rowNumber, value: parsed.value });
    else errors.push(...parsed.errors);
  }
  if (!columns) throw fileProblem('文件为空，请下载模板填写');
  if (rowCount === 0) throw fileProblem('文件中没有医疗机构（第2行起每行一家）');
  errors.push(...duplicatesInFile(rows));
  return { rows, errors, rowCount };
}
