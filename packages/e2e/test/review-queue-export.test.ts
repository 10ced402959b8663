/**
 * 审批工作台导出 (issue 10 point 6): the 北京市海淀区卫生健康委员会 reviewer opens 已受理, clicks 导出Excel and opens the
 * workbook — the rows are the list's rows (the demo application of 魏然 with its 审批期限); 导出CSV holds the same
 * rows. The page passes axe with the export buttons, at 1366×768 and at 390×844.
 * Screenshots: packages/e2e/artifacts/review-queue-export/
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { downloadExport } from './support/export';
import { logIn, newVisitor, screenshots, settle } from './support/journey';
import { startServer, type RunningServer } from './support/server';

describe.skipIf(!HAS_CHROMIUM)('审批工作台 export', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (page: Page, step: string) => Promise<string>;

  beforeAll(async () => {
    const [s, b, shots] = await Promise.all([startServer(), launchChromium(), screenshots('review-queue-export')]);
    server = s;
    browser = b;
    shot = shots.shot;
    context = await newVisitor(browser, server.baseUrl);
    page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('exports 已受理 to Excel with the rows of the list, and the same rows as CSV', async () => {
    await logIn(page, 'authority', 'hd_wjw_reviewer', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '审批工作台' }).click();
    await page.getByRole('heading', { name: '审批工作台' }).waitFor();
    await page.getByRole('tab', { name: /已受理/ }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '魏然' }).first().waitFor();
    await settle(page);
    await shot(page, 'accepted');
    expect(await seriousViolations(page)).toEqual([]);

    const xlsx = await downloadExport(page, 'xlsx');
    expect(xlsx.filename).toMatch(/^审批工作台-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(xlsx.rows[0]).toEqual(expect.arrayContaining(['业务编号', '医师姓名', '执业机构', '状态', '审批期限', '剩余工作日']));
    const name = xlsx.rows[0]!.indexOf('医师姓名');
    const state = xlsx.rows[0]!.indexOf('状态');
    expect(xlsx.rows.slice(1).map((r) => r[name])).toContain('魏然');
    expect(xlsx.rows.slice(1).every((r) => r[state] === '已受理')).toBe(true);
    expect(xlsx.rows.length - 1).toBe(await rows.count());

    const csv = await downloadExport(page, 'csv');
    expect(csv.filename).toMatch(/\.csv$/);
    expect(csv.rows).toEqual(xlsx.rows);
  }, 180_000);

  it('keeps the export buttons usable on a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: '审批工作台' }).waitFor();
    const excel = page.getByRole('link', { name: '导出Excel' });
    await excel.scrollIntoViewIfNeeded();
    const box = await excel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await settle(page);
    await shot(page, 'phone');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
