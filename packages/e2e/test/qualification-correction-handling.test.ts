/**
 * 资格补改 handled by the authority (domain §2.2 BT-12): the demo physician files a request; the 北京市 commission's
 * reviewer opens it, 受理, then 补改 — supplements the missing 执业助理医师（口腔类别） record — and the physician
 * reads 已补改 and finds the record in 资格信息. Checked at 1366×768 and 390×844, with axe.
 * Screenshots: packages/e2e/artifacts/qualification-correction-handling/
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { logIn, newVisitor, screenshots, settle } from './support/journey';
import { choose, menu } from './support/physician-flows';
import { startServer, type RunningServer } from './support/server';

describe.skipIf(!HAS_CHROMIUM)('资格补改 handled by the province (domain §2.2 BT-12)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let shot: (page: Page, step: string) => Promise<string>;

  beforeAll(async () => {
    const [s, b, shots] = await Promise.all([startServer(), launchChromium(), screenshots('qualification-correction-handling')]);
    server = s;
    browser = b;
    shot = shots.shot;
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function visitor(): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    return page;
  }

  it('a request is accepted, the missing qualification supplemented, and the physician sees it', async () => {
    const physician = await visitor();
    await logIn(physician, 'physician', 'doctor_demo', DEMO_PASSWORD);
    await menu(physician, '资格补改指南');
    await physician.getByLabel('申请原因').fill('2015年取得执业助理医师（口腔）资格，资格库中查询不到');
    await physician.getByRole('button', { name: '提交申请' }).click();
    await physician.getByText('您有一条正在办理的资格补改申请').waitFor();

    const reviewer = await visitor();
    await logIn(reviewer, 'authority', 'bj_wjw_reviewer', DEMO_PASSWORD);
    await menu(reviewer, '资格补改');
    const row = reviewer.locator('.ant-table-tbody tr.ant-table-row', { hasText: '王晓明' }).first();
    await row.getByRole('button', { name: '办理' }).click();
    const drawer = reviewer.getByRole('dialog', { name: '资格补改申请' });
    await drawer.getByText('医师当前的资格信息').waitFor();
    await drawer.getByRole('button', { name: '受理' }).click();
    await drawer.getByText('审核中').waitFor();
    await drawer.getByRole('button', { name: '补改' }).click();
    await choose(reviewer, '级别', '执业助理医师');
    await choose(reviewer, '类别', '口腔类别');
    await drawer.getByLabel('准考证号').fill('110201500777');
    await drawer.getByLabel('办理说明（告知医师）').fill('经核对2015年考试档案，补录执业助理医师资格');
    await settle(reviewer);
    await shot(reviewer, 'authority-resolve-form');
    expect(await seriousViolations(reviewer)).toEqual([]);
    await drawer.getByRole('button', { name: '确定补改' }).click();
    await drawer.getByText('已补改').first().waitFor();
    await drawer.getByText('110201500777').waitFor();
    await reviewer.setViewportSize({ width: 390, height: 844 });
    await settle(reviewer);
    await shot(reviewer, 'authority-resolved-phone');
    expect(await seriousViolations(reviewer)).toEqual([]);

    await physician.reload();
    await physician.getByText('经核对2015年考试档案，补录执业助理医师资格').waitFor();
    await physician.getByRole('button', { name: '提交申请' }).waitFor();
    await physician.setViewportSize({ width: 390, height: 844 });
    await settle(physician);
    await shot(physician, 'physician-resolved-phone');
    expect(await seriousViolations(physician)).toEqual([]);
    await physician.getByRole('link', { name: '「资格信息」' }).click();
    await physician.getByText('110201500777').waitFor();
    await physician.getByText('口腔类别').first().waitFor();
    await shot(physician, 'physician-qualifications');
  }, 180_000);
});
