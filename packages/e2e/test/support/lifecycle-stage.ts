/**
 * The stage every registration-lifecycle journey runs on: medreg with the demo data and the lifecycle physicians,
 * one Chromium, a screenshot folder, and fresh visitors (each its own browser context). `run` wraps a journey so
 * that a failure leaves a screenshot of the last page opened and carries the server's output.
 */
import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { newVisitor, screenshots } from './journey';
import { startLifecycleServer } from './lifecycle-server';
import type { Shot } from './physician-flows';
import { startServer, type RunningServer } from './server';

const DAY_MS = 86_400_000;

export interface LifecycleStage {
  /** A new visitor's page. */
  visitor(): Promise<Page>;
  /** Saves a screenshot into packages/e2e/artifacts/<journey>/. */
  shot: Shot;
  /** The screenshot folder (downloads are kept there too). */
  readonly dir: string;
  run(journey: () => Promise<void>): Promise<void>;
  /**
   * Stops the server and starts it again on the same data and port with its clock `days` ahead of today
   * (MEDREG_CLOCK_OFFSET_DAYS, development only). Visitors opened afterwards have their browser clock moved alike;
   * those opened before keep a session the moved clock has expired, so open new ones.
   */
  restartWithClock(days: number): Promise<void>;
  /** The stage's date now: today moved by the clock offset of the last restart. */
  now(): Date;
}

/** Call inside `describe`: starts the server and the browser before the tests and stops them after. */
export function lifecycleStage(journey: string): LifecycleStage {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let shots: Awaited<ReturnType<typeof screenshots>> | undefined;
  const contexts: BrowserContext[] = [];
  let current: Page | undefined;
  let offsetDays = 0;
  let restartedDir: string | undefined;

  beforeAll(async () => {
    [server, browser, shots] = await Promise.all([startLifecycleServer(), launchChromium(), screenshots(journey)]);
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    // A restart that failed leaves the data directory without a server.
    if (!server && restartedDir) await rm(restartedDir, { recursive: true, force: true });
  });

  const shot: Shot = (page, step) => shots!.shot(page, step);
  return {
    shot,
    get dir() {
      return shots!.dir;
    },
    now: () => new Date(Date.now() + offsetDays * DAY_MS),
    async restartWithClock(days) {
      const { dataDir, port } = server!;
      restartedDir = dataDir;
      await server!.stop({ keepData: true });
      server = undefined;
      server = await startServer({ dataDir, port, env: { MEDREG_CLOCK_OFFSET_DAYS: String(days) } });
      offsetDays = days;
    },
    async visitor() {
      const context = await newVisitor(browser!, server!.baseUrl);
      // The physician's browser lives on the same (moved) day as the server: date pickers' 今天, 'not after today'.
      if (offsetDays) await context.clock.install({ time: Date.now() + offsetDays * DAY_MS });
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
