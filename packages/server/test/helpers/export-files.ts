/**
 * Reading an export as a clerk would: the Excel workbook (exceljs) and the CSV (csv-parse) as rows of text, header
 * first, each asserted to be the download it claims (status, type, attachment name).
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Agent } from './agent';

export type Sheet = string[][];

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return String(v);
};

/** The first worksheet of an .xlsx answer as rows of text. */
export async function xlsxRows(res: LightMyRequestResponse): Promise<Sheet> {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]+\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: Sheet = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: ws.columnCount }, (_, i) => text(values[i])));
  });
  return rows;
}

/** A .csv answer (UTF-8 with a BOM) as rows of text. */
export function csvRows(res: LightMyRequestResponse): Sheet {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]+\.csv"/);
  expect(res.body.startsWith('\uFEFF')).toBe(true);
  return parse(res.body.slice(1), { relax_column_count: true }) as Sheet;
}

/**
 * Both downloads of one export (`<path>.xlsx` and `<path>.csv` with the same query), asserted to hold the same
 * rows; returns them. A formula-like cell is neutralised in the CSV only (a leading apostrophe), so that is undone
 * before comparing.
 */
export async function exportBoth(agent: Agent, path: string, query = ''): Promise<Sheet> {
  const qs = query ? `?${query}` : '';
  const xlsx = await xlsxRows(await agent.get(`${path}.xlsx${qs}`));
  const csv = csvRows(await agent.get(`${path}.csv${qs}`));
  expect(csv.map((r) => r.map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c)))).toEqual(xlsx);
  return xlsx;
}

/** The values of one column (by header) below the header row. */
export function column(sheet: Sheet, header: string): string[] {
  const i = sheet[0]!.indexOf(header);
  expect(i, `column ${header} in ${sheet[0]!.join(',')}`).toBeGreaterThanOrEqual(0);
  return sheet.slice(1).map((r) => r[i]!);
}
