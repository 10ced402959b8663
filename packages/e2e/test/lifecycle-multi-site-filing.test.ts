/**
 * BT-05 多机构备案, added and then ended, as a new user takes it:
 *   白雪松 (执业医师, 北京市海淀医院, 北京市): 业务申请 → 多执业机构备案 【办理】 → 新增备案: 北京市东城区和平里医院
 *   (within 北京市; the main institution not offered), 内科专业 (the registered scope), 有效期 → 核对提交 → 【提交】;
 *   执业信息 shows the filing 申请中; 和平里医院's clerk 【同意】; the 东城区卫生健康委员会 reviewer (the authority that
 *   approved that institution) 【受理】【准予注册】 → the filing is 有效 with its 有效期;
 *   then 【办理】 again asks which record → the filing → 终止备案 with the reason → 【提交】 → 同意 → 准予 → 撤销.
 *   The registration and its certificate stay as they were (PDF 200), and the public register still shows it.
 * Screenshots: packages/e2e/artifacts/lifecycle-multi-site-filing/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { logIn } from './support/journey';
import { LIFECYCLE_PHYSICIANS } from './support/lifecycle-data';
import {
  authorityApproves, downloadCertificate, institutionAgrees, nextStep, publicRegister, screens, startBusiness, submitBusiness,
} from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { menu, pickDate } from './support/physician-flows';

const who = LIFECYCLE_PHYSICIANS.filing;
const FILED = '北京市东城区和平里医院';
const MAIN = '北京市海淀医院';

/** A year from today in Beijing, as the date picker takes it. */
function aYearFromNow(): string {
  const today = new Date(Date.now() + 8 * 3600_000);
  return `${today.getUTCFullYear() + 1}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(today.getUTCDate(), 28)).padStart(2, '0')}`;
}

describe.skipIf(!HAS_CHROMIUM)('BT-05 多机构备案 journey (add, then end)', () => {
  const stage = lifecycleStage('lifecycle-multi-site-filing');
  const { visitor, shot } = stage;

  it('files 和平里医院 within 北京市, then ends the filing', () => stage.run(async () => {
    // 新增备案.
    const page = await visitor();
    await logIn(page, 'physician', who.loginName, DEMO_PASSWORD);
    await startBusiness(page, 'multi_site_filing', shot, 'physician-business-list');
    await page.getByText('执业医师只能在有效注册所在的省级行政区（北京市）内备案').first().waitFor();
    await screens(page, shot, 'physician-filing-add-1');
    await nextStep(page, '填写申请');
    await page.getByPlaceholder('输入机构名称中的文字').fill('医院');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByRole('radio', { name: new RegExp(MAIN) }).isDisabled()).toBe(true); // the main institution
    await page.getByRole('radio', { name: new RegExp(FILED) }).check();
    expect(await page.getByRole('checkbox', { name: /内科专业/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox').filter({ hasText: '外科专业' }).count()).toBe(0); // only registered scopes
    const validTo = aYearFromNow();
    await pickDate(page, '有效期结束', validTo);
    await screens(page, shot, 'physician-filing-add-2-form');
    await nextStep(page, '核对提交');
    const institution = page.locator('.business-review-table tr[data-field="filingInstitution"]');
    await institution.waitFor();
    expect(await institution.innerText()).toContain(FILED);
    expect(await page.locator('.business-review-table tr[data-field="filingPeriod"]').innerText()).toContain(validTo);
    await screens(page, shot, 'physician-filing-add-3-review');
    const addCode = await submitBusiness(page, shot, 'physician-filing-add-submitted');
    expect(addCode).toMatch(/^BT05/);
    await menu(page, '执业信息');
    await page.locator('.practice-filings', { hasText: FILED }).getByText('申请中').waitFor();

    await institutionAgrees(await visitor(), 'hpl_clerk', DEMO_PASSWORD, who.name, addCode, shot, 'institution-add');
    await authorityApproves(await visitor(), 'dc_wjw_reviewer', DEMO_PASSWORD, addCode, shot, 'authority-add', '准予备案');

    // The filing is 有效 with its period; the registration and certificate unchanged.
    const after = await visitor();
    await logIn(after, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(after, '执业信息');
    const filing = after.locator('.practice-filings li', { hasText: FILED });
    await filing.getByText('有效', { exact: true }).waitFor();
    expect(await filing.innerText()).toContain(validTo);
    await screens(after, shot, 'physician-practice-filed');

    // 终止备案: 【办理】 asks which record; the filing.
    await menu(after, '业务申请');
    const card = after.locator('.business-card[data-business="multi_site_filing"]');
    await card.getByText(`备案：${FILED}`).waitFor();
    await card.getByRole('button', { name: '办理', exact: true }).click();
    const dialog = after.getByRole('dialog', { name: /办理多机构备案/ });
    await dialog.getByRole('radio', { name: new RegExp(`备案：${FILED}`) }).check();
    await screens(after, shot, 'physician-filing-end-choose');
    await dialog.getByRole('button', { name: /确定/ }).click();
    await after.waitForURL(/\/physician\/applications\/new\/business\//);
    await after.getByRole('radio', { name: /终止备案/ }).check();
    await screens(after, shot, 'physician-filing-end-1');
    await nextStep(after, '填写申请');
    await after.getByLabel('终止原因').fill('对口合作协议到期，不再在该院出诊。');
    await screens(after, shot, 'physician-filing-end-2-form');
    await nextStep(after, '核对提交');
    await after.locator('.business-review').getByText('对口合作协议到期').waitFor();
    await screens(after, shot, 'physician-filing-end-3-review');
    const endCode = await submitBusiness(after, shot, 'physician-filing-end-submitted');

    await institutionAgrees(await visitor(), 'hpl_clerk', DEMO_PASSWORD, who.name, endCode, shot, 'institution-end');
    await authorityApproves(await visitor(), 'dc_wjw_reviewer', DEMO_PASSWORD, endCode, shot, 'authority-end', '准予备案');

    const last = await visitor();
    await logIn(last, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(last, '执业信息');
    await last.locator('.practice-filings li', { hasText: FILED }).getByText('撤销').waitFor();
    await screens(last, shot, 'physician-practice-ended');
    const certificate = await downloadCertificate(last, stage.dir, MAIN, 'certificate.pdf');
    expect(certificate).toContain(who.name);

    const rows = await publicRegister(await visitor(), '北京市', who.name, MAIN, shot, 'public-register');
    expect(rows.some((r) => r.includes(MAIN) && r.includes('有效')), rows.join('\n')).toBe(true);
  }));
});
