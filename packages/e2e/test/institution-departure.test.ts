/**
 * BT-06 注册备案 as the institution's clerk takes it: 本机构医师 (the physicians whose main institution this is) →
 * 【注册备案】 for 孔德明 → 退休, the formalities 40 days ago → the dialog warns that the report is late →
 * 报告注册备案 → the row reads 注册备案 and 逾期报告 → 导出Excel carries the same row. The page passes axe at 1366×768 and 390×844.
 * Screenshots: packages/e2e/artifacts/institution-departure/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { downloadExport } from './support/export';
import { logIn } from './support/journey';
import { LIFECYCLE_PHYSICIANS } from './support/lifecycle-data';
import { screens } from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu } from './support/physician-flows';

const who = LIFECYCLE_PHYSICIANS.additional;

/** A day `days` before today in Beijing, as YYYY-MM-DD. */
function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(!HAS_CHROMIUM)('BT-06 注册备案 reported by the institution', () => {
  const stage = lifecycleStage('institution-departure');
  const { shot } = stage;

  it('reports a retirement 40 days after the formalities, accepted and marked late', () => stage.run(async () => {
    const page = await stage.visitor();
    await logIn(page, 'institution', 'hdh_clerk', DEMO_PASSWORD);
    await menu(page, '本机构医师');
    await page.getByRole('heading', { name: '本机构医师' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: who.name });
    await row.waitFor();
    expect(await row.innerText()).toContain('有效');
    await screens(page, shot, 'roster');

    await row.getByRole('button', { name: `为${who.name}办理注册备案` }).click();
    const dialog = page.getByRole('dialog', { name: `注册备案：${who.name}` });
    await dialog.waitFor();
    await choose(page, '备案情形', '退休');
    await dialog.getByLabel('离职手续办理日期').fill(daysAgo(40));
    await dialog.getByText('本次报告将标注为逾期报告').waitFor();
    await screens(page, shot, 'report-dialog-late');
    await dialog.getByRole('button', { name: '报告注册备案' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const reported = page.locator('.ant-table-row', { hasText: who.name });
    await reported.getByText('逾期报告').waitFor();
    expect(await reported.innerText()).toContain('注册备案');
    await screens(page, shot, 'roster-after');

    // The roster exports to Excel with the same row: 注册备案, 退休, 逾期.
    await choose(page, '注册状态', '注册备案');
    await page.getByRole('button', { name: '查询' }).click();
    const file = await downloadExport(page, 'xlsx');
    expect(file.filename).toMatch(/\.xlsx$/);
    const sheet = file.rows;
    expect(sheet.find((r) => r.includes(who.name))).toEqual(expect.arrayContaining(['注册备案', '退休', '是']));
  }));
});
