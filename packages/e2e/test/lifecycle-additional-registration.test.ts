/**
 * BT-02 增加执业地点注册 in another province, as a new user takes it:
 *   孔德明 (执业医师, 北京市海淀医院): 业务申请 → 增加执业地点注册 【办理】 → how it differs from 变更注册, and the
 *   registration kept → 广东省 (北京市 not offered: 已有执业注册), 深圳市南山区人民医院, 科室, 拟在该机构执业时间,
 *   申请人承诺 → 核对提交 (执业地点 北京市 → 广东省) → 【提交】;
 *   南山区人民医院's clerk 【同意】; the 深圳市南山区卫生健康局 reviewer 【受理】【准予注册】;
 *   the physician holds two valid registrations (北京市 kept, 广东省 new with its own 执业证书编码), downloads the new
 *   certificate, and the public register finds the physician in 广东省.
 * Screenshots: packages/e2e/artifacts/lifecycle-additional-registration/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { logIn } from './support/journey';
import { LIFECYCLE_PHYSICIANS } from './support/lifecycle-data';
import {
  authorityApproves, downloadCertificate, institutionAgrees, issuerOpensCertificate, nextStep, publicRegister, screens, startBusiness, submitBusiness,
} from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu } from './support/physician-flows';

const who = LIFECYCLE_PHYSICIANS.additional;
const NEW_INSTITUTION = '深圳市南山区人民医院';

describe.skipIf(!HAS_CHROMIUM)('BT-02 增加执业地点注册 journey (another province)', () => {
  const stage = lifecycleStage('lifecycle-additional-registration');
  const { visitor, shot } = stage;

  it('registers a second 执业地点 in 广东省 and keeps the 北京市 registration', () => stage.run(async () => {
    const page = await visitor();
    await logIn(page, 'physician', who.loginName, DEMO_PASSWORD);
    await startBusiness(page, 'additional_registration', shot, 'physician-business-list');

    // How it differs from 变更注册, and the registration kept.
    await page.getByText('原执业地点的注册继续有效').first().waitFor();
    expect(await page.locator('.business-current').first().innerText()).toContain('北京市海淀医院');
    await screens(page, shot, 'physician-additional-1-explanation');

    // 填写申请: 广东省 → 深圳市南山区人民医院 → 内科 → today → 申请人承诺.
    await nextStep(page, '填写申请');
    await page.getByLabel('新增执业地点（省份）', { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-disabled', { hasText: '北京市（已有执业注册）' }).waitFor();
    await page.keyboard.press('Escape');
    await choose(page, '新增执业地点（省份）', '广东省', '广东');
    await page.getByPlaceholder('输入机构名称中的文字').fill('南山');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('radio', { name: new RegExp(NEW_INSTITUTION) }).check();
    await choose(page, '科室', '内科');
    await page.getByLabel('拟在该机构执业时间', { exact: true }).click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').getByText('今天').click();
    for (const box of await page.locator('.business-fieldset', { hasText: '申请人承诺' }).getByRole('checkbox').all()) await box.check();
    await screens(page, shot, 'physician-additional-2-form');

    // 核对提交: 执业地点 北京市 → 广东省, 主要执业机构 → 南山区人民医院.
    await nextStep(page, '核对提交');
    const place = page.locator('.business-review-table tr[data-field="practiceLocation"]');
    await place.waitFor();
    expect(await place.innerText()).toMatch(/北京市[\s\S]*广东省/);
    expect(await page.locator('.business-review-table tr[data-field="mainInstitution"]').innerText()).toContain(NEW_INSTITUTION);
    await screens(page, shot, 'physician-additional-3-review');
    const businessCode = await submitBusiness(page, shot, 'physician-additional-submitted');
    expect(businessCode).toMatch(/^BT02/);

    // The new institution's clerk agrees; the authority that approved it (南山区) decides.
    await institutionAgrees(await visitor(), 'nsh_clerk', DEMO_PASSWORD, who.name, businessCode, shot, 'institution');
    const reviewer = await visitor();
    await authorityApproves(reviewer, 'ns_wjw_reviewer', DEMO_PASSWORD, businessCode, shot, 'authority');
    // 南山区 views and prints the certificate it issued; the approved page passes axe at 1366 and 390.
    await issuerOpensCertificate(reviewer);
    await screens(reviewer, shot, 'authority-approved');
    // … and from 执业注册管理: the registration's drawer.
    await menu(reviewer, '执业注册管理');
    await reviewer.getByRole('heading', { name: '执业注册管理' }).waitFor();
    await reviewer.getByLabel('姓名').fill(who.name);
    await reviewer.getByRole('button', { name: '查询', exact: true }).click();
    await reviewer.locator('.ant-table-row', { hasText: who.name }).getByRole('button', { name: `查看${who.name}的执业注册` }).click();
    await issuerOpensCertificate(reviewer, reviewer.getByRole('dialog'));
    await screens(reviewer, shot, 'authority-registration');

    // Two valid registrations; the new one with its own certificate.
    const after = await visitor();
    await logIn(after, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(after, '执业信息');
    const added = after.locator('.practice-registration', { hasText: NEW_INSTITUTION });
    await added.waitFor();
    const kept = await after.locator('.practice-registration', { hasText: '北京市海淀医院' }).innerText();
    expect(kept).toContain('有效');
    const text = await added.innerText();
    expect(text).toContain('广东省');
    expect(text).toContain('有效');
    const licence = /执业证书编码\s*(\d{15})/.exec(text)?.[1] ?? '';
    expect(licence, text).toMatch(/^1/);
    expect(kept).not.toContain(licence);
    await screens(after, shot, 'physician-practice-after');
    const certificate = await downloadCertificate(after, stage.dir, NEW_INSTITUTION, 'certificate-guangdong.pdf');
    expect(certificate).toContain(licence);
    expect(certificate).toContain(NEW_INSTITUTION);

    const rows = await publicRegister(await visitor(), '广东省', who.name, NEW_INSTITUTION, shot, 'public-register');
    expect(rows.some((r) => r.includes(NEW_INSTITUTION) && r.includes(licence)), rows.join('\n')).toBe(true);
  }));
});
