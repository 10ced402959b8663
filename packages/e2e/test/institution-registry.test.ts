/**
 * 医疗机构管理 as the demo city administrator takes it: 深圳市卫生健康委员会 → 医疗机构管理 → 新增医疗机构 (area cascader,
 * 审批机关, 科室, the first administrator) → the one-time credentials, shown once → that administrator logs in to the
 * 医疗机构端 with the one-time password → must 修改密码 first → sees the institution portal.
 * Every page passes axe at 1366×768 and 390×844. Screenshots: packages/e2e/artifacts/institution-registry/
 */
import { describe, expect, it } from 'vitest';
import { makeCreditCode, organizationCodeCheckChar } from '@medreg/domain';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { fillLogin, logIn, open, PORTAL_ENTRY } from './support/journey';
import { screens } from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu } from './support/physician-flows';

const NAME = '深圳市南山区蛇口测试医院';
const BODY = '47300215';
const NEW_PASSWORD = 'Shekou#Yiyuan2026';

describe.skipIf(!HAS_CHROMIUM)('医疗机构管理: a new institution and its first administrator', () => {
  const stage = lifecycleStage('institution-registry');
  const { shot } = stage;

  it('the city administrator registers an institution; its administrator logs in once, changes the password and reaches the portal', () => stage.run(async () => {
    const admin = await stage.visitor();
    await logIn(admin, 'authority', 'sz_wjw_admin', DEMO_PASSWORD);
    await menu(admin, '医疗机构管理');
    await admin.getByRole('heading', { name: '医疗机构管理' }).waitFor();
    await admin.locator('.ant-table-row', { hasText: '深圳市南山区人民医院' }).waitFor();
    await screens(admin, shot, 'list');

    await admin.getByRole('button', { name: '新增医疗机构' }).click();
    const dialog = admin.locator('.ant-modal', { hasText: '首位机构管理员账户' });
    await dialog.getByLabel('机构标准名称').fill(NAME);
    await dialog.getByLabel('统一社会信用代码').fill(makeCreditCode({ areaCode: '440305', organizationBody: BODY }));
    await dialog.getByLabel('医疗机构执业许可证登记号').fill(`${BODY}${organizationCodeCheckChar(BODY)}44030511A1001`);
    await choose(admin, '机构等级', '二级甲等');
    await dialog.getByLabel('所在地区（区县）').click();
    for (const place of ['广东省', '深圳市', '南山区']) {
      await admin.locator('.ant-cascader-menu-item', { hasText: place }).first().click();
    }
    await choose(admin, '审批机关', '深圳市南山区卫生健康局');
    await dialog.getByLabel('地址').fill('广东省深圳市南山区蛇口工业大道1号');
    await dialog.getByLabel('登录名').fill('shekou_admin');
    await dialog.getByLabel('管理员姓名').fill('陈管理');
    await screens(admin, shot, 'create-form');
    await dialog.getByRole('button', { name: '创建机构和管理员账户' }).click();

    const credentials = admin.locator('.ant-modal', { hasText: '机构管理员账户已创建' });
    await credentials.getByText('一次性密码只显示这一次').waitFor();
    const oneTimePassword = (await credentials.getByTestId('one-time-password').innerText()).trim();
    expect(oneTimePassword).toMatch(/^\S{16}$/);
    await screens(admin, shot, 'credentials');
    await credentials.getByRole('button', { name: '我已记下，关闭' }).click();
    await admin.locator('.ant-table-row', { hasText: NAME }).getByRole('button', { name: '变更记录' }).click();
    await admin.locator('.ant-drawer', { hasText: NAME }).getByText('登记医疗机构').first().waitFor();
    await screens(admin, shot, 'history');

    const newcomer = await stage.visitor();
    await open(newcomer, '/');
    await newcomer.getByRole('link', { name: PORTAL_ENTRY.institution }).click();
    await newcomer.getByRole('heading', { name: '用户登录' }).waitFor();
    await fillLogin(newcomer, 'shekou_admin', oneTimePassword);
    await newcomer.getByRole('button', { name: '登录', exact: true }).click();
    await newcomer.getByRole('heading', { name: '修改密码' }).waitFor();
    await newcomer.getByText('首次登录须先修改初始密码').waitFor();
    await screens(newcomer, shot, 'change-password');
    await newcomer.getByLabel('当前密码').fill(oneTimePassword);
    await newcomer.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await newcomer.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await newcomer.getByRole('button', { name: '确认修改' }).click();
    await newcomer.getByRole('heading', { name: '系统首页' }).waitFor();
    expect(new URL(newcomer.url()).pathname).toMatch(/^\/institution/);
    await newcomer.getByText(NAME).first().waitFor();
    await screens(newcomer, shot, 'institution-home');
  }), 240_000);
});
