/**
 * BT-03 变更执业范围 with evidence, as a new user takes it:
 *   程立新 (执业医师, 内科专业, at 北京市海淀区四季青镇社区卫生服务中心): 业务申请 → 变更注册 【办理】 → the current
 *   registration and the 《医师法》第十八条 cases that need no change → 变更执业范围 → 增加执业范围 外科专业: going on
 *   without the training certificate is refused on its field; with it uploaded (two years' training) and the
 *   reason → 核对提交 (执业范围 内科 → 内科、外科, the file listed) → 【提交】; 执业信息 reads 「有效（变更中）」;
 *   the centre's clerk 【同意】; the 海淀区卫生健康委员会 reviewer 【受理】【准予注册】;
 *   the physician's registration holds both scopes, the reprinted certificate downloads, the public register shows 外科.
 * Screenshots: packages/e2e/artifacts/lifecycle-change-scopes/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { logIn, writePortrait } from './support/journey';
import { LIFECYCLE_PHYSICIANS } from './support/lifecycle-data';
import {
  authorityApproves, downloadCertificate, institutionAgrees, nextStep, publicRegister, screens, startBusiness, submitBusiness,
  verificationPage, verifyTokenOf,
} from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu, pickDate } from './support/physician-flows';

const who = LIFECYCLE_PHYSICIANS.change;
const CENTRE = '北京市海淀区四季青镇社区卫生服务中心';

describe.skipIf(!HAS_CHROMIUM)('BT-03 变更执业范围 journey (with evidence)', () => {
  const stage = lifecycleStage('lifecycle-change-scopes');
  const { visitor, shot } = stage;

  it('adds 外科专业 to the registration on a training certificate', () => stage.run(async () => {
    const page = await visitor();
    await logIn(page, 'physician', who.loginName, DEMO_PASSWORD);
    // The certificate as it is now: after the change it must read 已换发 at its QR address.
    await menu(page, '执业信息');
    const oldToken = verifyTokenOf(await downloadCertificate(page, stage.dir, '内科专业', 'certificate-before.pdf'));
    await startBusiness(page, 'change_registration', shot, 'physician-business-list');

    // 变更事项: the current registration, the exemptions as guidance, the choice.
    await page.locator('.business-current').first().waitFor();
    expect(await page.locator('.business-guidance').innerText()).toContain('《医师法》第十八条');
    await page.getByRole('radio', { name: '变更执业范围' }).check();
    await screens(page, shot, 'physician-change-1-kind');

    // 填写申请: 增加执业范围 外科专业; the current 内科 stays ticked.
    await nextStep(page, '填写申请');
    await page.getByRole('radio', { name: /增加执业范围/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /内科专业/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /外科专业/ }).check();
    const evidence = page.locator('.business-fieldset[data-scope="12"]');
    await evidence.waitFor();
    await choose(page, '证明类型', '二年以上系统培训合格证明');
    await evidence.getByLabel('发证单位').fill('北京大学第三医院');
    await pickDate(page, '发证日期', '2025-06-30');
    await evidence.getByLabel('培训时长（月）').fill('24');
    await page.getByLabel('申请理由').fill('已在北京大学第三医院完成外科专业二年系统培训并考核合格，申请增加外科专业执业范围。');

    // Without the file: refused on its field, the form stays.
    await page.getByRole('button', { name: '确认，下一步' }).click();
    await evidence.locator('.ant-form-item-explain-error', { hasText: '请上传文件' }).waitFor();
    await screens(page, shot, 'physician-change-2-missing-file');

    // The certificate uploaded (the file chooser of 【上传证明文件】).
    const file = await writePortrait(stage.dir);
    const chooser = page.waitForEvent('filechooser');
    await evidence.getByRole('button', { name: /上传证明文件/ }).click();
    await (await chooser).setFiles(file);
    await evidence.getByText('已上传：').waitFor();
    await screens(page, shot, 'physician-change-2-form');

    // 核对提交: 执业范围 old → new and the evidence file.
    await nextStep(page, '核对提交');
    const scopes = page.locator('.business-review-table tr[data-field="scopes"]');
    await scopes.waitFor();
    const row = await scopes.innerText();
    expect(row).toMatch(/内科专业[\s\S]*内科专业、外科专业/);
    await page.getByRole('link', { name: /photo\.png/ }).waitFor();
    expect(await page.locator('.business-review').innerText()).toContain('外科专业二年系统培训');
    await screens(page, shot, 'physician-change-3-review');
    const businessCode = await submitBusiness(page, shot, 'physician-change-submitted');
    expect(businessCode).toMatch(/^BT03/);

    // Until the decision the registration keeps its items and reads 有效（变更中）.
    await menu(page, '执业信息');
    const card = page.locator('.practice-registration').first();
    await card.getByText('有效（变更中）').first().waitFor();
    expect(await card.innerText()).not.toContain('外科专业');
    await screens(page, shot, 'physician-practice-pending');

    // The centre's clerk agrees; the 海淀区 reviewer accepts and approves.
    const seen = await institutionAgrees(await visitor(), 'sjq_clerk', DEMO_PASSWORD, who.name, businessCode, shot, 'institution');
    expect(seen).toContain('变更注册');
    await authorityApproves(await visitor(), 'hd_wjw_reviewer', DEMO_PASSWORD, businessCode, shot, 'authority', '准予变更');

    // The physician: both scopes on the same registration; its certificate reprinted with them.
    const after = await visitor();
    await logIn(after, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(after, '业务进度');
    const progress = after.locator('.ant-table-row', { hasText: businessCode });
    await progress.waitFor();
    await progress.getByRole('link', { name: businessCode }).click();
    await after.locator('.business-review-table').waitFor();
    await after.getByRole('link', { name: /photo\.png/ }).waitFor();
    await screens(after, shot, 'physician-progress-approved');
    await menu(after, '执业信息');
    const changed = after.locator('.practice-registration', { hasText: '外科专业' });
    await changed.waitFor();
    const text = await changed.innerText();
    expect(text).toContain('内科专业');
    expect(text).not.toContain('变更中');
    await screens(after, shot, 'physician-practice-after');
    const certificate = await downloadCertificate(after, stage.dir, '外科专业', 'certificate-changed.pdf');
    expect(certificate).toContain('外科');
    expect(certificate).toContain(who.name);
    expect(verifyTokenOf(certificate)).not.toBe(oldToken);
    const verified = await verificationPage(await visitor(), oldToken, shot, 'verify-old-certificate');
    expect(verified).toContain('已换发');

    const rows = await publicRegister(await visitor(), '北京市', who.name, CENTRE, shot, 'public-register');
    expect(rows.some((r) => r.includes('外科')), rows.join('\n')).toBe(true);
  }));
});
