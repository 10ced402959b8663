/**
 * 资格补改 with attachments: the demo physician files a request with a scanned certificate (PDF) and an ID photo
 * (PNG) from 资格补改指南; the 北京市 commission's reviewer sees 附件1、附件2 in 资格补改 and downloads them —
 * files medreg checked and rewrote, of the types they were sent as.
 * Screenshots: packages/e2e/artifacts/qualification-correction/
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, launchChromium } from './support/chromium';
import { logIn, newVisitor, screenshots, settle, writePortrait } from './support/journey';
import { menu } from './support/physician-flows';
import { startServer, type RunningServer } from './support/server';

/** A one-page PDF as a scanner might write it, trailing bytes after %%EOF included (they are not kept). */
const SCANNED_PDF = Buffer.from([
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
  'trailer << /Root 1 0 R /Size 4 >>',
  '%%EOF',
  '<html>not part of the document</html>',
].join('\n'), 'latin1');

describe.skipIf(!HAS_CHROMIUM)('资格补改 attachments (physician → authority)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let shot: (page: Page, step: string) => Promise<string>;
  let dir: string;

  beforeAll(async () => {
    const [s, b, shots] = await Promise.all([startServer(), launchChromium(), screenshots('qualification-correction')]);
    server = s;
    browser = b;
    shot = shots.shot;
    dir = shots.dir;
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function visitor(): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    return context.newPage();
  }

  it('files a request with two attachments that the commission downloads', async () => {
    const pdfFile = path.join(dir, '医师资格证书.pdf');
    await writeFile(pdfFile, SCANNED_PDF);
    const pngFile = await writePortrait(dir);

    const physician = await visitor();
    await logIn(physician, 'physician', 'doctor_demo', DEMO_PASSWORD);
    await menu(physician, '资格补改指南');
    await physician.getByRole('heading', { name: '资格补改指南', exact: true }).waitFor();
    await physician.getByText('合计不超过 5 MB').waitFor();
    await physician.getByLabel('申请原因').fill('2010年取得医师资格，资格库中查询不到，附资格证书扫描件和身份证照片');
    const chooser = physician.waitForEvent('filechooser');
    await physician.getByRole('button', { name: /选择文件/ }).click();
    await (await chooser).setFiles([pdfFile, pngFile]);
    await shot(physician, 'physician-form');
    await physician.getByRole('button', { name: '提交申请' }).click();
    await physician.getByText('资格补改申请已提交').waitFor();
    await physician.getByText('您有一条正在办理的资格补改申请').waitFor();
    await shot(physician, 'physician-submitted');

    const reviewer = await visitor();
    await logIn(reviewer, 'authority', 'bj_wjw_reviewer', DEMO_PASSWORD);
    await menu(reviewer, '资格补改');
    await reviewer.getByRole('heading', { name: '资格补改', exact: true }).waitFor();
    const row = reviewer.locator('.ant-table-tbody tr.ant-table-row', { hasText: '王晓明' });
    await row.getByRole('link', { name: /附件1/ }).waitFor();
    await settle(reviewer);
    await shot(reviewer, 'authority-list');
    expect(await seriousViolations(reviewer)).toEqual([]);

    const downloads: { name: string; bytes: Buffer }[] = [];
    for (const label of [/附件1/, /附件2/]) {
      const download = reviewer.waitForEvent('download');
      await row.getByRole('link', { name: label }).click();
      const file = await download;
      downloads.push({ name: file.suggestedFilename(), bytes: await readFile((await file.path())!) });
    }
    expect(downloads.map((d) => d.name)).toEqual(['附件1.pdf', '附件2.png']);
    expect(downloads[0]!.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(downloads[0]!.bytes.includes('<html>')).toBe(false);
    expect(downloads[1]!.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 180_000);
});
