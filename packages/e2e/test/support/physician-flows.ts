/**
 * The physician's side of the seed journey as a person clicks it (第一步 注册新账号, 第二步 激活账户,
 * 第三步 业务申请 → 首次注册). Shared by the physician acceptance journey and the whole registration journey.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { answerCaptcha, fillLogin, open, waitForMessage } from './journey';

export type Shot = (page: Page, step: string) => Promise<unknown>;

/** Clicks an entry of the portal's left menu by its visible label (the icon's name comes first, hence no exact match). */
export async function menu(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('menuitem', { name: label }).click();
}

/** Chooses `option` in the antd Select labelled `label` (typing first narrows a searchable list). */
export async function choose(page: Page, label: string, option: string, type?: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  if (type) await box.fill(type);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
  await dropdown.waitFor({ state: 'hidden' }).catch(() => undefined);
}

/** Types a date into the antd DatePicker labelled `label` and confirms it. */
export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toBe(date);
}

export interface NewPhysician {
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  loginName: string;
  password: string;
}

/** 第一步: 首页 → 医师个人端 → 【注册新账号】 → identity → account → 注册成功 → 【点击下一步】 (back on the login page). */
export async function signUp(page: Page, who: NewPhysician, shot: Shot): Promise<void> {
  await open(page, '/');
  await page.getByRole('heading', { name: '医师电子化注册信息系统' }).waitFor();
  await shot(page, 'landing');
  await page.getByRole('link', { name: '进入医师个人端' }).click();
  await page.getByRole('heading', { name: '用户登录' }).waitFor();
  await shot(page, 'physician-login');
  await page.getByRole('link', { name: '注册新账号' }).click();

  // 填写注册信息: 您的姓名, 身份证号, 验证码, 我同意隐私政策 → 【确定，继续】
  await page.getByLabel('您的姓名').fill(who.name);
  await page.getByLabel('身份证号').fill(who.idNumber);
  await answerCaptcha(page);
  await page.getByRole('checkbox', { name: /我同意/ }).check();
  await shot(page, 'register-identity');
  await page.getByRole('button', { name: '确定，继续' }).click();

  // 手机号, 电子邮箱, 登录名, 登录密码, 确认密码 → 【确定，继续】
  await page.getByLabel('手机号').waitFor();
  await page.getByLabel('手机号').fill(who.phone);
  await page.getByLabel('电子邮箱').fill(who.email);
  await page.getByLabel('登录名', { exact: true }).fill(who.loginName);
  await page.getByLabel('登录密码', { exact: true }).fill(who.password);
  await page.getByLabel('确认密码', { exact: true }).fill(who.password);
  await shot(page, 'register-account');
  await page.getByRole('button', { name: '确定，继续' }).click();

  // 电子化账户注册成功 → 【点击下一步】
  await page.getByText('电子化账户注册成功').waitFor();
  expect(await page.locator('.ant-result').innerText()).toContain(who.loginName);
  await shot(page, 'register-success');
  await page.getByRole('link', { name: '点击下一步' }).click();
  await page.getByRole('heading', { name: '用户登录' }).waitFor();
}

/** On the login page: 登录名, 登录密码, 验证码 → 【登录】 → the physician portal. */
export async function logInHere(page: Page, loginName: string, password: string, shot: Shot, step: string): Promise<void> {
  await fillLogin(page, loginName, password);
  await shot(page, step);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/physician'));
  await page.getByRole('heading', { name: '系统首页' }).waitFor();
}

/**
 * 第二步: 验证手机号 (the code is read on the development inbox page, opened in a second tab, and checked
 * against POST /api/v1/dev/inbox/search) → 医师资格校验 → 账户激活 with the 资格证书编码 → 资格信息.
 */
export async function verifyAndActivate(page: Page, who: NewPhysician, certCode: string, shot: Shot): Promise<void> {
  await menu(page, '验证手机号');
  await page.getByRole('button', { name: '向手机发送校验码' }).click();
  await page.getByText(/校验码已发送至/).first().waitFor();
  await shot(page, 'verify-phone-sent');

  // The development inbox shows the SMS the outbox "sent".
  const inboxTab = await page.context().newPage();
  await open(inboxTab, `/dev/inbox?recipient=${encodeURIComponent(who.phone)}`);
  const message = inboxTab.locator(`.dev-inbox__message[data-template="physician.verification_code"]`).first();
  await message.waitFor();
  const text = await message.innerText();
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  expect(code, `no 6-digit code in: ${text}`).toBeTruthy();
  const api = await waitForMessage(page.request, who.phone, 'physician.verification_code');
  expect(api.body).toContain(code!);
  await shot(inboxTab, 'dev-inbox');
  await inboxTab.close();

  // The 校验码 label is not tied to its input (nested noStyle Form.Item): use the placeholder.
  await page.getByPlaceholder('6位数字校验码').fill(code!);
  await page.getByRole('button', { name: '验证手机' }).click();
  await page.getByText('手机号已验证').waitFor();
  await shot(page, 'verify-phone-done');

  // 医师资格校验 shows the record found in the qualification database.
  await menu(page, '医师资格校验');
  await page.getByText('已校验到您的医师资格信息').waitFor();
  const table = page.locator('.ant-table');
  await expect.poll(() => table.innerText(), { timeout: 15_000 }).toContain('临床');
  await shot(page, 'qualification-check');

  // 账户激活 with the 资格证书编码 (seed question 三).
  await page.getByRole('link', { name: '下一步：账户激活' }).click();
  await page.getByLabel('资格证书编码').fill(certCode);
  await shot(page, 'activation-form');
  await page.getByRole('button', { name: '激活我的账户' }).click();
  await page.getByText('您的账户已激活').waitFor();
  await shot(page, 'activation-done');

  // 资格信息: the qualification with its 资格证书编码.
  await page.getByRole('link', { name: '查看资格信息' }).click();
  await page.getByRole('heading', { name: '资格信息' }).waitFor();
  await page.getByText(certCode).waitFor();
  await shot(page, 'qualifications');
}

export interface FirstRegistrationChoices {
  province: string;
  institutionQuery: string;
  institution: string;
  scope: string;
  department: string;
  photo: string;
}

/**
 * 第三步: 业务申请 → 注册（首次注册）【办理】 → the wizard step by step → 核对提交 → 【提交】.
 * Returns the 业务编号 shown on the 提交成功 page.
 */
export async function submitFirstRegistration(page: Page, choices: FirstRegistrationChoices, shot: Shot, prefix = 'apply'): Promise<string> {
  await menu(page, '业务申请');
  await page.getByRole('heading', { name: '业务申请' }).waitFor();
  await page.getByRole('radio', { name: '否，均不属于' }).check();
  await shot(page, `${prefix}-business-list`);
  const firstRegistration = page.locator('.ant-list-item', { hasText: '注册（首次注册）' });
  await firstRegistration.getByRole('button', { name: '办理' }).click();
  await page.waitForURL(/\/physician\/applications\/new\/[0-9a-f-]{36}/);
  const next = () => page.getByRole('button', { name: '确认，下一步' }).click();
  const stepActive = (title: string) =>
    page.locator('.application-steps .ant-steps-item-process, .application-steps .ant-steps-item-active', { hasText: title }).first().waitFor();

  // 1 执业地点 (省份 for a 执业医师).
  await stepActive('执业地点');
  await choose(page, '执业地点（省份）', choices.province, choices.province.slice(0, 2));
  await shot(page, `${prefix}-1-location`);
  await next();

  // 2 主要执业机构, searched by its standard name within the 执业地点.
  await stepActive('主要执业机构');
  await page.getByPlaceholder('输入机构名称中的文字').fill(choices.institutionQuery);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('radio', { name: new RegExp(choices.institution) }).first().check();
  await shot(page, `${prefix}-2-institution`);
  await next();

  // 3 执业类别 (from the qualification) and 执业范围.
  await stepActive('执业类别与范围');
  await page.getByRole('checkbox', { name: new RegExp(choices.scope) }).check();
  await shot(page, `${prefix}-3-scope`);
  await next();

  // 4 拟在该机构执业时间 (首次注册: today, seed 第三步) and 科室.
  await stepActive('执业时间与科室');
  await page.getByLabel('拟在该机构执业时间', { exact: true }).click();
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').getByText('今天').click();
  await choose(page, '科室', choices.department);
  await shot(page, `${prefix}-4-practice`);
  await next();

  // 5 学历与任职资格.
  await stepActive('学历与任职资格');
  await choose(page, '学历', '本科');
  await choose(page, '学位', '学士');
  await page.getByLabel('毕业院校', { exact: true }).fill('北京大学医学部');
  await page.getByLabel('所学专业', { exact: true }).fill('临床医学');
  await pickDate(page, '毕业时间', '2020-06-30');
  await choose(page, '任职资格', '住院医师');
  await shot(page, `${prefix}-5-education`);
  await next();

  // 6 照片: choose the file like a person does (the file chooser of 【选择照片上传】).
  await stepActive('照片');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择照片上传/ }).click();
  await (await chooser).setFiles(choices.photo);
  await page.getByRole('img', { name: '申请人照片' }).waitFor();
  await shot(page, `${prefix}-6-photo`);
  await next();

  // 7 申请人承诺: every declaration ticked.
  await stepActive('申请人承诺');
  const boxes = page.locator('.application-step-form').getByRole('checkbox');
  for (const box of await boxes.all()) await box.check();
  await shot(page, `${prefix}-7-declarations`);
  await next();

  // 核对提交 → 【提交】
  await stepActive('核对提交');
  await page.getByText('请核对以下信息').waitFor();
  expect(await page.getByText('以下信息尚未填写完整').count()).toBe(0);
  const summary = await page.locator('.application-summary').innerText();
  expect(summary).toContain(choices.institution);
  expect(summary).toContain(choices.department);
  await shot(page, `${prefix}-8-review`);
  await page.getByRole('button', { name: '提交', exact: true }).click();

  await page.waitForURL(/\/physician\/applications\/[0-9a-f-]{36}\/submitted/);
  await page.getByText('申请已提交').waitFor();
  const code = (await page.locator('.application-business-code').innerText()).trim();
  expect(code).toMatch(/^\S{8,}$/);
  return code;
}
