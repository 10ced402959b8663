/**
 * BT-04 助理升执业 on the same institution, the seed's steps as a new user takes them:
 *   the assistant 冯晓东 (registered at 北京市海淀医院, 海淀区, since passed the 执业医师 exam): 业务申请 → 助理升执业
 *   【办理】 → the page shows the current assistant registration → 【确认，下一步】 → 在原主要执业机构注册为执业医师,
 *   执业范围 and 申请人承诺 → 核对提交 (执业级别 执业助理医师 → 执业医师) → 【提交】;
 *   海淀医院's clerk 【同意】; the 海淀区卫生健康委员会 reviewer 【受理】【准予注册】;
 *   the physician sees a 执业医师 registration in 北京市 with a new 执业证书编码 (first digit 1) and the assistant one
 *   变更出, downloads the new certificate, and the public register shows 执业医师.
 * Every physician page at 1366×768 and 390×844, axe-checked. Screenshots: packages/e2e/artifacts/lifecycle-assistant-upgrade/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { logIn } from './support/journey';
import { LIFECYCLE_PHYSICIANS } from './support/lifecycle-data';
import {
  authorityApproves, downloadCertificate, institutionAgrees, nextStep, publicRegister, screens, startBusiness, submitBusiness,
  verificationPage, verifyTokenOf,
} from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { menu } from './support/physician-flows';

const who = LIFECYCLE_PHYSICIANS.upgrade;

describe.skipIf(!HAS_CHROMIUM)('BT-04 助理升执业 journey (same institution)', () => {
  const stage = lifecycleStage('lifecycle-assistant-upgrade');
  const { visitor, shot } = stage;

  it('upgrades the assistant registration to 执业医师 with a new certificate', () => stage.run(async () => {
    // The physician: 执业信息, then 业务申请 → 助理升执业.
    const page = await visitor();
    await logIn(page, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(page, '执业信息');
    await page.locator('.practice-registration', { hasText: '执业助理医师' }).waitFor();
    await screens(page, shot, 'physician-practice-before');
    // The assistant certificate as it is now: its QR token, to check after the upgrade that it reads 已换发.
    const oldToken = verifyTokenOf(await downloadCertificate(page, stage.dir, '执业助理医师', 'certificate-assistant.pdf'));
    await startBusiness(page, 'assistant_upgrade', shot, 'physician-business-list');

    // Step 1: the current assistant registration.
    const current = page.locator('.business-current').first();
    await current.waitFor();
    const shown = await current.innerText();
    for (const text of ['执业助理医师', '临床类别', '北京市海淀医院', '内科专业', '海淀区']) expect(shown).toContain(text);
    await screens(page, shot, 'physician-upgrade-1-current');

    // Step 2: same institution; the 执业医师 qualification and scopes come filled in; every declaration ticked.
    await nextStep(page, '填写申请');
    await page.getByRole('radio', { name: '在原主要执业机构注册为执业医师' }).waitFor();
    expect(await page.getByRole('radio', { name: '在原主要执业机构注册为执业医师' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /同时变更主要执业机构/ }).check();
    await page.getByText('有助理证的可以填助理证注册时间').waitFor(); // the seed's hint on 拟在该机构执业时间
    await screens(page, shot, 'physician-upgrade-2-new-institution-hint');
    await page.getByRole('radio', { name: '在原主要执业机构注册为执业医师' }).check();
    expect(await page.getByRole('checkbox', { name: /内科专业/ }).isChecked()).toBe(true);
    for (const box of await page.locator('.business-fieldset', { hasText: '申请人承诺' }).getByRole('checkbox').all()) await box.check();
    await screens(page, shot, 'physician-upgrade-2-form');

    // Step 3: 核对提交 — the 审核表 rows old → new.
    await nextStep(page, '核对提交');
    const level = page.locator('.business-review-table tr[data-field="level"]');
    await level.waitFor();
    expect(await level.innerText()).toMatch(/执业助理医师[\s\S]*执业医师/);
    expect(await page.locator('.business-review-table tr[data-field="practiceLocation"]').innerText()).toContain('北京市');
    await screens(page, shot, 'physician-upgrade-3-review');
    const businessCode = await submitBusiness(page, shot, 'physician-upgrade-submitted');
    expect(businessCode).toMatch(/^BT04/);

    // The clerk of 北京市海淀医院 agrees; the 海淀区 reviewer accepts and approves.
    const detail = await institutionAgrees(await visitor(), 'hdh_clerk', DEMO_PASSWORD, who.name, businessCode, shot, 'institution');
    expect(detail).toContain('助理升执业');
    await authorityApproves(await visitor(), 'hd_wjw_reviewer', DEMO_PASSWORD, businessCode, shot, 'authority');

    // The physician: the 执业医师 registration with a new code, the assistant one 变更出; the new certificate.
    const after = await visitor();
    await logIn(after, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(after, '业务进度');
    const row = after.locator('.ant-table-row', { hasText: businessCode });
    await row.waitFor();
    expect(await row.innerText()).toContain('准予');
    await row.getByRole('link', { name: businessCode }).click();
    await after.locator('.business-review-table').waitFor();
    await screens(after, shot, 'physician-progress-approved');
    await menu(after, '执业信息');
    const upgraded = after.locator('.practice-registration', { hasText: '执业医师' }).filter({ hasNotText: '执业助理医师' });
    await upgraded.waitFor();
    const text = await upgraded.innerText();
    expect(text).toContain('北京市海淀医院');
    expect(text).toContain('有效');
    const licence = /执业证书编码\s*(\d{15})/.exec(text)?.[1] ?? '';
    expect(licence, text).toMatch(/^1/);
    expect(await after.locator('.practice-registration', { hasText: '执业助理医师' }).innerText()).toContain('变更出');
    await screens(after, shot, 'physician-practice-after');
    const certificate = await downloadCertificate(after, stage.dir, licence, 'certificate-upgraded.pdf');
    expect(certificate).toContain(licence);
    expect(certificate).toContain(who.name);
    expect(verifyTokenOf(certificate)).not.toBe(oldToken);

    // The old certificate's QR code now says it was replaced, and by which.
    const verified = await verificationPage(await visitor(), oldToken, shot, 'verify-old-certificate');
    expect(verified).toContain('已换发');
    expect(verified).toContain(licence);
    expect(verified).not.toMatch(/^有效$/m);

    // The public register shows the 执业医师 registration.
    const rows = await publicRegister(await visitor(), '北京市', who.name, '北京市海淀医院', shot, 'public-register');
    expect(rows.some((r) => r.includes('执业医师') && !r.includes('执业助理医师') && r.includes('有效')), rows.join('\n')).toBe(true);
  }));
});
