/**
 * 资格数据导入 as a province administrator takes it: a file in the template's columns written to disk, chosen with
 * the file chooser of the upload area, the progress bar watched until the import ends, and the error report
 * downloaded and opened.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { QUALIFICATION_IMPORT_TEMPLATE_HEADER } from '@medreg/domain';
import { menu } from './physician-flows';

/** A CSV in the template's columns (UTF-8 with BOM, as Excel saves "CSV UTF-8"). */
export async function writeQualificationCsv(dir: string, file: string, rows: readonly (readonly string[])[]): Promise<string> {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const text = [QUALIFICATION_IMPORT_TEMPLATE_HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
  const target = path.join(dir, file);
  await writeFile(target, `\uFEFF${text}\r\n`, 'utf-8');
  return target;
}

export interface ImportOutcome {
  read: string;
  valid: string;
  rejected: string;
  result: string;
}

/** 资格数据导入 → choose the file → the progress card until 已完成; returns what the card says. */
export async function importQualificationFile(page: Page, file: string, onProgress?: () => Promise<void>): Promise<ImportOutcome> {
  await menu(page, '资格数据导入');
  await page.getByRole('heading', { name: '资格数据导入' }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('点击或拖拽文件到此处上传').click();
  await (await chooser).setFiles(file);
  const card = page.getByTestId('import-progress');
  await card.waitFor();
  await card.getByRole('progressbar', { name: '导入进度' }).waitFor();
  if (onProgress) await onProgress();
  await expect.poll(() => card.innerText(), { timeout: 60_000 }).toContain('已完成');
  return {
    read: await card.getByTestId('rows-read').innerText(),
    valid: await card.getByTestId('rows-valid').innerText(),
    rejected: await card.getByTestId('rows-rejected').innerText(),
    result: await card.getByTestId('import-result').innerText(),
  };
}

/** 下载错误报告（Excel） on the progress card, saved and opened: [行号, 列, 原因] rows after the header. */
export async function downloadErrorReport(page: Page, dir: string): Promise<string[][]> {
  const download = page.waitForEvent('download');
  await page.getByTestId('import-progress').getByRole('link', { name: '下载错误报告（Excel）' }).click();
  const target = path.join(dir, '错误报告.xlsx');
  await (await download).saveAs(target);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(target);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}
