/**
 * BT-07 注销注册 reported by the institution (《医师法》第十七条第二款) and decided by the granting authority:
 * the physician's certificate is downloaded first (its QR token) → the clerk of 北京市海淀医院 opens 本机构医师 →
 * 【报告注销情形】 for 白雪松 → 死亡, three days ago → the report is on time → the reviewer of 海淀区 finds it in
 * 审批工作台 (机构报告) → 受理 → 准予注销 → 执业注册管理 shows 注销 → the public register shows 已注销 with the
 * date → the certificate's QR page says 已废止 → 注册公告 lists the cancellation (《医师法》第二十一条).
 * Every page at 1366×768 and 390×844, with axe. Screenshots: packages/e2e/artifacts/lifecycle-cancellation/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { logIn, open } from './support/journey';
import { LIFECYCLE_PHYSICIANS } from './support/lifecycle-data';
import {
  authorityApproves, downloadCertificate, nextStep, publicRegister, screens, startBusiness, submitBusiness, verificationPage, verifyTokenOf,
} from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu } from './support/physician-flows';

const who = LIFECYCLE_PHYSICIANS.filing;
const HOSPITAL = who.registration.institution;

/** A day `days` before today in Beijing, as YYYY-MM-DD. */
function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(!HAS_CHROMIUM)('BT-07 注销注册 reported by the institution', () => {
  const stage = lifecycleStage('lifecycle-cancellation');
  const { shot } = stage;

  it('institution reports a death → authority 准予注销 → 已注销 on the register, 已废止 on the QR page, in the announcements', () => stage.run(async () => {
    const physician = await stage.visitor();
    await logIn(physician, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(physician, '执业信息');
    const token = verifyTokenOf(await downloadCertificate(physician, stage.dir, HOSPITAL, 'certificate.pdf'));

    const clerk = await stage.visitor();
    await logIn(clerk, 'institution', 'hdh_clerk', DEMO_PASSWORD);
    await menu(clerk, '本机构医师');
    const row = clerk.locator('.ant-table-row', { hasText: who.name });
    await row.waitFor();
    await row.getByRole('button', { name: `报告注销情形：${who.name}` }).click();
    const dialog = clerk.getByRole('dialog', { name: `报告注销情形：${who.name}` });
    await dialog.waitFor();
    await choose(clerk, '注销情形', '死亡或者被宣告失踪');
    await dialog.getByLabel('事件发生日期').fill(daysAgo(3));
    await dialog.getByText('本次报告未逾期').waitFor();
    await dialog.getByLabel('说明').fill('因病去世，家属已提交死亡证明');
    await screens(clerk, shot, 'institution-report');
    await dialog.getByRole('button', { name: '报告注销情形' }).click();
    const toast = clerk.locator('.ant-message', { hasText: '业务编号' });
    await toast.waitFor();
    const businessCode = /业务编号(BT07\d{16})/.exec(await toast.innerText())?.[1];
    expect(businessCode).toBeDefined();
    await dialog.waitFor({ state: 'hidden' });

    const reviewer = await stage.visitor();
    const detail = await authorityApproves(reviewer, 'hd_wjw_reviewer', DEMO_PASSWORD, businessCode!, shot, 'authority', '准予注销');
    expect(detail).toContain('机构报告');
    expect(detail).toContain('死亡或者被宣告失踪');
    await menu(reviewer, '执业注册管理');
    await reviewer.getByRole('heading', { name: '执业注册管理' }).waitFor();
    await reviewer.getByLabel('姓名').fill(who.name);
    await reviewer.getByRole('button', { name: '查询', exact: true }).click();
    const managed = reviewer.locator('.ant-table-row', { hasText: who.name });
    await managed.getByText('注销').waitFor();
    await managed.getByRole('button', { name: `查看${who.name}的执业注册` }).click();
    await reviewer.getByRole('dialog').getByText('注销原因：死亡或者被宣告失踪').waitFor();
    await screens(reviewer, shot, 'authority-registration');

    const rows = await publicRegister(await stage.visitor(), '北京市', who.name, HOSPITAL, shot, 'public-register');
    expect(rows.some((r) => r.includes('已注销') && r.includes('死亡或者被宣告失踪')), rows.join('\n')).toBe(true);

    const verify = await verificationPage(await stage.visitor(), token, shot, 'verify');
    expect(verify).toContain('已废止');
    expect(verify).toContain('注销');

    const visitor = await stage.visitor();
    await open(visitor, '/public/announcements');
    await visitor.getByRole('heading', { name: '注册公告' }).waitFor();
    await choose(visitor, '省份', '北京市', '北京');
    await choose(visitor, '发布部门', '海淀区', '海淀');
    await visitor.locator('.ant-segmented').getByText('注销注册', { exact: true }).click();
    const announced = visitor.locator('.ant-table-row', { hasText: who.name });
    await announced.waitFor();
    expect(await announced.innerText()).toContain('死亡或者被宣告失踪');
    await screens(visitor, shot, 'announcements');
  }));

  it('the physician applies for 注销 (本人主动申请): 审核表 有效 → 注销, submitted to the main institution', () => stage.run(async () => {
    const me = LIFECYCLE_PHYSICIANS.change;
    const page = await stage.visitor();
    await logIn(page, 'physician', me.loginName, DEMO_PASSWORD);
    await startBusiness(page, 'cancellation', shot, 'physician-business-list');
    await page.getByText('准予注销后，该执业注册即告注销').waitFor();
    await screens(page, shot, 'physician-cancel-1-registration');
    await nextStep(page, '填写申请');
    await page.getByLabel('申请理由').fill('退休后不再从事医疗执业活动，申请注销执业注册。');
    await screens(page, shot, 'physician-cancel-2-form');
    await nextStep(page, '核对提交');
    const review = page.locator('.application-step-body');
    await review.getByText('原证书已废止').waitFor();
    expect(await review.innerText()).toContain('本人主动申请');
    await screens(page, shot, 'physician-cancel-3-review');
    const code = await submitBusiness(page, shot, 'physician-cancel-submitted');
    expect(code).toMatch(/^BT07/);
  }));
});
