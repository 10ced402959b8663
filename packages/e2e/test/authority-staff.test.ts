/**
 * 人员账户: the demo 北京市 administrator creates a reviewer for 北京市海淀区卫生健康委员会 (a county below it); the
 * one-time password is shown once; the reviewer logs in with it, must change it (修改密码), and then sees the
 * county's own 审批工作台 (the demo application accepted there). The page is checked with axe at 1366×768 and 390×844.
 * Screenshots: packages/e2e/artifacts/authority-staff/
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { fillLogin, logIn, newVisitor, open, PORTAL_ENTRY, screenshots, settle } from './support/journey';
import { startServer, type RunningServer } from './support/server';
import { seriousViolations } from './support/axe';

const NEW_PASSWORD = 'Haidian#Shenhe2026';

describe.skipIf(!HAS_CHROMIUM)('人员账户 (authority administrator)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (page: Page, step: string) => Promise<string>;

  beforeAll(async () => {
    const [s, b, shots] = await Promise.all([startServer(), launchChromium(), screenshots('authority-staff')]);
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

  it('creates a county reviewer whose first login must change the one-time password, then sees the county queue', async () => {
    await logIn(page, 'authority', 'bj_wjw_admin', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '人员账户' }).click();
    await page.getByRole('heading', { name: '人员账户' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    await shot(page, 'list');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '新建人员账户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建人员账户' });
    await dialog.getByLabel('所属卫生健康行政部门').click();
    // Only the authorities in reach are offered: 北京市 and its districts, never another province.
    await expect.poll(() => page.locator('.ant-select-item-option').allTextContents()).toContain('北京市海淀区卫生健康委员会（110108）');
    expect((await page.locator('.ant-select-item-option').allTextContents()).some((t) => t.includes('广东'))).toBe(false);
    await page.locator('.ant-select-item-option', { hasText: '海淀区' }).click();
    await dialog.getByLabel('登录名').fill('hd_wang_reviewer');
    await dialog.getByLabel('姓名').fill('王审核');
    await shot(page, 'create');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '创建' }).click();

    const shown = page.getByRole('dialog', { name: '账户已创建' });
    await shown.waitFor();
    const oneTimePassword = (await shown.getByTestId('one-time-password').innerText()).trim();
    expect(oneTimePassword).toMatch(/^\S{16}$/);
    await shot(page, 'one-time-password');
    expect(await seriousViolations(page)).toEqual([]);
    await shown.getByRole('button', { name: '我已记下' }).click();
    await page.getByRole('cell', { name: 'hd_wang_reviewer' }).waitFor();
    await expect(page.locator('tr', { hasText: 'hd_wang_reviewer' }).innerText()).resolves.toContain('待改密码');

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/authority'));
    await open(page, '/');
    await page.getByRole('link', { name: PORTAL_ENTRY.authority }).click();
    await page.getByRole('heading', { name: '用户登录' }).waitFor();
    await fillLogin(page, 'hd_wang_reviewer', oneTimePassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await page.getByLabel('当前密码').fill(oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByRole('heading', { name: '系统首页' }).waitFor();
    // A reviewer does not administer: no 人员账户 in its menu.
    expect(await page.getByRole('menuitem', { name: '人员账户' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '审批工作台' }).click();
    await page.getByRole('heading', { name: '审批工作台' }).waitFor();
    // The county's own queue: the demo application accepted by 北京市海淀区卫生健康委员会 (魏然, 北京市海淀医院).
    await page.getByRole('tab', { name: /已受理/ }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '魏然' }).first().waitFor();
    expect(await page.getByText(/您正在查看.*的审批队列/).count()).toBe(0);
    await settle(page);
    await shot(page, 'reviewer-queue');
  }, 180_000);

  it('fits a 390 px phone', async () => {
    const phone = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const p = await phone.newPage();
    await logIn(p, 'authority', 'bj_wjw_admin', DEMO_PASSWORD);
    await open(p, '/authority/staff');
    await p.getByRole('heading', { name: '人员账户' }).waitFor();
    await p.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await settle(p);
    await shot(p, 'phone');
    expect(await seriousViolations(p)).toEqual([]);
    const wide = await p.evaluate(() => Array.from(document.querySelectorAll('main.portal-page *'))
      .filter((e) => !e.closest('.ant-table-content') && e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5).map((e) => `${e.tagName}.${(e as HTMLElement).className} ${Math.round(e.getBoundingClientRect().right)}`));
    expect(wide).toEqual([]);
    await phone.close();
  }, 120_000);
});
