/**
 * The authority runs its register (issue: authority administration), as a province administrator takes it:
 * 北京市卫生健康委员会 → 医疗机构管理 → 新增医疗机构 with its first administrator (one-time credentials) → that
 * administrator logs in and changes the password → the province loads this year's 医师资格 file (progress bar,
 * error report) → a physician from that file signs up, activates and applies 首次注册 at the new institution → the
 * institution agrees, 海淀区卫生健康委员会 accepts and approves → the dashboard counts the registration → the
 * queue is exported to Excel and the file opens.
 * Every page passes axe at 1366×768 and 390×844. Screenshots: packages/e2e/artifacts/authority-administration/
 */
import { describe, expect, it } from 'vitest';
import { makeCreditCode, makeQualificationCode, makeResidentId, organizationCodeCheckChar } from '@medreg/domain';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { fillLogin, open, PORTAL_ENTRY, logIn, writePortrait } from './support/journey';
import { authorityApproves, institutionAgrees, screens } from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, logInHere, menu, signUp, submitFirstRegistration, verifyAndActivate, type NewPhysician, type Shot } from './support/physician-flows';
import type { Page } from 'playwright-core';
import { downloadErrorReport, importQualificationFile, writeQualificationCsv } from './support/qualification-import';
import { drillInto, openAuthorityDashboard, refreshStatistics, registeredPhysicians } from './support/dashboard';
import { downloadExport } from './support/export';

const INSTITUTION = '北京市海淀区中关村验收医院';
const BODY = '47300391';
const ADMIN_LOGIN = 'zgc_admin';
const ADMIN_PASSWORD = 'Zhongguancun#2026';

// This year's file: two passers, four rows each wrong in one way (the error report names row, column, reason).
const idNumber = makeResidentId({ areaCode: '110108', birthDate: '1998-03-14', seq: 417 });
const otherId = makeResidentId({ areaCode: '110105', birthDate: '1997-11-02', seq: 233 });
const certCode = makeQualificationCode({ year: 2026, provinceCode: '11', level: 'physician', category: 'clinical', idNumber });
const otherCode = makeQualificationCode({ year: 2026, provinceCode: '11', level: 'physician', category: 'clinical', idNumber: otherId });
const badCheckDigit = `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
const FILE_ROWS = [
  ['钱验收', idNumber, certCode, '', '执业医师', '临床', '', '2026', '2026-11-20', ''],
  ['孙合格', otherId, otherCode, '', '执业医师', '临床', '', '2026', '2026-11-20', ''],
  ['李校验', badCheckDigit, '', '2611011088001', '执业医师', '临床', '', '2026', '2026-11-20', ''],
  ['周级别', makeResidentId({ areaCode: '110101', birthDate: '1996-01-01', seq: 12 }), '', '2611011088002', '主任医师', '临床', '', '2026', '2026-11-20', ''],
  ['吴编码', makeResidentId({ areaCode: '110101', birthDate: '1995-05-05', seq: 34 }), otherCode, '', '执业医师', '临床', '', '2026', '2026-11-20', ''],
  ['郑日期', makeResidentId({ areaCode: '110101', birthDate: '1994-04-04', seq: 56 }), '', '2611011088003', '执业医师', '临床', '', '2026', '2099-01-01', ''],
];
const physician: NewPhysician = {
  name: '钱验收', idNumber, phone: '13912340001', email: 'zgc-physician@example.cn', loginName: 'zgc_physician', password: 'Zgc#Physician2026',
};

/** 医疗机构管理 → 新增医疗机构 → the one-time password of its first administrator. */
async function createInstitution(admin: Page, shot: Shot): Promise<string> {
  await menu(admin, '医疗机构管理');
  await admin.getByRole('heading', { name: '医疗机构管理' }).waitFor();
  await admin.getByRole('button', { name: '新增医疗机构' }).click();
  const dialog = admin.locator('.ant-modal', { hasText: '首位机构管理员账户' });
  await dialog.getByLabel('机构标准名称').fill(INSTITUTION);
  await dialog.getByLabel('统一社会信用代码').fill(makeCreditCode({ areaCode: '110108', organizationBody: BODY }));
  await dialog.getByLabel('医疗机构执业许可证登记号').fill(`${BODY}${organizationCodeCheckChar(BODY)}11010811A1001`);
  await choose(admin, '机构等级', '二级甲等');
  await dialog.getByLabel('所在地区（区县）').click();
  for (const place of ['北京市', '海淀区']) {
    await admin.locator('.ant-cascader-menu-item', { hasText: place }).first().click();
  }
  await choose(admin, '审批机关', '北京市海淀区卫生健康委员会');
  await dialog.getByLabel('地址').fill('北京市海淀区中关村大街1号');
  await dialog.getByLabel('登录名').fill(ADMIN_LOGIN);
  await dialog.getByLabel('管理员姓名').fill('赵管理');
  await screens(admin, shot, 'institution-form');
  await dialog.getByRole('button', { name: '创建机构和管理员账户' }).click();
  const credentials = admin.locator('.ant-modal', { hasText: '机构管理员账户已创建' });
  const oneTime = (await credentials.getByTestId('one-time-password').innerText()).trim();
  await screens(admin, shot, 'institution-credentials');
  await credentials.getByRole('button', { name: '我已记下，关闭' }).click();
  return oneTime;
}

describe.skipIf(!HAS_CHROMIUM)('authority administration: institution → its administrator → qualification import → a physician registered → dashboard → export', () => {
  const stage = lifecycleStage('authority-administration');
  const { shot } = stage;

  it('a province administrator runs its register without a programmer', () => stage.run(async () => {
    const admin = await stage.visitor();
    await logIn(admin, 'authority', 'bj_wjw_admin', DEMO_PASSWORD);
    const oneTime = await createInstitution(admin, shot);

    // The new institution's administrator: one-time password → 修改密码 → the portal.
    const institutionAdmin = await stage.visitor();
    await open(institutionAdmin, '/');
    await institutionAdmin.getByRole('link', { name: PORTAL_ENTRY.institution }).click();
    await fillLogin(institutionAdmin, ADMIN_LOGIN, oneTime);
    await institutionAdmin.getByRole('button', { name: '登录', exact: true }).click();
    await institutionAdmin.getByLabel('当前密码').fill(oneTime);
    await institutionAdmin.getByLabel('新密码', { exact: true }).fill(ADMIN_PASSWORD);
    await institutionAdmin.getByLabel('确认新密码').fill(ADMIN_PASSWORD);
    await institutionAdmin.getByRole('button', { name: '确认修改' }).click();
    await institutionAdmin.getByRole('heading', { name: '系统首页' }).waitFor();
    await institutionAdmin.getByText(INSTITUTION).first().waitFor();

    // This year's 医师资格 file: the progress bar while it runs, the counts, the error report.
    const file = await writeQualificationCsv(stage.dir, '2026年医师资格考试合格人员.csv', FILE_ROWS);
    const outcome = await importQualificationFile(admin, file, () => screens(admin, shot, 'import-running'));
    expect(outcome.read).toContain('6');
    expect(outcome.result).toMatch(/新增\s*2/);
    await screens(admin, shot, 'import-done');
    const report = await downloadErrorReport(admin, stage.dir);
    expect(report[0]).toEqual(['行号', '列', '原因']);
    const byRow = new Map(report.slice(1).map((r) => [r[0], r]));
    expect(byRow.get('4')?.[1]).toBe('身份证号');
    expect(byRow.get('5')?.[1]).toBe('医师级别');
    expect(byRow.get('6')?.[1]).toBe('资格证书编码');
    expect(byRow.get('7')?.[1]).toBe('取得资格日期');

    // 统计看板 before: the province's registered physicians.
    await openAuthorityDashboard(admin);
    await refreshStatistics(admin);
    const before = await registeredPhysicians(admin);
    expect(before).toBeGreaterThan(0);

    // A physician from the file signs up, activates and applies at the new institution.
    const doctor = await stage.visitor();
    await signUp(doctor, physician, shot);
    await logInHere(doctor, physician.loginName, physician.password, shot, 'physician-login');
    await verifyAndActivate(doctor, physician, certCode, shot);
    const photo = await writePortrait(stage.dir);
    const businessCode = await submitFirstRegistration(doctor, {
      province: '北京市', institutionQuery: '中关村验收', institution: INSTITUTION, scope: '内科专业', department: '内科', photo,
    }, shot);

    // The institution agrees; the district authority accepts and approves.
    const clerk = await stage.visitor();
    await institutionAgrees(clerk, ADMIN_LOGIN, ADMIN_PASSWORD, physician.name, businessCode, shot, 'institution');
    const reviewer = await stage.visitor();
    await authorityApproves(reviewer, 'hd_wjw_reviewer', DEMO_PASSWORD, businessCode, shot, 'authority');

    // The dashboard counts the new registration, in the province and in 海淀区.
    await admin.reload();
    await openAuthorityDashboard(admin);
    await refreshStatistics(admin);
    expect(await registeredPhysicians(admin)).toBe(before + 1);
    await screens(admin, shot, 'dashboard-province');
    await drillInto(admin, '北京市海淀区卫生健康委员会');
    await screens(admin, shot, 'dashboard-district');

    // The reviewer exports 已办结 to Excel: the file opens and holds the approved application.
    await menu(reviewer, '审批工作台');
    await reviewer.getByRole('tab', { name: /已办结/ }).click();
    await reviewer.locator('.ant-table-row', { hasText: businessCode }).waitFor();
    const exported = await downloadExport(reviewer, 'xlsx');
    expect(exported.filename).toMatch(/\.xlsx$/);
    const header = exported.rows[0]!;
    const row = exported.rows.find((r) => r.includes(businessCode));
    expect(row, `no ${businessCode} in ${JSON.stringify(exported.rows)}`).toBeDefined();
    expect(row![header.indexOf('医师姓名')]).toBe(physician.name);
    expect(row![header.indexOf('执业机构')]).toBe(INSTITUTION);
  }), 420_000);
});
