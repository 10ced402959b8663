/**
 * What the registration-lifecycle journeys share (变更注册、助理升执业、增加执业地点、多机构备案): each page of the
 * physician portal photographed on a desktop (1366×768) and a phone (390×844) and checked with axe at both sizes;
 * the institution clerk's 【同意】 and the authority reviewer's 【受理】【准予注册】 through their portals' pages;
 * the new certificate; the public register.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';
import { answerCaptcha, logIn, open, pdfText, squash } from './journey';
import { choose, menu, type Shot } from './physician-flows';

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/** The page as it is now, at both sizes, with no serious or critical axe violation at either. */
export async function screens(page: Page, shot: Shot, step: string): Promise<void> {
  for (const [size, viewport] of [['1366', DESKTOP], ['390', PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150); // antd re-lays out responsive parts on resize
    await shot(page, `${step}-${size}`);
    const violations = await seriousViolations(page);
    expect(violations, `axe at ${size}: ${step}: ${JSON.stringify(violations)}`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
}

/**
 * On the authority's approved application or in the 执业注册管理 drawer (`within`): 【查看电子证照】 (a Button,
 * outside the green Alert) opens the certificate the authority issued as a PDF.
 */
export async function issuerOpensCertificate(page: Page, within: Page | Locator = page): Promise<void> {
  const button = within.getByRole('link', { name: '查看电子证照' });
  await button.waitFor();
  expect(await page.locator('.ant-alert').getByRole('link', { name: '查看电子证照' }).count()).toBe(0);
  const href = await button.getAttribute('href');
  const served = await page.evaluate(async (u) => {
    const res = await fetch(u!);
    return { status: res.status, type: res.headers.get('content-type') };
  }, href);
  expect(served).toEqual({ status: 200, type: 'application/pdf' });
}

/** The physician's business card on 业务申请 (by type) → 【办理】 → the business form. */
export async function startBusiness(page: Page, businessType: string, shot: Shot, step: string): Promise<void> {
  await menu(page, '业务申请');
  await page.getByRole('heading', { name: '业务申请' }).waitFor();
  const card = page.locator(`.business-card[data-business="${businessType}"]`);
  await card.locator('.business-eligible').first().waitFor();
  // issue 9: 业务申请 offers every business type; none says 暂未开放.
  expect(await page.getByText('暂未开放', { exact: true }).count(), 'every business type is open').toBe(0);
  await screens(page, shot, step);
  await card.getByRole('button', { name: '办理', exact: true }).click();
  await page.waitForURL(/\/physician\/applications\/new\/business\/[0-9a-f-]{36}/);
}

/** 【确认，下一步】 and wait for the step `title` to be the current one. */
export async function nextStep(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: '确认，下一步' }).click();
  await page.locator('.business-steps .ant-steps-item-process', { hasText: title }).waitFor();
}

/** On 核对提交: 【提交】 → 提交成功; returns the 业务编号. */
export async function submitBusiness(page: Page, shot: Shot, step: string): Promise<string> {
  const submit = page.getByRole('button', { name: '提交', exact: true });
  await submit.click();
  await page.waitForURL(/\/physician\/applications\/[0-9a-f-]{36}\/submitted/);
  await page.getByText('申请已提交').waitFor();
  const code = (await page.locator('.application-business-code').innerText()).trim();
  expect(code).toMatch(/^BT\d{18}$/);
  await screens(page, shot, step);
  return code;
}

/** The clerk of the confirming institution: 医师申请业务办理 → 姓名 【查询】 → 【办理业务】 → 【同意】. */
export async function institutionAgrees(page: Page, clerk: string, password: string, physicianName: string, businessCode: string, shot: Shot, step: string): Promise<string> {
  await logIn(page, 'institution', clerk, password);
  await menu(page, '医师申请业务办理');
  await page.getByRole('heading', { name: '医师申请业务办理' }).waitFor();
  await page.getByLabel('姓名', { exact: true }).fill(physicianName);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const row = page.locator('.ant-table-row', { hasText: businessCode });
  await row.waitFor();
  await row.getByRole('link', { name: '办理业务' }).click();
  await page.getByRole('heading', { name: new RegExp(`办理业务.*${physicianName}`) }).waitFor();
  const detail = await page.locator('.inst-detail').innerText();
  expect(detail).toContain(businessCode);
  await shot(page, `${step}-application`);
  await page.getByRole('button', { name: '同意', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('机构意见').waitFor();
  await dialog.getByRole('button', { name: '确定同意' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: '同意', exact: true }).waitFor({ state: 'detached' });
  await shot(page, `${step}-agreed`);
  return detail;
}

/** The reviewer of the deciding authority: 审批工作台 → 【办理业务】 → 纸质材料 → 【受理】 → 【准予…】 (准予注册, 准予变更, 准予备案). */
export async function authorityApproves(
  page: Page, reviewer: string, password: string, businessCode: string, shot: Shot, step: string, decision = '准予注册',
): Promise<string> {
  await logIn(page, 'authority', reviewer, password);
  await menu(page, '审批工作台');
  await page.getByRole('heading', { name: '审批工作台' }).waitFor();
  const row = page.locator('.ant-table-row', { hasText: businessCode });
  await row.waitFor();
  await row.getByRole('link', { name: '办理业务' }).click();
  await page.getByText(`业务编号：${businessCode}`).waitFor();
  const detail = await page.locator('.authority-detail').innerText();
  const materials = page.locator('.materials-list').getByRole('checkbox');
  const count = await materials.count();
  for (let i = 0; i < count; i += 1) {
    const box = materials.nth(i);
    await expect.poll(() => box.isEnabled(), { timeout: 10_000 }).toBe(true);
    await box.click();
    await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(true);
  }
  await shot(page, `${step}-application`);
  await page.getByRole('button', { name: '受理', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: '受理' });
  await dialog.getByRole('button', { name: '确定受理' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: decision, exact: true }).click();
  dialog = page.getByRole('dialog', { name: decision });
  await dialog.getByRole('button', { name: `确定${decision}` }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: decision, exact: true }).waitFor({ state: 'detached' });
  await shot(page, `${step}-approved`);
  return detail;
}

/** 执业信息: the registration card holding `text`; its certificate downloaded (PDF 200) and its text returned. */
export async function downloadCertificate(page: Page, dir: string, text: string, file: string): Promise<string> {
  const card = page.locator('.practice-registration', { hasText: text }).first();
  const href = await card.getByRole('link', { name: /下载电子证书/ }).getAttribute('href');
  expect(href).toMatch(/certificate\.pdf$/);
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  const pdf = await res.body();
  const pdfFile = path.join(dir, file);
  await writeFile(pdfFile, pdf);
  return squash(await pdfText(pdfFile, pdf));
}

/** The QR token a downloaded certificate prints (its verification address …/public/verify/<token>). */
export function verifyTokenOf(certificateText: string): string {
  const token = /\/public\/verify\/([0-9a-f]{32})/.exec(certificateText)?.[1];
  expect(token, certificateText.slice(0, 400)).toBeDefined();
  return token!;
}

/** The public verification page of a certificate's QR code, as a phone opens it; returns its text. */
export async function verificationPage(page: Page, token: string, shot: Shot, step: string): Promise<string> {
  await open(page, `/public/verify/${token}`);
  await page.locator('.verify-verdict').waitFor();
  await screens(page, shot, step);
  return page.locator('.verify-page').innerText();
}

/**
 * 医师执业注册信息查询 (province + name + institution + captcha): each result row's text followed by its detail
 * drawer's (执业范围, 执业证书编码 …).
 */
export async function publicRegister(page: Page, province: string, name: string, institution: string, shot: Shot, step: string): Promise<string[]> {
  await open(page, '/');
  await page.getByRole('link', { name: '医师执业注册信息查询' }).click();
  await page.getByRole('heading', { name: '医师执业注册信息查询' }).waitFor();
  await choose(page, '所在省份', province, province.slice(0, 2));
  await page.getByLabel('医师姓名').fill(name);
  await page.getByLabel('所在医疗机构').fill(institution);
  await answerCaptcha(page);
  await page.getByRole('button', { name: /查询/ }).click();
  const results = page.getByRole('region', { name: '查询结果' });
  const rows = results.locator('.ant-table-row', { hasText: name });
  await rows.first().waitFor();
  await shot(page, step);
  const texts: string[] = [];
  for (const row of await rows.all()) {
    await row.getByRole('button', { name: `查看${name}的详细信息` }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '医师执业注册信息' });
    await drawer.getByText(name).first().waitFor();
    texts.push(`${await row.innerText()}\n${await drawer.innerText()}`);
    await shot(page, `${step}-detail`);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  }
  return texts;
}
