/**
 * 批量导入医疗机构 as the demo city administrator takes it: 深圳市卫生健康委员会 → 医疗机构管理 → 批量导入 → downloads
 * the template → chooses a CSV with a wrong row → 检查 lists it (row, column, reason) and nothing is imported →
 * chooses the corrected file → 检查 passes → 导入 → downloads the administrators' one-time passwords (Excel, once)
 * → the new institutions are in the list → one new administrator logs in with the password from the workbook and
 * is asked to change it. Every step passes axe at 1366×768 and 390×844.
 * Screenshots: packages/e2e/artifacts/institution-import/
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INSTITUTION_IMPORT_HEADER, makeCreditCode, organizationCodeCheckChar } from '@medreg/domain';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { HAS_CHROMIUM } from './support/chromium';
import { fillLogin, logIn, open, PORTAL_ENTRY } from './support/journey';
import { screens } from './support/lifecycle-journey';
import { lifecycleStage } from './support/lifecycle-stage';
import { menu } from './support/physician-flows';

/** A row of the template for an institution in 南山区, approved by 南山区卫生健康局. */
function row(n: number, o: { name?: string; areaCode?: string } = {}): string[] {
  const body = String(48100000 + n * 131).slice(0, 8);
  return [
    o.name ?? `深圳市南山区导入测试门诊部${n}`, makeCreditCode({ areaCode: '440305', organizationBody: body }), `${body}${organizationCodeCheckChar(body)}44030511A1001`,
    '医疗机构', '未定级', n % 2 ? '是' : '否', `广东省深圳市南山区导入路${n}号`, o.areaCode ?? '440305', '深圳市南山区卫生健康局', '全科医疗科、内科',
    `nsimport${n}_admin`, '赵管理',
  ];
}
const csv = (rows: string[][]) => `\uFEFF${[INSTITUTION_IMPORT_HEADER, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;

async function chooseFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(file);
  await page.getByTestId('import-file-name').getByText(path.basename(file)).waitFor();
}

async function sheetRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map(String)));
  return out;
}

describe.skipIf(!HAS_CHROMIUM)('批量导入医疗机构: check, import, the credentials once', () => {
  const stage = lifecycleStage('institution-import');
  const { shot } = stage;

  it('the city administrator imports a file after correcting the row 检查 found; a new administrator logs in with the password from the workbook', () => stage.run(async () => {
    const admin = await stage.visitor();
    await logIn(admin, 'authority', 'sz_wjw_admin', DEMO_PASSWORD);
    await menu(admin, '医疗机构管理');
    await admin.getByRole('heading', { name: '医疗机构管理' }).waitFor();
    await admin.getByRole('button', { name: '批量导入' }).click();
    const dialog = admin.locator('.ant-modal', { hasText: '批量导入医疗机构' });
    await dialog.getByText('任何一行有误时不导入任何机构').waitFor();
    await screens(admin, shot, 'import-dialog');

    const template = admin.waitForEvent('download');
    await dialog.getByRole('link', { name: /下载模板（Excel）/ }).click();
    const templateFile = path.join(stage.dir, 'template.xlsx');
    await (await template).saveAs(templateFile);
    expect((await sheetRows(templateFile))[0]).toEqual([...INSTITUTION_IMPORT_HEADER]);

    // A file whose third row is in 福田区 (outside 南山区卫生健康局's reach) and repeats the first row's name.
    const bad = path.join(stage.dir, '导入-有误.csv');
    await writeFile(bad, csv([row(1), row(2), row(3, { name: '深圳市南山区导入测试门诊部1', areaCode: '440304' }), row(4, { name: '深圳市南山区人民医院' })]));
    await chooseFile(admin, bad);
    await dialog.getByRole('button', { name: '检查' }).click();
    const errors = dialog.getByRole('table');
    await errors.waitFor();
    const errorText = await dialog.locator('.ant-table').innerText();
    expect(errorText).toContain('审批机关');
    expect(errorText).toContain('已有名为「深圳市南山区人民医院」的医疗机构');
    await dialog.getByText(/检查发现 2 行需要更正/).waitFor();
    expect(await dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);
    await screens(admin, shot, 'import-errors');

    const good = path.join(stage.dir, '导入-已更正.csv');
    await writeFile(good, csv([row(1), row(2), row(3)]));
    await chooseFile(admin, good);
    await dialog.getByRole('button', { name: '检查' }).click();
    await dialog.getByText('检查通过：共 3 家医疗机构，没有发现错误，可以导入。').waitFor();
    await screens(admin, shot, 'import-checked');
    await dialog.getByRole('button', { name: '导入' }).click();
    await dialog.getByText('已导入 3 家医疗机构，并为每家创建了机构管理员账户').waitFor();
    await screens(admin, shot, 'import-done');
    const download = admin.waitForEvent('download');
    await dialog.getByRole('button', { name: /下载初始账户/ }).click();
    const credentialsFile = path.join(stage.dir, 'credentials.xlsx');
    await (await download).saveAs(credentialsFile);
    const credentials = await sheetRows(credentialsFile);
    expect(credentials[0]).toEqual(['行号', '标准名称', '所在地区', '管理员姓名', '登录名', '一次性初始密码', '说明']);
    expect(credentials.slice(1).map((r) => r[4])).toEqual(['nsimport1_admin', 'nsimport2_admin', 'nsimport3_admin']);
    await dialog.getByRole('button', { name: '我已下载，关闭' }).click();
    await admin.locator('.ant-table-row', { hasText: '深圳市南山区导入测试门诊部2' }).waitFor();
    await screens(admin, shot, 'list-after-import');

    const newcomer = await stage.visitor();
    await open(newcomer, '/');
    await newcomer.getByRole('link', { name: PORTAL_ENTRY.institution }).click();
    await newcomer.getByRole('heading', { name: '用户登录' }).waitFor();
    await fillLogin(newcomer, credentials[1]![4]!, credentials[1]![5]!);
    await newcomer.getByRole('button', { name: '登录', exact: true }).click();
    await newcomer.getByRole('heading', { name: '修改密码' }).waitFor();
    await newcomer.getByText('首次登录须先修改初始密码').waitFor();
  }), 240_000);
});
