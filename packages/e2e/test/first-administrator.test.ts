/**
 * 首位管理员: an installation starts without demo data; the operator runs `npm run create-admin`, which prints a
 * one-time password; the administrator's first login goes to 修改密码, which must be done before anything else,
 * and afterwards only the new password opens the 卫生健康行政部门端.
 * Screenshots: packages/e2e/artifacts/first-administrator/
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { fillLogin, newVisitor, open, PORTAL_ENTRY, screenshots } from './support/journey';
import { startServer, type RunningServer } from './support/server';
import { seriousViolations } from './support/axe';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NEW_PASSWORD = 'Guojia#Weijian2026';

async function logInAs(page: Page, loginName: string, password: string): Promise<void> {
  await open(page, '/');
  await page.getByRole('link', { name: PORTAL_ENTRY.authority }).click();
  await page.getByRole('heading', { name: '用户登录' }).waitFor();
  await fillLogin(page, loginName, password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe.skipIf(!HAS_CHROMIUM)('首位管理员 (create-admin, forced password change)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (page: Page, step: string) => Promise<string>;
  let oneTimePassword = '';

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'medreg-e2e-admin-'));
    // The embedded database of that data directory: no DATABASE_URL from the caller's shell.
    const { DATABASE_URL: _db, ...inherited } = process.env;
    const printed = execFileSync(process.execPath, ['packages/server/dist/create-admin.js'], {
      cwd: ROOT,
      env: { ...inherited, MEDREG_DATA_DIR: dataDir, NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    oneTimePassword = /一次性密码 \(one-time password\): (\S+)/.exec(printed)?.[1] ?? '';
    const [s, b, shots] = await Promise.all([startServer({ dataDir, demo: false }), launchChromium(), screenshots('first-administrator')]);
    server = s;
    browser = b;
    shot = shots.shot;
    context = await newVisitor(browser, server.baseUrl);
    page = await context.newPage();
  }, 150_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('prints a one-time password, sends the first login to 修改密码, and then only the new password works', async () => {
    expect(oneTimePassword).toMatch(/^\S{12,}$/);
    expect(server.output()).not.toContain('演示账户');

    await logInAs(page, 'nhc_admin', oneTimePassword);
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await page.getByText('首次登录须先修改初始密码').waitFor();
    await shot(page, 'change-password');
    expect(await seriousViolations(page)).toEqual([]);

    // Until the password is changed the portal itself is refused.
    const refused = await page.evaluate(async () => (await fetch('/api/v1/authority/queue')).status);
    expect(refused).toBe(403);

    await page.getByLabel('当前密码').fill(oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByRole('heading', { name: '系统首页' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/authority/);
    await shot(page, 'authority-home');

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/authority'));
    await logInAs(page, 'nhc_admin', oneTimePassword);
    await page.getByText('登录名或密码错误').first().waitFor();
    await logInAs(page, 'nhc_admin', NEW_PASSWORD);
    await page.getByRole('heading', { name: '系统首页' }).waitFor();
  });

  it('fits the 修改密码 page on a phone', async () => {
    const phone = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const p = await phone.newPage();
    await logInAs(p, 'nhc_admin', NEW_PASSWORD);
    await p.getByRole('heading', { name: '系统首页' }).waitFor();
    await open(p, '/change-password');
    await p.getByRole('heading', { name: '修改密码' }).waitFor();
    await shot(p, 'change-password-phone');
    // On a phone the shared header still draws its parts over each other (the portal layout's phone work), so
    // this checks the page's own content.
    expect(await seriousViolations(p, '[data-testid=change-password]')).toEqual([]);
    // The form itself fits the screen (the shared header's layout on phones is the portal layout's own work).
    const card = await p.getByTestId('change-password').boundingBox();
    expect(card && card.x >= 0 && card.x + card.width <= 390).toBe(true);
    await phone.close();
  });
});
