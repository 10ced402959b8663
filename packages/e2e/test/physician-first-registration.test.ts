/**
 * Physician side acceptance (seed 第一步 → 第三步): a physician who has passed the exam and has no account
 * registers, verifies the phone, passes the 医师资格校验, activates with the 资格证书编码, sees the
 * 资格信息 and submits a 首次注册 to 北京市海淀医院 — clicking the labels the seed names.
 * Screenshots: packages/e2e/artifacts/physician-first-registration/NN-<step>.png
 */
import { makeQualificationCode } from '@medreg/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '../../server/src/seed/demo';
import { DEMO_QUALIFICATIONS } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { newVisitor, screenshots, writePortrait } from './support/journey';
import { logInHere, menu, signUp, submitFirstRegistration, verifyAndActivate, type NewPhysician } from './support/physician-flows';
import { startServer, type RunningServer } from './support/server';

// 李静怡: in the qualification database with a certificate, no account yet.
const record = DEMO_QUALIFICATIONS.find((q) => q.name === '李静怡')!;
const idNumber = demoIdNumber(record);
const certCode = makeQualificationCode({ year: record.examYear, provinceCode: record.areaCode.slice(0, 2), level: record.level, category: record.category, idNumber });

const physician: NewPhysician = {
  name: record.name,
  idNumber,
  phone: '13912345678',
  email: 'lijingyi@example.cn',
  loginName: 'lijingyi2025',
  password: 'Jingyi@2025',
};

describe.skipIf(!HAS_CHROMIUM)('physician journey: 注册新账号 → 激活 → 首次注册', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (page: Page, step: string) => Promise<string>;
  let photo: string;

  beforeAll(async () => {
    const [s, b, shots] = await Promise.all([startServer(), launchChromium(), screenshots('physician-first-registration')]);
    server = s;
    browser = b;
    shot = shots.shot;
    photo = await writePortrait(shots.dir);
    context = await newVisitor(browser, server.baseUrl);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('registers a new account, activates it and submits a 首次注册 that waits for the institution', async () => {
    try {
      // 第一步: 注册新账号, then 【点击下一步】 to log in.
      await signUp(page, physician, shot);
      await logInHere(page, physician.loginName, physician.password, shot, 'login-new-account');
      expect(await page.getByTestId('next-step').innerText()).toContain('手机');
      await shot(page, 'home-before-activation');

      // 第二步: 验证手机号 → 医师资格校验 → 账户激活 → 资格信息.
      await verifyAndActivate(page, physician, certCode, shot);

      // 第三步: 业务申请 → 首次注册 → 提交.
      const businessCode = await submitFirstRegistration(page, {
        province: '北京市', institutionQuery: '海淀医院', institution: '北京市海淀医院', scope: '内科专业', department: '内科', photo,
      }, shot);
      const result = await page.locator('.ant-result').innerText();
      expect(result).toContain(businessCode);
      expect(result).toContain('待机构确认');
      await shot(page, 'submitted');

      // 业务进度: the list, then the application with its timeline.
      await menu(page, '业务进度');
      const row = page.locator('.ant-table-row', { hasText: businessCode });
      await row.waitFor();
      expect(await row.innerText()).toContain('待机构确认');
      await shot(page, 'progress-list');
      await row.getByRole('link', { name: businessCode }).click();
      await page.getByRole('heading', { name: new RegExp(businessCode) }).waitFor();
      const timeline = page.locator('.ant-timeline');
      await timeline.waitFor();
      const history = await timeline.innerText();
      expect(history).toContain('待机构确认');
      expect(history).toContain('申请人（医师）');
      expect(await page.getByText('当前状态').locator('..').innerText()).toContain('待机构确认');
      await shot(page, 'progress-detail');
    } catch (error) {
      await shot(page, 'FAILED').catch(() => undefined);
      throw new Error(`${(error as Error).message}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: error });
    }
  });
});
