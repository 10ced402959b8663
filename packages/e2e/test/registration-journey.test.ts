/**
 * Review-to-certificate acceptance: the seed's whole journey across the three portals and the public register.
 *   第三步  the demo physician (doctor_demo, activated and qualified) submits a 首次注册 to 北京市海淀医院;
 *   第四步  the institution clerk: 医师申请业务办理 →【查询】by name →【办理业务】→【打印预览】(审核表 PDF) →【同意】;
 *   审批    the 海淀区卫生健康委员会 reviewer: 审批工作台 → the application → 纸质材料 →【受理】→【准予注册】;
 *   证照    the physician: 执业信息 with the 执业证书编码 → the electronic certificate (PDF);
 *   公众    /public/search finds the physician; the certificate's QR address /public/verify/<token> says 有效.
 * Screenshots and PDFs: packages/e2e/artifacts/registration/
 */
import { writeFile } from 'node:fs/promises';
import { parseLicenceCode } from '@medreg/domain';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PHYSICIAN_LOGIN } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { answerCaptcha, logIn, newVisitor, open, pdfContentText, pdfText, renderPdf, screenshots, squash, writePortrait } from './support/journey';
import { choose, menu, submitFirstRegistration } from './support/physician-flows';
import { startServer, type RunningServer } from './support/server';

const PHYSICIAN_NAME = '王晓明'; // doctor_demo's qualification record
const INSTITUTION = '北京市海淀医院';
const AUTHORITY = '北京市海淀区卫生健康委员会';

describe.skipIf(!HAS_CHROMIUM)('registration journey: 医师申请 → 机构确认 → 审批 → 电子证照 → 公众查询', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  let shot: (page: Page, step: string) => Promise<string>;
  const contexts: BrowserContext[] = [];
  let current: Page | undefined;
  let broken = false;

  // What the journey learns on the way.
  let businessCode = '';
  let licenceCode = '';
  let verifyPath = '';

  /** Each portal is used by a different person on a different computer: a fresh browser context. */
  async function visitor(): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    current = await context.newPage();
    return current;
  }

  /** Runs one stage; a failure screenshots the page, adds the server's log, and skips the stages after it. */
  async function stage(skip: () => void, body: () => Promise<void>): Promise<void> {
    if (broken) skip();
    try {
      await body();
    } catch (error) {
      broken = true;
      if (current) await shot(current, 'FAILED').catch(() => undefined);
      throw new Error(`${(error as Error).message}\n--- server output ---\n${server.output().slice(-3000)}`, { cause: error });
    }
  }

  beforeAll(async () => {
    const [s, b, shots] = await Promise.all([startServer(), launchChromium(), screenshots('registration')]);
    server = s;
    browser = b;
    shot = shots.shot;
    dir = shots.dir;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('第三步: the physician submits a 首次注册 to 北京市海淀医院', async (ctx) => stage(ctx.skip, async () => {
    const page = await visitor();
    await logIn(page, 'physician', DEMO_PHYSICIAN_LOGIN.loginName, DEMO_PASSWORD, shot);
    await page.getByRole('heading', { name: '系统首页' }).waitFor();
    await shot(page, 'physician-home');
    const photo = await writePortrait(dir);
    businessCode = await submitFirstRegistration(page, {
      province: '北京市', institutionQuery: '海淀', institution: INSTITUTION, scope: '内科专业', department: '内科', photo,
    }, shot);
    expect(await page.locator('.ant-result').innerText()).toContain('待机构确认');
    await shot(page, 'physician-submitted');
  }));

  it('第四步: the institution clerk finds it, previews the 审核表 and 【同意】', async (ctx) => stage(ctx.skip, async () => {
    const page = await visitor();
    await logIn(page, 'institution', 'hdh_clerk', DEMO_PASSWORD, shot);
    await shot(page, 'institution-home');

    // 【医师申请业务办理】 → 姓名 →【查询】
    await menu(page, '医师申请业务办理');
    await page.getByRole('heading', { name: '医师申请业务办理' }).waitFor();
    await page.getByLabel('姓名', { exact: true }).fill(PHYSICIAN_NAME);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.waitForURL(/name=/);
    // The queue holds other physicians' applications too (demo data); the search leaves only this one.
    const row = page.locator('.ant-table-row', { hasText: businessCode });
    await row.waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    await shot(page, 'institution-queue');

    // 【办理业务】 → the审核窗口
    await row.getByRole('link', { name: '办理业务' }).click();
    await page.getByRole('heading', { name: new RegExp(`办理业务.*${PHYSICIAN_NAME}`) }).waitFor();
    expect(await page.locator('.inst-detail').innerText()).toContain(businessCode);
    await page.getByRole('img', { name: '申请人照片' }).waitFor();
    await shot(page, 'institution-application');

    // 【打印预览】: the A4 审核表 in a frame; read the same PDF with the clerk's session.
    await page.getByRole('button', { name: /打印预览/ }).click();
    const frame = page.locator('iframe[title="医师执业注册申请审核表"]');
    await frame.waitFor();
    await shot(page, 'institution-print-preview');
    const formUrl = await frame.getAttribute('src');
    expect(formUrl).toBeTruthy();
    const res = await page.request.get(formUrl!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const pdf = await res.body();
    const pdfFile = path.join(dir, 'shenhebiao.pdf');
    await writeFile(pdfFile, pdf);
    renderPdf(pdfFile, path.join(dir, 'shenhebiao'));
    const text = squash(await pdfText(pdfFile, pdf));
    expect(text).toContain(businessCode);
    expect(text).toContain(PHYSICIAN_NAME);
    expect(text).toContain('医师执业注册申请审核表');
    await page.getByRole('dialog').locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

    // 【同意】 → 确定同意: on to the authority.
    await page.getByRole('button', { name: '同意', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('机构意见').waitFor();
    await shot(page, 'institution-approve-dialog');
    await dialog.getByRole('button', { name: '确定同意' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Decided: the buttons follow the server's allowedActions, so 【同意】 is gone.
    await page.getByRole('button', { name: '同意', exact: true }).waitFor({ state: 'detached' });
    await page.locator('.inst-timeline-reason', { hasText: '同意申请' }).waitFor();
    const decided = await page.locator('.inst-detail').innerText();
    expect(decided).toContain('已同意'); // 机构审核状态
    expect(decided).toContain('待受理'); // 行政部门审核状态
    await shot(page, 'institution-approved');

    // 第五步: after 【同意】 the clerk prints the coded form again; now it carries the 医疗机构意见.
    await page.getByRole('button', { name: /打印预览/ }).click();
    await frame.waitFor();
    const agreed = await (await page.request.get((await frame.getAttribute('src'))!)).body();
    const agreedFile = path.join(dir, 'shenhebiao-agreed.pdf');
    await writeFile(agreedFile, agreed);
    renderPdf(agreedFile, path.join(dir, 'shenhebiao-agreed'));
    const agreedText = squash(await pdfText(agreedFile, agreed));
    expect(agreedText).toContain(businessCode);
    expect(agreedText).toContain('同意申请');
    await page.getByRole('dialog').locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  }));

  it('审批: the 区卫生健康委员会 reviewer 【受理】 and 【准予注册】', async (ctx) => stage(ctx.skip, async () => {
    const page = await visitor();
    await logIn(page, 'authority', 'hd_wjw_reviewer', DEMO_PASSWORD, shot);
    await shot(page, 'authority-home');

    await menu(page, '审批工作台');
    await page.getByRole('heading', { name: '审批工作台' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: businessCode });
    await row.waitFor();
    await shot(page, 'authority-queue');
    await row.getByRole('link', { name: '办理业务' }).click();
    await page.getByText(`业务编号：${businessCode}`).waitFor();
    expect(await page.locator('.authority-detail').innerText()).toContain(INSTITUTION);

    // 纸质材料 (seed 注册需要提交的材料): every item received, one after another.
    const materials = page.locator('.materials-list').getByRole('checkbox');
    const count = await materials.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) {
      const box = materials.nth(i);
      await expect.poll(() => box.isEnabled(), { timeout: 10_000 }).toBe(true);
      await box.click();
      await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(true);
    }
    await page.getByText(`纸质材料（已收 ${count}/${count}）`).waitFor();
    await shot(page, 'authority-application');

    // 【受理】 → 确定受理
    await page.getByRole('button', { name: '受理', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: '受理' });
    await dialog.getByText('纸质材料已齐全').waitFor();
    await shot(page, 'authority-accept-dialog');
    await dialog.getByRole('button', { name: '确定受理' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '准予注册', exact: true }).waitFor();
    await shot(page, 'authority-accepted');

    // 【准予注册】 → 确定准予注册: the 执业证书编码 is issued.
    await page.getByRole('button', { name: '准予注册', exact: true }).click();
    dialog = page.getByRole('dialog', { name: '准予注册' });
    await dialog.getByText(PHYSICIAN_NAME).waitFor();
    await shot(page, 'authority-approve-dialog');
    await dialog.getByRole('button', { name: '确定准予注册' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const outcome = page.locator('.ant-alert', { hasText: '已准予注册' });
    await outcome.waitFor();
    licenceCode = /医师执业证书编码\s*(\S+)/.exec(await outcome.innerText())?.[1] ?? '';
    expect(parseLicenceCode(licenceCode).ok, licenceCode).toBe(true);
    await shot(page, 'authority-approved');
  }));

  it('证照: the physician sees the 执业证书编码 and downloads the electronic certificate', async (ctx) => stage(ctx.skip, async () => {
    const page = await visitor();
    await logIn(page, 'physician', DEMO_PHYSICIAN_LOGIN.loginName, DEMO_PASSWORD);
    await page.getByRole('heading', { name: '系统首页' }).waitFor();
    await shot(page, 'physician-home-registered');

    await menu(page, '业务进度');
    const row = page.locator('.ant-table-row', { hasText: businessCode });
    await row.waitFor();
    expect(await row.innerText()).toContain('准予注册');
    await row.getByRole('link', { name: businessCode }).click();
    await page.locator('.ant-timeline').waitFor();
    const history = await page.locator('.ant-timeline').innerText();
    expect(history).toContain(INSTITUTION);
    expect(history).toContain(AUTHORITY);
    await shot(page, 'physician-progress-approved');

    await menu(page, '执业信息');
    await page.getByRole('heading', { name: '执业信息' }).waitFor();
    const card = page.locator('.ant-card', { hasText: licenceCode });
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain(INSTITUTION);
    expect(cardText).toContain(AUTHORITY);
    await shot(page, 'physician-practice');

    // 【下载电子证书】 opens the PDF in a new tab; fetch the same address with the physician's session.
    const link = card.getByRole('link', { name: /下载电子证书/ });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/certificate\.pdf$/);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const pdf = await res.body();
    const pdfFile = path.join(dir, 'certificate.pdf');
    await writeFile(pdfFile, pdf);
    renderPdf(pdfFile, path.join(dir, 'certificate'));
    const text = squash(await pdfText(pdfFile, pdf));
    expect(text).toContain(licenceCode);
    expect(text).toContain(PHYSICIAN_NAME);
    // The QR code's address is printed under it, wrapped over two lines: read it as drawn.
    const token = /\/public\/verify\/([A-Za-z0-9_-]+)/.exec(squash(await pdfContentText(pdf)))?.[1];
    expect(token, 'the certificate prints its verification address').toBeTruthy();
    verifyPath = `/public/verify/${token}`;
  }));

  it('公众: the public register finds the physician and the certificate verifies as 有效', async (ctx) => stage(ctx.skip, async () => {
    const page = await visitor();
    await open(page, '/');
    await page.getByRole('link', { name: '医师执业注册信息查询' }).click();
    await page.getByRole('heading', { name: '医师执业注册信息查询' }).waitFor();
    await choose(page, '所在省份', '北京市', '北京');
    await page.getByLabel('医师姓名').fill(PHYSICIAN_NAME);
    await page.getByLabel('所在医疗机构').fill(INSTITUTION);
    await answerCaptcha(page);
    await shot(page, 'public-search-form');
    await page.getByRole('button', { name: /查询/ }).click();
    const results = page.getByRole('region', { name: '查询结果' });
    const row = results.locator('.ant-table-row', { hasText: PHYSICIAN_NAME });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain(INSTITUTION);
    expect(rowText).toContain('有效');
    await shot(page, 'public-search-results');
    await row.getByRole('button', { name: `查看${PHYSICIAN_NAME}的详细信息` }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '医师执业注册信息' });
    await drawer.getByText(licenceCode).waitFor();
    await shot(page, 'public-search-detail');

    // The certificate's QR code opens the verification page.
    await open(page, verifyPath);
    // The verdict, not the 页面加载中 status the page shows while its code loads.
    const verdict = page.locator('[role="status"][data-verdict]');
    await verdict.waitFor();
    expect(await verdict.innerText()).toContain('有效');
    expect(await verdict.getAttribute('data-verdict')).toBe('有效');
    const details = await page.locator('.registration-details').innerText();
    expect(details).toContain(PHYSICIAN_NAME);
    expect(details).toContain(licenceCode);
    await shot(page, 'public-verify');
  }));
});
