/**
 * BT-06 注册备案 → 备案满二年注销 → BT-08 重新注册, over two years of one installation's life:
 *   韩立华 (执业医师 at 北京市海淀医院) downloads her certificate, whose QR page says 有效; the hospital's clerk reports
 *   her retirement (退休, formalities 5 days ago, on time) → her registration reads 注册备案 on the roster and on her 执业信息;
 *   the server is restarted on the same data with its clock moved to 30 days before the second anniversary of 备案:
 *   the scheduled rule sends the notice, which she reads in the development inbox (the day it will be cancelled);
 *   restarted again the day after the anniversary: the rule cancels — her 执业信息 and the hospital's roster say 注销
 *   and she is told; she applies for 重新注册 at 北京市东城区和平里医院 with the 考核合格证明 and six months' 培训合格证明
 *   → 和平里医院 【同意】 → 东城区卫生健康委员会 【受理】【准予注册】 → a new 有效 registration and certificate; the new
 *   certificate's QR page says 有效, the old one's 已废止.
 * The clock moves by MEDREG_CLOCK_OFFSET_DAYS (development only, README "Moving the clock"); the browsers opened after a
 * restart live on the same moved day. Screenshots: packages/e2e/artifacts/lifecycle-filed-lapse-re-registration/
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths, filedLapseNoticeOn, filedLapsesOn, todayInChina, trainingMustReach, type IsoDate } from '@medreg/domain';
import { chineseDate } from '../../server/src/pdf/layout';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { logIn, open, portraitPng } from './support/journey';
import { FILED_LAPSE_PHYSICIANS } from './support/lifecycle-data';
import {
  authorityApproves, downloadCertificate, institutionAgrees, issuerOpensCertificate, nextStep, screens, startBusiness, submitBusiness, verificationPage, verifyTokenOf,
} from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { choose, menu, pickDate } from './support/physician-flows';

const who = FILED_LAPSE_PHYSICIANS.retiring;
const HOSPITAL = who.registration.institution;
const NEW_INSTITUTION = '北京市东城区和平里医院';
/** The scheduled jobs run within ten seconds of a start (jobs/runner.ts); the pages are read again until they show it. */
const JOB_WAIT_MS = 60_000;

const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

async function upload(page: Page, fieldset: string, file: string): Promise<void> {
  const box = page.locator('.business-fieldset', { hasText: fieldset });
  const chooser = page.waitForEvent('filechooser');
  await box.getByRole('button', { name: /上传证明文件/ }).click();
  await (await chooser).setFiles(file);
  await box.getByText('已上传：').waitFor();
}

/** 执业信息, read again until the registration at `institution` shows `status`; returns the card's text. */
async function practiceCard(page: Page, institution: string, status: string): Promise<string> {
  await menu(page, '执业信息');
  const card = page.locator('.practice-registration', { hasText: institution }).first();
  await expect.poll(async () => {
    if (!(await card.isVisible())) return '';
    const text = await card.innerText();
    if (!text.includes(status)) await page.reload();
    return text;
  }, { timeout: JOB_WAIT_MS, interval: 2_000 }).toContain(status);
  return card.innerText();
}

/** What the API answers of the physician's registrations: shown when a card disagrees with the expected date. */
async function registrationsAnswer(page: Page): Promise<string> {
  return page.evaluate(async () => JSON.stringify(await (await fetch('/api/v1/physician/registrations', { credentials: 'include' })).json()));
}

/** 本机构医师 of the hospital, filtered to the physician; returns her row. */
async function rosterRow(page: Page) {
  await menu(page, '本机构医师');
  await page.getByRole('heading', { name: '本机构医师' }).waitFor();
  await page.getByLabel('姓名', { exact: true }).fill(who.name);
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.locator('.ant-table-row', { hasText: who.name });
  await row.waitFor();
  return row;
}

/** The development inbox for the physician's phone, waiting (it refreshes itself) for a message of `template`. */
async function inboxMessage(page: Page, template: string): Promise<string> {
  await open(page, `/dev/inbox?recipient=${encodeURIComponent(who.phone)}`);
  const message = page.locator(`.dev-inbox__message[data-template="${template}"]`).first();
  await message.waitFor({ timeout: JOB_WAIT_MS });
  return message.innerText();
}

describe.skipIf(!HAS_CHROMIUM)('备案满二年注销 then 重新注册 journey', () => {
  const stage = lifecycleStage('lifecycle-filed-lapse-re-registration');
  const { visitor, shot } = stage;

  it('《医师执业注册管理办法》: a retirement is filed, cancelled two years later after notice, and the physician registers again', () => stage.run(async () => {
    // Before: a valid registration; its certificate's QR page says 有效.
    const physician = await visitor();
    await logIn(physician, 'physician', who.loginName, DEMO_PASSWORD);
    expect(await practiceCard(physician, HOSPITAL, '有效')).toContain(HOSPITAL);
    const oldToken = verifyTokenOf(await downloadCertificate(physician, stage.dir, HOSPITAL, 'certificate-old.pdf'));
    expect(await verificationPage(await visitor(), oldToken, shot, 'verify-old-valid')).toContain('有效');

    // BT-06: the hospital reports the retirement (formalities 5 days ago: on time) → 注册备案.
    const clerk = await visitor();
    await logIn(clerk, 'institution', 'hdh_clerk', DEMO_PASSWORD);
    const row = await rosterRow(clerk);
    expect(await row.innerText()).toContain('有效');
    await row.getByRole('button', { name: `为${who.name}办理注册备案` }).click();
    const dialog = clerk.getByRole('dialog', { name: `注册备案：${who.name}` });
    await dialog.waitFor();
    await choose(clerk, '备案情形', '退休');
    const filedOn = todayInChina(stage.now());
    await dialog.getByLabel('离职手续办理日期').fill(addCalendarDays(filedOn, -5));
    await screens(clerk, shot, 'institution-report-retirement');
    expect(await dialog.getByText('本次报告将标注为逾期报告').count()).toBe(0);
    await dialog.getByRole('button', { name: '报告注册备案' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const filed = clerk.locator('.ant-table-row', { hasText: who.name });
    await filed.getByText('注册备案').waitFor();
    expect(await filed.innerText()).not.toContain('逾期报告');
    await screens(clerk, shot, 'institution-roster-filed');
    await practiceCard(physician, HOSPITAL, '注册备案');
    await screens(physician, shot, 'physician-practice-filed');

    // 30 days before the second anniversary of 备案: the scheduled rule's notice, naming the day.
    const lapsesOn = filedLapsesOn(filedOn);
    await stage.restartWithClock(daysBetween(todayInChina(), filedLapseNoticeOn(filedOn)));
    expect(todayInChina(stage.now())).toBe(filedLapseNoticeOn(filedOn));
    const inboxPage = await visitor();
    const notice = await inboxMessage(inboxPage, 'registration.lapse_notice');
    expect(notice).toContain(`自${chineseDate(filedOn)}起处于注册备案状态`);
    expect(notice).toContain(`如至${chineseDate(lapsesOn)}仍未重新办理执业注册`);
    await screens(inboxPage, shot, 'physician-inbox-lapse-notice');
    const beforeLapse = await visitor();
    await logIn(beforeLapse, 'physician', who.loginName, DEMO_PASSWORD);
    expect(await practiceCard(beforeLapse, HOSPITAL, '注册备案')).not.toContain('注销');
    await screens(beforeLapse, shot, 'physician-practice-notice-day');

    // The day after the anniversary: cancelled (中止执业活动满二年), and the physician is told.
    await stage.restartWithClock(daysBetween(todayInChina(), addCalendarDays(lapsesOn, 1)));
    const today = todayInChina(stage.now());
    expect(today).toBe(addCalendarDays(lapsesOn, 1));
    const lapsed = await visitor();
    await logIn(lapsed, 'physician', who.loginName, DEMO_PASSWORD);
    // Read again until the card shows the day of the cancellation; if it never does, the failure shows what the API answered.
    const cancelledCard = await practiceCard(lapsed, HOSPITAL, today)
      .catch(async (error: Error) => { throw new Error(`${error.message}\n执业信息 API: ${await registrationsAnswer(lapsed)}`, { cause: error }); });
    expect(cancelledCard).toContain('注销');
    await screens(lapsed, shot, 'physician-practice-cancelled');
    const toldPage = await visitor();
    const told = await inboxMessage(toldPage, 'registration.cancelled');
    await screens(toldPage, shot, 'physician-inbox-cancelled');
    expect(told).toContain(`已于${today}`);
    expect(told).toContain('注销原因：中止医师执业活动满二年');
    expect(told).toContain('《医师执业证书》同时废止');
    const clerkLater = await visitor();
    await logIn(clerkLater, 'institution', 'hdh_clerk', DEMO_PASSWORD);
    const cancelledRow = await rosterRow(clerkLater);
    expect(await cancelledRow.innerText()).toContain('注销');
    await screens(clerkLater, shot, 'institution-roster-cancelled');

    // BT-08 重新注册 at 和平里医院 with the assessment and six months' training (《医师法》第十九条).
    await startBusiness(lapsed, 're_registration', shot, 'physician-business-list');
    await lapsed.getByText('《医师法》第十九条').first().waitFor();
    expect(await lapsed.locator('.business-current').first().innerText()).toContain(HOSPITAL);
    await screens(lapsed, shot, 'physician-re-notice');
    await nextStep(lapsed, '填写申请');
    await choose(lapsed, '执业地点（省份）', '北京市', '北京');
    await lapsed.getByPlaceholder('输入机构名称中的文字').fill('和平里');
    await lapsed.getByRole('button', { name: '查询' }).click();
    await lapsed.getByRole('radio', { name: new RegExp(NEW_INSTITUTION) }).check();
    await lapsed.getByRole('checkbox', { name: /内科专业/ }).check();
    await choose(lapsed, '科室', '内科');
    await lapsed.getByLabel('拟在该机构执业时间', { exact: true }).click();
    await lapsed.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').getByText('今天').click();
    const trainingFrom = `${addMonths(today, -8).slice(0, 7)}-01` as IsoDate;
    const trainingTo = trainingMustReach(trainingFrom);
    const passedOn = addCalendarDays(today, -10);
    await lapsed.getByLabel('考核机构').fill('北京市东城区卫生健康委员会');
    await pickDate(lapsed, '考核合格日期', passedOn);
    await lapsed.getByLabel('培训机构').fill('北京协和医院');
    await pickDate(lapsed, '培训开始日期', trainingFrom);
    await pickDate(lapsed, '培训结束日期', trainingTo);
    for (const box of await lapsed.locator('.business-fieldset', { hasText: '申请人承诺' }).getByRole('checkbox').all()) await box.check();
    const assessmentScan = path.join(stage.dir, '考核合格证明.png');
    const trainingScan = path.join(stage.dir, '培训合格证明.png');
    await writeFile(assessmentScan, portraitPng(132, 176));
    await writeFile(trainingScan, portraitPng(176, 132));
    await upload(lapsed, '考核合格证明', assessmentScan);
    await upload(lapsed, '培训合格证明', trainingScan);
    await screens(lapsed, shot, 'physician-re-form');
    await nextStep(lapsed, '核对提交');
    const status = lapsed.locator('.business-review-table tr[data-field="registrationStatus"]');
    await status.waitFor();
    expect(await status.innerText()).toMatch(new RegExp(`注销（${today}注销：中止医师执业活动满二年[\\s\\S]*有效`));
    expect(await lapsed.locator('.business-review-table tr[data-field="training"]').innerText()).toContain(`${trainingFrom} 至 ${trainingTo}`);
    await screens(lapsed, shot, 'physician-re-review');
    const businessCode = await submitBusiness(lapsed, shot, 'physician-re-submitted');
    expect(businessCode).toMatch(/^BT08/);

    const hplClerk = await visitor();
    const seen = await institutionAgrees(hplClerk, 'hpl_clerk', DEMO_PASSWORD, who.name, businessCode, shot, 'institution');
    await screens(hplClerk, shot, 'institution-agreed');
    expect(seen).toContain('重新注册');
    expect(seen).toContain(`北京协和医院，${trainingFrom} 至 ${trainingTo}`);
    const reviewer = await visitor();
    const decided = await authorityApproves(reviewer, 'dc_wjw_reviewer', DEMO_PASSWORD, businessCode, shot, 'authority');
    // The issuing authority views and prints the certificate it issued (axe runs on this page at both widths).
    await issuerOpensCertificate(reviewer);
    await screens(reviewer, shot, 'authority-approved');
    expect(decided).toContain('考核合格证明');

    // The new registration and certificate; the old certificate's QR page says 已废止, the new one's 有效.
    const after = await visitor();
    await logIn(after, 'physician', who.loginName, DEMO_PASSWORD);
    const renewed = await practiceCard(after, NEW_INSTITUTION, '有效');
    const licence = /执业证书编码\s*(\d{15})/.exec(renewed)?.[1] ?? '';
    expect(licence, renewed).toMatch(/^1/);
    expect(await after.locator('.practice-registration', { hasText: HOSPITAL }).first().innerText()).toContain('注销');
    await screens(after, shot, 'physician-practice-renewed');
    const certificate = await downloadCertificate(after, stage.dir, NEW_INSTITUTION, 'certificate-new.pdf');
    expect(certificate).toContain(licence);
    const newToken = verifyTokenOf(certificate);
    expect(newToken).not.toBe(oldToken);
    const verifiedNew = await verificationPage(await visitor(), newToken, shot, 'verify-new-certificate');
    expect(verifiedNew).toContain('有效');
    expect(verifiedNew).toContain(licence);
    const verifiedOld = await verificationPage(await visitor(), oldToken, shot, 'verify-old-certificate');
    expect(verifiedOld).toContain('已废止');
    expect(verifiedOld).toContain(`执业注册已于${chineseDate(today)}注销`);
    expect(verifiedOld).not.toContain(licence);
  }), 420_000);
});
