/**
 * Steps on the dashboards (统计看板 at /authority/dashboard, 本机构统计 at /institution/statistics) that journeys share:
 * open, 刷新统计, drill into a child authority and back, read a figure, download a table.
 */
import type { Download, Page } from 'playwright-core';
import { menu } from './physician-flows';

/** 统计看板 from the left menu, once its figures are shown. */
export async function openAuthorityDashboard(page: Page): Promise<void> {
  await menu(page, '统计看板');
  await page.getByRole('heading', { name: '统计看板' }).waitFor();
  await page.getByText('统计时间：').waitFor();
}

/** 「刷新统计」 and wait for the server's answer; returns the 统计时间 shown afterwards. */
export async function refreshStatistics(page: Page): Promise<string> {
  await page.getByRole('button', { name: '刷新统计' }).click();
  await page.getByText('统计已刷新').waitFor();
  await page.getByText(/统计时间：\d{4}/).waitFor();
  return (await page.getByText(/统计时间：/).innerText()).trim();
}

/** The number of valid registrations in the 注册医师 panel's title. */
export async function registeredPhysicians(page: Page): Promise<number> {
  const title = await page.locator('.chart-card .ant-card-head-title', { hasText: '注册医师（有效注册' }).innerText();
  return Number(/有效注册 (\d+) 人/.exec(title)?.[1] ?? Number.NaN);
}

/** A child authority's dashboard through 下级部门. */
export async function drillInto(page: Page, authorityName: string): Promise<void> {
  await page.getByRole('navigation', { name: '下级卫生健康行政部门' }).getByRole('link', { name: authorityName }).click();
  await page.getByText(`${authorityName}辖区`).waitFor();
}

/** Back up the breadcrumb to an authority above. */
export async function backTo(page: Page, authorityName: string): Promise<void> {
  await page.locator('.ant-breadcrumb').getByRole('link', { name: authorityName }).click();
  await page.getByText(`${authorityName}辖区`).waitFor();
}

/** A panel's 「Excel」 or 「CSV」 download. */
export async function downloadTable(page: Page, panelTitle: string, format: 'Excel' | 'CSV'): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: `${panelTitle}导出${format}` }).click();
  return download;
}

/** 本机构统计 from the institution portal's menu. */
export async function openInstitutionStatistics(page: Page): Promise<void> {
  await menu(page, '本机构统计');
  await page.getByRole('heading', { name: '本机构统计' }).waitFor();
  await page.getByText('待本机构确认').waitFor();
}

/** The rows of a downloaded workbook's first sheet, as text. */
export async function workbookRows(path: string): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}
