/**
 * 工作日历 — 《行政许可法》第八十二条: the server clock is moved to mid-December of the last year the holiday dataset
 * covers, so the demo application accepted at 北京市海淀区卫生健康委员会 is due in the next year, whose holidays are not
 * entered: its due date is 「暂定」 in the reviewer's queue. The 北京市 administrator sees the warning on every page,
 * enters the next year's notice in one form, the warning goes, and once the recompute job has run the queue's 「暂定」
 * tag goes too. Checked with axe at 1366×768 and 390×844.
 * Screenshots: packages/e2e/artifacts/calendar-provisional-due-dates/
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDaysYears, toDayNumber, todayInChina } from '@medreg/domain';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { logIn, newVisitor, open, screenshots, settle } from './support/journey';
import { startServer, type RunningServer } from './support/server';
import { seriousViolations } from './support/axe';

const LAST_KNOWN = chineseDaysYears().at(-1)!;
const NEXT = LAST_KNOWN + 1;
const OFFSET_DAYS = Math.max(0, toDayNumber(`${LAST_KNOWN}-12-15`) - toDayNumber(todayInChina()));

describe.skipIf(!HAS_CHROMIUM)('《行政许可法》第八十二条: 暂定 due dates until the next year\'s holidays are entered', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let reviewer: BrowserContext;
  let adminPage: Page;
  let reviewerPage: Page;
  let shot: (page: Page, step: string) => Promise<string>;

  beforeAll(async () => {
    const [s, b, shots] = await Promise.all([startServer({ env: { MEDREG_CLOCK_OFFSET_DAYS: String(OFFSET_DAYS) } }), launchChromium(), screenshots('calendar-provisional-due-dates')]);
    server = s;
    browser = b;
    shot = shots.shot;
    admin = await newVisitor(browser, server.baseUrl);
    reviewer = await newVisitor(browser, server.baseUrl);
    adminPage = await admin.newPage();
    reviewerPage = await reviewer.newPage();
    await adminPage.setViewportSize({ width: 1366, height: 768 });
    await reviewerPage.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await reviewer?.close();
    await browser?.close();
    await server?.stop();
  });

  const provisionalRow = (page: Page) => page.locator('tr', { hasText: '魏然' }).locator('[data-provisional="true"]');

  it('shows the reviewer\'s accepted application due 暂定, with the reason', async () => {
    await logIn(reviewerPage, 'authority', 'hd_wjw_reviewer', DEMO_PASSWORD);
    await open(reviewerPage, '/authority/reviews?queue=accepted');
    await provisionalRow(reviewerPage).waitFor();
    expect(await provisionalRow(reviewerPage).innerText()).toContain('暂定');
    expect(await provisionalRow(reviewerPage).textContent()).toContain(`${NEXT}年节假日安排尚未录入，截止日期暂按周一至周五计算`);
    // A reviewer cannot enter the calendar: no warning banner for them.
    expect(await reviewerPage.getByTestId('calendar-warning').count()).toBe(0);
    await settle(reviewerPage);
    await shot(reviewerPage, 'queue-provisional-1366');
    expect(await seriousViolations(reviewerPage)).toEqual([]);
  });

  it('warns the administrator on every page until the year is entered, at 1366 and 390', async () => {
    await logIn(adminPage, 'authority', 'bj_wjw_admin', DEMO_PASSWORD);
    const warning = adminPage.getByTestId('calendar-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain(`${NEXT}年节假日安排尚未录入，截止日期暂按周一至周五计算`);
    expect(await warning.innerText()).toContain('1 件已受理业务的法定办结日期为暂定');
    await settle(adminPage);
    await shot(adminPage, 'home-warning-1366');
    expect(await seriousViolations(adminPage)).toEqual([]);
    await adminPage.setViewportSize({ width: 390, height: 844 });
    await settle(adminPage);
    await shot(adminPage, 'home-warning-390');
    expect(await seriousViolations(adminPage)).toEqual([]);
    await adminPage.setViewportSize({ width: 1366, height: 768 });
  });

  it('enters the next year in one form; the warning goes, and the queue\'s 暂定 tag goes after the recompute', async () => {
    await adminPage.getByTestId('calendar-warning').getByRole('link', { name: '录入节假日安排' }).click();
    await adminPage.getByRole('heading', { name: '工作日历' }).waitFor();
    await adminPage.getByLabel('年度').click();
    await adminPage.locator('.ant-select-item-option', { hasText: `${NEXT}年` }).click();
    const form = adminPage.locator('.calendar-year-form');
    await form.waitFor();
    expect(await adminPage.getByText('工作日历和审批时限全国统一').count()).toBe(1);
    // Two holidays of the notice; the other rows removed.
    for (let i = 0; i < 5; i++) await form.getByRole('button', { name: '删除第3个节日' }).click();
    await form.getByTestId('holiday-0').getByLabel('放假开始').fill(`${NEXT}-01-01`);
    await form.getByTestId('holiday-0').getByLabel('放假结束').fill(`${NEXT}-01-03`);
    await form.getByTestId('holiday-1').getByLabel('放假开始').fill(`${NEXT}-02-06`);
    await form.getByTestId('holiday-1').getByLabel('放假结束').fill(`${NEXT}-02-13`);
    await form.getByRole('button', { name: '添加调休上班日' }).click();
    // A weekday is refused next to its field, in Chinese.
    await form.getByTestId('workday-0').getByLabel('上班日期').fill(`${NEXT}-02-15`);
    await settle(adminPage);
    await shot(adminPage, 'year-form-1366');
    expect(await seriousViolations(adminPage)).toEqual([]);
    await form.getByRole('button', { name: `提交${NEXT}年节假日安排` }).click();
    await form.getByText(/不是周六或周日/).waitFor();
    await form.getByTestId('workday-0').getByLabel('上班日期').fill(`${NEXT}-02-14`);
    await form.getByRole('button', { name: `提交${NEXT}年节假日安排` }).click();

    await adminPage.getByTestId('calendar-year-status').getByText(`${NEXT}年的节假日安排已由管理员录入`).waitFor();
    await expect.poll(() => adminPage.getByTestId('calendar-warning').count(), { timeout: 15_000 }).toBe(0);
    await adminPage.getByRole('cell', { name: `${NEXT}-02-14` }).first().waitFor();
    await settle(adminPage);
    await shot(adminPage, 'year-entered-1366');
    expect(await seriousViolations(adminPage)).toEqual([]);
    await adminPage.setViewportSize({ width: 390, height: 844 });
    await settle(adminPage);
    await shot(adminPage, 'year-entered-390');
    expect(await seriousViolations(adminPage)).toEqual([]);

    // The recompute job runs every 10 s: the reviewer's queue loses its 暂定 tag.
    await expect.poll(async () => {
      await reviewerPage.reload();
      await reviewerPage.locator('tr', { hasText: '魏然' }).waitFor();
      return provisionalRow(reviewerPage).count();
    }, { timeout: 60_000, interval: 3000 }).toBe(0);
    await settle(reviewerPage);
    await shot(reviewerPage, 'queue-final-1366');
    await reviewerPage.setViewportSize({ width: 390, height: 844 });
    await settle(reviewerPage);
    await shot(reviewerPage, 'queue-final-390');
    expect(await seriousViolations(reviewerPage)).toEqual([]);
  }, 120_000);
});
