/**
 * The stage every registration-lifecycle journey runs on: medreg with the demo data and the lifecycle physicians,
 * one Chromium, a screenshot folder, and fresh visitors (each its own browser context). `run` wraps a journey so
 * that a failure leaves a screenshot of the last page opened and carries the server's output.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { newVisitor, screenshots } from './journey';
import { startLifecycleServer } from './lifecycle-server';
import type { Shot } from './physician-flows';
import type { RunningServer } from './server';

export interface LifecycleStage {
  /** A new visitor's page. */
  visitor(): Promise<Page>;
  /** Saves a screenshot into packages/e2e/artifacts/<journey>/. */
  shot: Shot;
  /** The screenshot folder (downloads are kept there too). */
  readonly dir: string;
  run(journey: () => Promise<void>): Promise<void>;
}

/** Call inside `describe`: starts the server and the browser before the tests and stops them after. */
export function lifecycleStage(journey: string): LifecycleStage {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let shots: Awaited<ReturnType<typeof screenshots>> | undefined;
  const contexts: BrowserContext[] = [];
  let current: Page | undefined;

  beforeAll(async () => {
    [server, browser, shots] = await Promise.all([startLifecycleServer(), launchChromium(), screenshots(journey)]);
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const shot: Shot = (page, step) => shots!.shot(page, step);
  return {
    shot,
    get dir() {
      return shots!.dir;
    },
    async visitor() {
      const context = await newVisitor(browser!, server!.baseUrl);
      contexts.push(context);
      current = await context.newPage();
      return current;
    },
    async run(body) {
      try {
        await body();
      } catch (error) {
        if (current) await shot(current, 'FAILED').catch(() => undefined);
        throw new Error(`${(error as Error).message}\n--- server output ---\n${server?.output().slice(-3000) ?? ''}`, { cause: error });
      }
    },
  };
}
