/**
 * 审计日志 in the authority portal: the 北京市 administrator sees the jurisdiction's entries (the demo applications
 * at 北京市海淀医院), filters them, runs the hash-chain verifier, and the page fits a 390 px phone.
 * Screenshots: packages/e2e/artifacts/audit/
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { logIn, newVisitor, open, screenshots, settle } from './support/journey';
import { startServer, type RunningServer } from './support/server';
import { seriousViolations } from './support/axe';

describe.skipIf(!HAS_CHROMIUM)('审计日志 (authority administrator)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (page: Page, step: string) => Promise<string>;

  beforeAll(async () => {
    const [s, b, shots] = await Promise.all([startServer(), launchChromium(), screenshots('audit')]);
    server = s;
    browser = b;
    shot = shots.shot;
    context = await newVisitor(browser, server.baseUrl);
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lists, filters and verifies the audit trail of the jurisdiction, also on a phone', async () => {
    await logIn(page, 'authority', 'bj_wjw_admin', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    await expect(page.getByText(/共 \d+ 条/).textContent()).resolves.toMatch(/共 [1-9]\d* 条/);
    await shot(page, 'list');

    await page.getByRole('button', { name: '校验哈希链' }).click();
    await page.getByText('审计日志完整：哈希链未发现断裂').waitFor();
    await shot(page, 'verified');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('操作', { exact: true }).click();
    await page.keyboard.type('受理');
    await page.locator('.ant-select-item-option', { hasText: '受理' }).first().click();
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('受理'))).toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);

    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, '/authority/audit');
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await settle(page);
    await shot(page, 'phone');
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing of the page reaches past the screen (the table scrolls inside its own box).
    const wide = await page.evaluate(() => Array.from(document.querySelectorAll('main.portal-page *'))
      .filter((e) => !e.closest('.ant-table-content') && e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5).map((e) => `${e.tagName}.${(e as HTMLElement).className} ${Math.round(e.getBoundingClientRect().right)}`));
    expect(wide).toEqual([]);
  }, 180_000);
});
