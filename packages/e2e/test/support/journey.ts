/**
 * What every browser journey shares: screenshots into packages/e2e/artifacts/<journey>/NN-<step>.png,
 * signing in as a person would (landing page → portal entry → 用户登录 with the test captcha),
 * reading codes from the development inbox, a small photo for uploads, and PDF helpers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));

/**
 * A numbered screenshot series for one journey; the folder is emptied first so old pictures do not linger.
 * E2E_TIMING=1 logs the time of each picture, to find a slow step.
 */
export async function screenshots(journey: string): Promise<{ dir: string; shot: (page: Page, step: string) => Promise<string> }> {
  const dir = path.join(ARTIFACTS, journey);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let n = 0;
  return {
    dir,
    async shot(page, step) {
      n += 1;
      if (process.env.E2E_TIMING) console.log(new Date().toISOString().slice(11, 23), 'shot', step);
      const file = path.join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
      await settle(page);
      // A dialog or drawer sits over the viewport: a full-page picture would cut it apart from the page below.
      const overlay = await page.getByRole('dialog').count();
      await page.screenshot({ path: file, fullPage: overlay === 0, animations: 'disabled' });
      return file;
    },
  };
}

/**
 * Waits until the page is quiet: no request in flight for a moment and no spinner visible. Only for pictures:
 * the journeys wait for what they check explicitly. (A closed PDF preview frame can leave a request that never
 * settles in headless Chromium, hence the short limit.)
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 4_000 }).catch(() => undefined);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
}

/**
 * A browser context as a new visitor on a desktop screen, in Chinese, on Beijing time (so 「今天」 in a date picker
 * is the server's working day whatever the machine's zone). Generous limits: `npm test` runs the journeys
 * beside the integration suites on two cores.
 */
export async function newVisitor(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 }, acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/**
 * Opens an address of the web app. A 404 for an app page means packages/web/dist is being rebuilt at this moment
 * (vite empties it first; happens on a shared development machine): try again for a while instead of failing.
 */
export async function open(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await page.goto(url);
    if (!res || res.status() !== 404 || Date.now() > deadline) return;
    await page.waitForTimeout(1_000);
  }
}

/** Types the answer the test captcha carries (`data-test-answer`, present only with MEDREG_TEST_CAPTCHA). */
export async function answerCaptcha(scope: Page | Locator): Promise<void> {
  const image = scope.locator('button.captcha-image[data-test-answer]');
  await image.waitFor();
  const answer = await image.getAttribute('data-test-answer');
  if (!answer) throw new Error('captcha without a test answer: is MEDREG_TEST_CAPTCHA on?');
  await scope.getByLabel('验证码').fill(answer);
}

export const PORTAL_ENTRY = {
  physician: '进入医师个人端',
  institution: '进入医疗机构端',
  authority: '进入卫生健康行政部门端',
} as const;
export const PORTAL_BASE = { physician: '/physician', institution: '/institution', authority: '/authority' } as const;

/**
 * From the front door to the portal: 首页 → 【进入…端】 → 用户登录 (登录名, 登录密码, 验证码) → 【登录】.
 * `shot` gets the login page before it is submitted.
 */
export async function logIn(
  page: Page,
  portal: keyof typeof PORTAL_ENTRY,
  loginName: string,
  password: string,
  shot?: (page: Page, step: string) => Promise<unknown>,
): Promise<void> {
  await open(page, '/');
  await page.getByRole('link', { name: PORTAL_ENTRY[portal] }).click();
  await page.getByRole('heading', { name: '用户登录' }).waitFor();
  await fillLogin(page, loginName, password);
  if (shot) await shot(page, `${portal}-login`);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith(PORTAL_BASE[portal]));
}

export async function fillLogin(page: Page, loginName: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(loginName);
  await page.getByLabel('登录密码').fill(password);
  await answerCaptcha(page);
}

export interface InboxMessage { id: string; channel: 'sms' | 'email'; recipient: string; subject: string | null; body: string; template: string; createdAt: string }

/** The newest development-inbox messages for a recipient (phone or e-mail), newest first. */
export async function inbox(request: APIRequestContext, recipient: string): Promise<InboxMessage[]> {
  // POST: a phone number or e-mail never goes in a URL. A signed-in context echoes its session's CSRF token.
  const session = await request.get('/api/v1/session');
  const csrfToken = session.ok() ? ((await session.json()) as { csrfToken?: string }).csrfToken : undefined;
  const res = await request.post('/api/v1/dev/inbox/search', { data: { recipient }, headers: csrfToken ? { 'x-csrf-token': csrfToken } : {} });
  expect(res.ok(), `dev inbox: HTTP ${res.status()}`).toBe(true);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

/** Waits for a message of `template` to `recipient` and returns it. */
export async function waitForMessage(request: APIRequestContext, recipient: string, template: string): Promise<InboxMessage> {
  let found: InboxMessage | undefined;
  await expect.poll(async () => {
    found = (await inbox(request, recipient)).find((m) => m.template === template);
    return found !== undefined;
  }, { timeout: 20_000, message: `no ${template} message for ${recipient} in the development inbox` }).toBe(true);
  return found!;
}

// ---------------------------------------------------------------------------------------------
// A small but real photo (PNG, 2-inch proportions 3:4): light blue background, a head and shoulders.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function portraitPng(width = 132, height = 176): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const head = ((x - width / 2) / (width * 0.2)) ** 2 + ((y - height * 0.36) / (height * 0.17)) ** 2 <= 1;
      const shoulders = y > height * 0.62 && ((x - width / 2) / (width * 0.46)) ** 2 + ((y - height) / (height * 0.36)) ** 2 <= 1;
      const [r, g, b] = head ? [236, 200, 170] : shoulders ? [40, 56, 90] : [120, 170, 225];
      row.writeUInt8(r, 1 + x * 3);
      row.writeUInt8(g, 2 + x * 3);
      row.writeUInt8(b, 3 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function writePortrait(dir: string): Promise<string> {
  const file = path.join(dir, 'photo.png');
  await writeFile(file, portraitPng());
  return file;
}

// ---------------------------------------------------------------------------------------------
// PDFs: save, render the first page to PNG for a person to look at, and read the text.

function hasTool(tool: string): boolean {
  return ['/usr/bin', '/usr/local/bin', '/bin'].some((d) => existsSync(path.join(d, tool)));
}

/** Renders every page of a PDF to `<outPrefix>-N.png` at 80 dpi with poppler's pdftoppm (skipped with a warning outside CI if missing). */
export function renderPdf(pdfFile: string, outPrefix: string): void {
  if (!hasTool('pdftoppm')) {
    if (process.env.CI) throw new Error('pdftoppm (poppler-utils) is required in CI');
    console.warn('[e2e] pdftoppm 未安装，跳过 PDF 渲染（apt-get install -y poppler-utils）');
    return;
  }
  execFileSync('pdftoppm', ['-png', '-r', '80', pdfFile, outPrefix]);
}

/** The text of a PDF: poppler's pdftotext when present, else pdfjs-dist. */
export async function pdfText(pdfFile: string, content: Buffer): Promise<string> {
  if (hasTool('pdftotext')) return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
  return pdfContentText(content);
}

/**
 * The text strings of a PDF exactly as drawn, in drawing order, joined without separators (pdfjs-dist).
 * Use it to read a code that wraps over lines: pdftotext joins a line ending in "-" with the next and drops the
 * hyphen, which changes a base64url token.
 */
export async function pdfContentText(content: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(content), useSystemFonts: false, disableFontFace: true }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const text = await (await doc.getPage(i)).getTextContent();
    parts.push(text.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.destroy();
  return parts.join('\n');
}

/** Strips the whitespace a PDF's text layer puts between glyphs, so codes and names compare plainly. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
