/**
 * BT-11 个人信息修改 as a physician and the main institution's clerk take it: the physician opens 个人信息修改, changes
 * 任职资格 to 主治医师 and 毕业院校 → 提交修改申请 (待机构审核, nothing registered yet) → the clerk's 信息修改审核 →
 * 【审核】 → 修改前 → 修改后 → 【同意】 → 本机构医师 tags the row 已修改信息 (是否修改过信息) → the physician sees the new values.
 * Every page passes axe at 1366×768 and 390×844. Screenshots: packages/e2e/artifacts/institution-info-edit/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { logIn } from './support/journey';
import { LIFECYCLE_PHYSICIANS } from './support/lifecycle-data';
import { screens } from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu } from './support/physician-flows';

const who = LIFECYCLE_PHYSICIANS.filing;
const SCHOOL = '首都医科大学';

describe.skipIf(!HAS_CHROMIUM)('BT-11 信息修改由主要执业机构审核', () => {
  const stage = lifecycleStage('institution-info-edit');
  const { shot } = stage;

  it('the physician edits title and school; the main institution agrees; the registration carries the new values', () => stage.run(async () => {
    const doctor = await stage.visitor();
    await logIn(doctor, 'physician', who.loginName, DEMO_PASSWORD);
    await menu(doctor, '个人信息修改');
    await doctor.getByRole('heading', { name: '个人信息修改' }).waitFor();
    await doctor.getByRole('button', { name: '提交修改申请' }).waitFor();
    await screens(doctor, shot, 'physician-form');

    await choose(doctor, '任职资格', '主治医师');
    await doctor.getByLabel('毕业院校', { exact: true }).fill(SCHOOL);
    await doctor.getByRole('button', { name: '提交修改申请' }).click();
    const request = doctor.locator('[data-info-edit]').first();
    await request.getByText('待机构审核').waitFor();
    expect(await request.innerText()).toContain(SCHOOL);
    // Not in force before the institution agrees.
    await doctor.getByText('待机构审核的信息修改申请', { exact: false }).first().waitFor();
    expect(await doctor.locator('.ant-card', { hasText: '当前登记的信息' }).innerText()).not.toContain('主治医师');
    await screens(doctor, shot, 'physician-pending');

    const clerk = await stage.visitor();
    await logIn(clerk, 'institution', 'hdh_clerk', DEMO_PASSWORD);
    await menu(clerk, '信息修改审核');
    await clerk.getByRole('heading', { name: '信息修改审核' }).waitFor();
    const row = clerk.locator('.ant-table-row', { hasText: who.name });
    await row.waitFor();
    expect(await row.innerText()).toContain('毕业院校、任职资格');
    await screens(clerk, shot, 'institution-queue');
    await row.getByRole('button', { name: `审核${who.name}的信息修改申请` }).click();
    const drawer = clerk.getByRole('dialog', { name: `信息修改申请：${who.name}` });
    await drawer.getByText('修改内容').waitFor();
    const changes = await drawer.locator('section[aria-label="修改内容"]').innerText();
    expect(changes).toContain('主治医师');
    expect(changes).toContain(SCHOOL);
    await screens(clerk, shot, 'institution-detail');
    await drawer.getByRole('button', { name: '同意', exact: true }).click();
    await clerk.getByRole('button', { name: '确定同意' }).click();
    await drawer.getByText('已同意').first().waitFor();
    await screens(clerk, shot, 'institution-approved');
    await clerk.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await menu(clerk, '本机构医师');
    const rosterRow = clerk.locator('.ant-table-row', { hasText: who.name });
    await rosterRow.waitFor();
    // 是否修改过信息: the row is tagged 已修改信息 beside its status.
    await rosterRow.locator('[data-status="已修改信息"]').waitFor();
    await screens(clerk, shot, 'roster-edited');

    await doctor.reload();
    const current = doctor.locator('.ant-card', { hasText: '当前登记的信息' });
    await current.getByText('主治医师').waitFor();
    expect(await current.innerText()).toContain(SCHOOL);
    await current.locator('[data-status="已修改信息"]').waitFor();
    await doctor.locator('[data-info-edit]').first().locator('[data-status="已同意"]').waitFor();
    await screens(doctor, shot, 'physician-approved');
  }));
});
