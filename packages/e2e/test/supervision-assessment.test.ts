/**
 * Supervision on the register (domain §5.4; 《医师法》第四十二条) as the 海淀区 authority and the people concerned see it:
 *  1. 定期考核: a results file with a bad row is refused with its row-error report; the corrected file (written here,
 *     CSV) imports 邵一鸣 不合格 and 孔德明 合格.
 *  2. From 邵一鸣's 不合格 row: 【责令暂停执业】 with a document number, three months → the public register and the
 *     certificate's QR page read 暂停执业活动 至 <end date>; the physician's 考核信息 (390×844) shows both.
 *  3. 闫立诚's suspension (seeded: 2026-06-01 至 2026-08-31, over) reads 待再次考核 → 【登记再次考核】 合格 → the
 *     register and the QR page read 有效 again.
 *  4. 苗文昊 missed two cycles: the page flags 连续两个周期未参加 (2017 办法第十八条).
 * Every new page is photographed at 1366×768 and 390×844 and checked with axe: authority 定期考核 and 处分决定,
 * institution 定期考核, physician 考核信息. Screenshots: packages/e2e/artifacts/supervision-assessment/
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonths, todayInChina } from '@medreg/domain';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { logIn } from './support/journey';
import { ENDED_SUSPENSION, LIFECYCLE_PHYSICIANS, SUPERVISED_PHYSICIANS } from './support/lifecycle-data';
import { publicRegister, screens, verificationPage } from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu } from './support/physician-flows';

const { failing, suspended, absent } = SUPERVISED_PHYSICIANS;
const passing = LIFECYCLE_PHYSICIANS.additional;
const HOSPITAL = '北京市海淀医院';
const HEADER = '执业证书编码,身份证号,姓名,考核周期,考核结果,考核日期,考核机构';

/** The licence code of a physician, read from the authority's 定期考核 list or the institution's roster row. */
async function licenceOnRoster(page: Page, name: string): Promise<string> {
  const row = page.locator('.ant-table-row', { hasText: name });
  await row.waitFor();
  const code = /\d{15}/.exec(await row.innerText())?.[0];
  expect(code, await row.innerText()).toBeDefined();
  return code!;
}

async function importFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件并导入' }).click();
  await (await chooser).setFiles(file);
}

describe.skipIf(!HAS_CHROMIUM)('定期考核 → 暂停执业活动 → 再次考核 on the register', () => {
  const stage = lifecycleStage('supervision-assessment');
  const { shot, visitor } = stage;

  it('《医师法》第四十二条: a 不合格 suspends the registration three to six months; the re-assessment 合格 makes it 有效 again', () => stage.run(async () => {
    const today = todayInChina(new Date());
    const endsOn = addMonths(today, 3, -1);

    // The institution's roster gives the licence codes the results file names.
    const clerk = await visitor();
    await logIn(clerk, 'institution', 'hdh_clerk', DEMO_PASSWORD);
    await menu(clerk, '本机构医师');
    await clerk.getByRole('heading', { name: '本机构医师' }).waitFor();
    const failingCode = await licenceOnRoster(clerk, failing.name);
    const passingCode = await licenceOnRoster(clerk, passing.name);
    await menu(clerk, '定期考核');
    await clerk.getByRole('heading', { name: '定期考核' }).waitFor();
    await clerk.locator('.ant-table-row', { hasText: absent.name }).first().waitFor();
    await screens(clerk, shot, 'institution-assessments');

    const page = await visitor();
    await logIn(page, 'authority', 'hd_wjw_reviewer', DEMO_PASSWORD);
    await menu(page, '定期考核');
    await page.getByRole('heading', { name: '定期考核' }).waitFor();
    await page.locator('.ant-table-row', { hasText: suspended.name }).waitFor();
    await screens(page, shot, 'authority-assessments');

    // 苗文昊 missed 2021–2023 and 2024–2026: flagged, and found by the filter alone.
    const missedRow = page.locator('.ant-table-row', { hasText: absent.name }).filter({ hasText: '2024–2026' });
    expect(await missedRow.innerText()).toContain('连续两个周期未参加');
    const missedOnly = page.getByRole('checkbox', { name: '连续两个周期未参加' });
    await missedOnly.check();
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-row').innerText()).toContain(absent.name);
    await missedOnly.uncheck();
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(3);

    // A file with a bad row: nothing imported, every problem listed with its row and column.
    const bad = path.join(stage.dir, 'results-bad.csv');
    await writeFile(bad, `\uFEFF${[HEADER, `${failingCode},,${failing.name},2024–2026,不合格,${today},北京市海淀区卫生健康委员会`, `${passingCode},,${passing.name},2024-2025,优秀,,`].join('\r\n')}\r\n`);
    await importFile(page, bad);
    const report = page.getByRole('table', { name: '导入错误' });
    await report.waitFor();
    const reportText = await report.innerText();
    expect(reportText).toContain('考核结果「优秀」无法识别');
    expect(reportText).toMatch(/3\s+考核周期/);
    await screens(page, shot, 'authority-import-errors');

    // The corrected file.
    const good = path.join(stage.dir, 'results.csv');
    await writeFile(good, `\uFEFF${[HEADER, `${failingCode},,${failing.name},2024–2026,不合格,${today},北京市海淀区卫生健康委员会`, `${passingCode},,${passing.name},2024-2026,合格,${today},北京市海淀区卫生健康委员会`].join('\r\n')}\r\n`);
    await importFile(page, good);
    await page.getByText('已导入 2 条考核结果（合格 1，不合格 1，未参加 0）').waitFor();
    await expect.poll(() => report.count()).toBe(0);

    // 责令暂停执业 from 邵一鸣's 不合格 row: three months from today.
    const failedRow = page.locator('.ant-table-row', { hasText: failing.name });
    expect(await failedRow.innerText()).toContain('不合格');
    await failedRow.getByRole('button', { name: '责令暂停执业' }).click();
    const order = page.getByRole('dialog', { name: `责令暂停执业活动：${failing.name}` });
    await order.getByLabel('文书编号').fill('京海卫医暂〔2026〕9号');
    await order.getByLabel('决定日期').fill(today);
    await order.getByLabel('开始日期').fill(today);
    await order.getByLabel('结束日期').fill(endsOn);
    await order.getByLabel('培训要求').fill('在北京市海淀医院内科接受三个月相关专业培训');
    await screens(page, shot, 'authority-order-dialog');
    await order.getByRole('button', { name: '确认' }).click();
    await order.waitFor({ state: 'hidden' });
    await expect.poll(() => failedRow.innerText()).toContain(`执行中（${today}至${endsOn}）`);
    expect(await failedRow.innerText()).toContain('中止');

    // The public register and the certificate's QR page: 暂停执业活动 至 the end date.
    const [listed] = await publicRegister(await visitor(), '北京市', failing.name, HOSPITAL, shot, 'register-suspended');
    expect(listed).toContain(`暂停执业活动 至 ${endsOn}`);
    const verified = await verificationPage(await visitor(), failing.verifyToken, shot, 'verify-suspended');
    expect(verified).toContain(`暂停执业活动 至 ${endsOn}`);

    // The physician's 考核信息 on a phone: the result and the suspension with its document number.
    const physician = await visitor();
    await logIn(physician, 'physician', failing.loginName, DEMO_PASSWORD);
    await menu(physician, '考核信息');
    await physician.getByRole('heading', { name: '考核信息' }).waitFor();
    await physician.getByText('京海卫医暂〔2026〕9号').waitFor();
    await screens(physician, shot, 'physician-assessments');
    const mine = await physician.locator('.portal-page').innerText();
    expect(mine).toContain('2024–2026');
    expect(mine).toContain('不合格');
    expect(mine).toContain(`${today} 至 ${endsOn}`);
    await physician.setViewportSize({ width: 390, height: 844 });
    // antd lays responsive parts out again after a resize: poll until it has settled.
    const past390 = () => physician.evaluate(() => Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 2).join('.')}: ${(e.textContent ?? '').slice(0, 30)}`));
    await expect.poll(past390, { message: 'nothing reaches past the right edge at 390 px', timeout: 10_000 }).toEqual([]);

    // 闫立诚: the seeded suspension ended on 2026-08-31 → 待再次考核 → 合格 → 有效.
    const waiting = page.locator('.ant-table-row', { hasText: suspended.name });
    expect(await waiting.innerText()).toContain(`待再次考核（${ENDED_SUSPENSION.startsOn}至${ENDED_SUSPENSION.endsOn}）`);
    const [before] = await publicRegister(await visitor(), '北京市', suspended.name, HOSPITAL, shot, 'register-awaiting');
    expect(before).toContain(`${ENDED_SUSPENSION.endsOn}期满，待再次考核`);
    await waiting.getByRole('button', { name: '登记再次考核' }).click();
    const reassess = page.getByRole('dialog', { name: `暂停期满再次考核：${suspended.name}` });
    await choose(page, '再次考核结果', '合格（恢复执业）');
    await reassess.getByLabel('考核日期').fill(today);
    await reassess.getByLabel('考核机构').fill('北京市海淀区卫生健康委员会');
    await screens(page, shot, 'authority-reassess-dialog');
    await reassess.getByRole('button', { name: '登记' }).click();
    await reassess.waitFor({ state: 'hidden' });
    await expect.poll(() => waiting.first().innerText()).toContain('已解除');
    const reassessed = page.locator('.ant-table-row', { hasText: suspended.name }).filter({ hasText: '暂停期满再次考核' });
    expect(await reassessed.innerText()).toContain('合格');
    expect(await reassessed.innerText()).toContain('有效');
    await screens(page, shot, 'authority-assessments-after');

    const [after] = await publicRegister(await visitor(), '北京市', suspended.name, HOSPITAL, shot, 'register-resumed');
    expect(after).toContain('有效');
    expect(after).not.toContain('暂停执业活动');
    const verifiedAfter = await verificationPage(await visitor(), suspended.verifyToken, shot, 'verify-resumed');
    expect(verifiedAfter).toContain('有效');
    expect(verifiedAfter).not.toContain('暂停执业活动');

    // 本机构医师 filtered by 最近定期考核 = 不合格: the two physicians whose latest cycle failed.
    await menu(clerk, '本机构医师');
    await choose(clerk, '最近定期考核', '不合格');
    await clerk.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => clerk.locator('.ant-table-row').count()).toBe(2);
    const failedNames = await clerk.locator('.ant-table-row').allInnerTexts();
    expect(failedNames.join('\n')).toContain(failing.name);
    expect(failedNames.join('\n')).toContain(suspended.name);
    await screens(clerk, shot, 'institution-roster-failed');

    // 处分决定 (《医师法》第五十七条): 孔德明 suspended six months as a penalty; the list shows the decision.
    await menu(page, '处分决定');
    await page.getByRole('heading', { name: '处分决定' }).waitFor();
    await page.getByText('暂无处分决定').waitFor();
    await screens(page, shot, 'authority-penalties-empty');
    const penaltyEnds = addMonths(today, 6, -1);
    await page.getByLabel('执业证书编码').fill(passingCode);
    await page.getByLabel('文书编号').fill('京海卫医罚〔2026〕12号');
    await choose(page, '处罚依据', '第五十七条');
    await page.getByLabel('决定日期').fill(today);
    await page.getByLabel('暂停开始日期').fill(today);
    await page.getByLabel('暂停结束日期').fill(penaltyEnds);
    await page.getByLabel('违法事实').fill('超出注册的执业范围执业');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    const decision = page.locator('.ant-table-row', { hasText: '京海卫医罚〔2026〕12号' });
    await decision.waitFor();
    expect(await decision.innerText()).toContain(`${today} 至 ${penaltyEnds}`);
    expect(await decision.innerText()).toContain(passing.name);
    await screens(page, shot, 'authority-penalties');
  }));
});
