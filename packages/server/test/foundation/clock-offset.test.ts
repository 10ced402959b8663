// MEDREG_CLOCK_OFFSET_DAYS: a development and test setting that runs the server's clock (deps.now) days ahead, so that
// a restart on the same data can show what the scheduled rules do in time. Never in production.
import { afterAll, describe, expect, it } from 'vitest';
import { addCalendarDays, todayInChina } from '@medreg/domain';
import { createDeps } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { emptyPlace, type EmptyPlace } from '../helpers/empty-database';
import { createTestApp, type TestApp } from '../helpers/test-app';

const KEY = Buffer.alloc(32, 5).toString('base64');
const DAY = 86_400_000;

describe('the server clock offset (MEDREG_CLOCK_OFFSET_DAYS)', () => {
  const apps: TestApp[] = [];
  const servers: ServerProcess[] = [];
  let place: EmptyPlace | undefined;
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    await Promise.all(apps.map((a) => a.close()));
    await place?.drop();
  });

  it('is refused in production with a clear message, and so is a start with it', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MEDREG_PII_KEY: KEY, MEDREG_CLOCK_OFFSET_DAYS: '730' }))
      .toThrow(/MEDREG_CLOCK_OFFSET_DAYS: 生产环境不得偏移服务器时钟/);
    expect(() => loadConfig({ NODE_ENV: 'production', MEDREG_PII_KEY: KEY, MEDREG_CLOCK_OFFSET_DAYS: '0' })).not.toThrow();
    place = await emptyPlace('medreg-clock-');
    const refused = await startServerProcess({ ...place.env, NODE_ENV: 'production', MEDREG_PII_KEY: KEY, MEDREG_CLOCK_OFFSET_DAYS: '-1' }, { waitUp: false });
    servers.push(refused);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/生产环境不得偏移服务器时钟/);
  }, 60_000);

  it('takes whole days only', () => {
    expect(() => loadConfig({ MEDREG_CLOCK_OFFSET_DAYS: '1.5' })).toThrow(/须为整数天数/);
    expect(() => loadConfig({ MEDREG_CLOCK_OFFSET_DAYS: 'two years' })).toThrow(/MEDREG_CLOCK_OFFSET_DAYS/);
  });

  it('moves deps.now by the offset in development, and not at all by default', async () => {
    const t = await createTestApp();
    apps.push(t);
    const shifted = await createDeps(loadConfig({ MEDREG_CLOCK_OFFSET_DAYS: '731', MEDREG_PII_KEY: KEY }), t.engine);
    const plain = await createDeps(loadConfig({ MEDREG_PII_KEY: KEY }), t.engine);
    const before = Date.now();
    const ahead = shifted.now().getTime();
    const now = plain.now().getTime();
    expect(ahead - before).toBeGreaterThanOrEqual(731 * DAY);
    expect(ahead - before).toBeLessThan(731 * DAY + 5_000);
    expect(Math.abs(now - before)).toBeLessThan(5_000);
    expect(todayInChina(new Date(ahead))).toBe(addCalendarDays(todayInChina(new Date(before)), 731));
  });
});
