/**
 * BT-08 重新注册 after a 注销, as a new user takes it:
 *   沈复明 (执业医师, registration at 北京市海淀医院 cancelled on 2025-06-30, no bar): 业务申请 → 重新注册 【办理】 → the
 *   cancelled registration and what the law asks → 北京市, 北京市东城区和平里医院, 内科专业, 科室, the 考核合格证明 and
 *   the six months' training (培训机构, 培训起止日期, each file uploaded; a training too short is refused on its field)
 *   → 核对提交 (注册状态 注销 → 有效, the evidence) → 【提交】;
 *   和平里医院's clerk sees the evidence and 【同意】; the 东城区卫生健康委员会 reviewer 【受理】【准予注册】;
 *   the physician holds a new 有效 registration with a new certificate; the old certificate's QR page still says 已废止.
 * Screenshots: packages/e2e/artifacts/lifecycle-re-registration/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { logIn, portraitPng } from './support/journey';
import { CANCELLED_PHYSICIANS } from './support/lifecycle-data';
import {
  authorityApproves, downloadCertificate, institutionAgrees, nextStep, screens, startBusiness, submitBusiness, verificationPage, verifyTokenOf,
} from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu, pickDate } from './support/physician-flows';
import type { Page } from 'playwright-core';

const who = CANCELLED_PHYSICIANS.reRegistration;
const NEW_INSTITUTION = '北京市东城区和平里医院';

async function upload(page: Page, fieldset: string, file: string): Promise<void> {
  const box = page.locator('.business-fieldset', { hasText: fieldset });
  const chooser = page.waitForEvent('filechooser');
  await box.getByRole('button', { name: /上传证明文件/ }).click();
  await (await chooser).setFiles(file);
  await box.getByText('已上传：').waitFor();
}

describe.skipIf(!HAS_CHROMIUM)('BT-08 重新注册 journey (after 注销)', () => {
  const stage = lifecycleStage('lifecycle-re-registration');
  const { visitor, shot } = stage;

  it('registers again with the assessment and a six months\' training certificate; the old certificate stays 已废止', () => stage.run(async () => {
    const page = await visitor();
    await logIn(page, 'physician', who.loginName, DEMO_PASSWORD);
    await startBusiness(page, 're_registration', shot, 'physician-business-list');

    // 重新注册须知 and the cancelled registration.
    await page.getByText('《医师法》第十九条').first().waitFor();
    expect(await page.locator('.business-current').first().innerText()).toContain('北京市海淀医院');
    await screens(page, shot, 'physician-re-1-notice');

    // 填写申请.
    await nextStep(page, '填写申请');
    await choose(page, '执业地点（省份）', '北京市', '北京');
    await page.getByPlaceholder('输入机构名称中的文字').fill('和平里');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('radio', { name: new RegExp(NEW_INSTITUTION) }).check();
    await page.getByRole('checkbox', { name: /内科专业/ }).check();
    await choose(page, '科室', '内科');
    await page.getByLabel('拟在该机构执业时间', { exact: true }).click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').getByText('今天').click();
    await page.getByLabel('考核机构').fill('北京市东城区卫生健康委员会');
    await pickDate(page, '考核合格日期', '2026-11-20');
    await page.getByLabel('培训机构').fill('北京协和医院');
    await pickDate(page, '培训开始日期', '2026-04-01');
    await pickDate(page, '培训结束日期', '2026-08-31');
    for (const box of await page.locator('.business-fieldset', { hasText: '申请人承诺' }).getByRole('checkbox').all()) await box.check();
    // Two scans (two different files: an application keeps one attachment per content).
    const assessmentScan = path.join(stage.dir, '考核合格证明.png');
    const trainingScan = path.join(stage.dir, '培训合格证明.png');
    await writeFile(assessmentScan, portraitPng(132, 176));
    await writeFile(trainingScan, portraitPng(176, 132));
    await upload(page, '考核合格证明', assessmentScan);
    await upload(page, '培训合格证明', trainingScan);

    // 《医师执业注册管理办法》: five months are refused on 培训结束日期, naming the day the training must reach.
    await page.getByRole('button', { name: '确认，下一步' }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '六个月以上连续培训' }).waitFor();
    expect(await page.locator('.ant-form-item-explain-error', { hasText: '六个月以上连续培训' }).innerText()).toContain('2026-09-30');
    await screens(page, shot, 'physician-re-2-training-too-short');
    await pickDate(page, '培训结束日期', '2026-09-30');
    await screens(page, shot, 'physician-re-2-form');

    // 核对提交: 注销 → 有效, the institution, the evidence.
    await nextStep(page, '核对提交');
    const status = page.locator('.business-review-table tr[data-field="registrationStatus"]');
    await status.waitFor();
    expect(await status.innerText()).toMatch(/注销（2025-06-30注销[\s\S]*有效/);
    expect(await page.locator('.business-review-table tr[data-field="training"]').innerText()).toContain('2026-04-01 至 2026-09-30');
    expect(await page.locator('.business-review-table tr[data-field="mainInstitution"]').innerText()).toContain(NEW_INSTITUTION);
    await screens(page, shot, 'physician-re-3-review');
    const businessCode = await submitBusiness(page, shot, 'physician-re-submitted');
    expect(businessCode).toMatch(/^BT08/);

    // The new institution's clerk sees the evidence and the training period; the 东城区 authority decides.
    const seen = await institutionAgrees(await visitor(), 'hpl_clerk', DEMO_PASSWORD, who.name, businessCode, shot, 'institution');
    expect(seen).toContain('重新注册');
    expect(seen).toContain('北京协和医院，2026-04-01 至 2026-09-30');
    const decided = await authorityApproves(await visitor(), 'dc_wjw_reviewer', DEMO_PASSWORD, businessCode, shot, 'authority');
    expect(decided).toContain('考核合格证明');
    expect(decided).toContain('北京协和医院，2026-04-01 至 2026-09-30');

    // A new 有效 registration with its certificate; the old certificate's QR page still says 已废止.
    const after = await visitor();
    await logIn(after, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(after, '业务进度');
    const progress = after.locator('.ant-table-row', { hasText: businessCode });
    await progress.waitFor();
    await progress.getByRole('link', { name: businessCode }).click();
    await after.getByRole('link', { name: /培训合格证明\.png/ }).waitFor();
    await after.getByRole('link', { name: /考核合格证明\.png/ }).waitFor();
    await screens(after, shot, 'physician-progress-approved');
    await menu(after, '执业信息');
    const renewed = after.locator('.practice-registration', { hasText: NEW_INSTITUTION });
    await renewed.waitFor();
    const text = await renewed.innerText();
    expect(text).toContain('有效');
    const licence = /执业证书编码\s*(\d{15})/.exec(text)?.[1] ?? '';
    expect(licence, text).toMatch(/^1/);
    await screens(after, shot, 'physician-practice-after');
    const certificate = await downloadCertificate(after, stage.dir, NEW_INSTITUTION, 'certificate-new.pdf');
    expect(certificate).toContain(licence);
    expect(verifyTokenOf(certificate)).not.toBe(who.verifyToken);

    const verified = await verificationPage(await visitor(), who.verifyToken, shot, 'verify-old-certificate');
    expect(verified).toContain('已废止');
    expect(verified).not.toContain(licence);
  }));
});
