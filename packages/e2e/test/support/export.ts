/**
 * Downloads an export as a clerk does — clicks 「导出Excel」 or 「导出CSV」 on a list page — and opens the file: the
 * workbook with exceljs, the CSV as UTF-8 (with its BOM), both as rows of text, header first.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

export interface DownloadedExport { filename: string; rows: string[][] }

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return String(v);
};

/** The first worksheet of an .xlsx file as rows of text. */
export async function xlsxFileRows(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: ws.columnCount }, (_, i) => text(values[i])));
  });
  return rows;
}

/** A CSV export (UTF-8 with BOM, every field quoted) as rows of text. */
export async function csvFileRows(path: string): Promise<string[][]> {
  const body = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * Clicks the export button of the page's list (「导出Excel」 or 「导出CSV」, the shared ExportButtons) and opens the
 * downloaded file. `within` narrows to one list when a page holds several.
 */
export async function downloadExport(page: Page, format: 'xlsx' | 'csv', within?: string): Promise<DownloadedExport> {
  const scope = within ? page.locator(within) : page;
  const download = page.waitForEvent('download');
  await scope.getByRole('link', { name: format === 'xlsx' ? '导出Excel' : '导出CSV' }).first().click();
  const file = await download;
  const path = await file.path();
  return { filename: file.suggestedFilename(), rows: format === 'xlsx' ? await xlsxFileRows(path) : await csvFileRows(path) };
}
