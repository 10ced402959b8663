import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const INSTALL_HINT = 'Chromium 未安装，跳过浏览器测试。安装：apt-get install -y chromium fonts-wqy-microhei';

if (!HAS_CHROMIUM && !process.env.CI) console.warn(`[e2e] ${INSTALL_HINT}`);

/** Debian's Chromium, headless, with the flags this sandbox needs (root, closed network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
}
