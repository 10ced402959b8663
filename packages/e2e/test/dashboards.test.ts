/**
 * 统计看板 as the 北京市 administrator takes it: 统计看板 → 刷新统计 (统计时间 shown) → the charts and their tables →
 * 北京市海淀区 through 下级部门 → back by the breadcrumb → 超期与即将超期 downloaded as Excel; then 北京市海淀医院's
 * administrator opens 本机构统计. Every page passes axe at 1366×768 and 390×844.
 * Screenshots: packages/e2e/artifacts/dashboards/
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import {
  backTo, downloadTable, drillInto, openAuthorityDashboard, openInstitutionStatistics, refreshStatistics, registeredPhysicians, workbookRows,
} from './support/dashboard';
import { logIn } from './support/journey';
import { PHONE, screens } from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';

describe.skipIf(!HAS_CHROMIUM)('统计看板: the province dashboard, drill-down, export, and the institution statistics', () => {
  const stage = lifecycleStage('dashboards');
  const { shot } = stage;

  it('the province administrator refreshes the statistics, drills into 海淀区 and back, and exports a table', () => stage.run(async () => {
    const page = await stage.visitor();
    await logIn(page, 'authority', 'bj_wjw_admin', DEMO_PASSWORD);
    await openAuthorityDashboard(page);
    const stamp = await refreshStatistics(page);
    expect(stamp).toMatch(/统计时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const province = await registeredPhysicians(page);
    expect(province).toBeGreaterThan(0);
    await page.locator('canvas').first().waitFor();
    expect(await page.locator('.chart-card [role="img"]').count()).toBeGreaterThanOrEqual(6);
    await screens(page, shot, 'province');

    // Nothing wider than the phone's screen at 390 px: the tables scroll inside their cards.
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize({ width: 1366, height: 768 });

    await drillInto(page, '北京市海淀区卫生健康委员会');
    const county = await registeredPhysicians(page);
    expect(county).toBeLessThanOrEqual(province);
    expect(await page.getByRole('navigation', { name: '下级卫生健康行政部门' }).count()).toBe(0);
    await screens(page, shot, 'county');
    await backTo(page, '北京市卫生健康委员会');
    expect(await registeredPhysicians(page)).toBe(province);

    const file = await downloadTable(page, '超期与即将超期（实时）', 'Excel');
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const rows = await workbookRows((await file.path())!);
    expect(rows[0]).toEqual(['卫生健康行政部门', '已受理', '已超期', '即将超期']);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['北京市卫生健康委员会（本级）', '北京市海淀区卫生健康委员会', '北京市东城区卫生健康委员会']));
  }), 240_000);

  it('the institution administrator opens 本机构统计', () => stage.run(async () => {
    const page = await stage.visitor();
    await logIn(page, 'institution', 'hdh_admin', DEMO_PASSWORD);
    await openInstitutionStatistics(page);
    await page.getByText('医师名册（按注册状态）').waitFor();
    await screens(page, shot, 'institution');
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  }), 180_000);
});
