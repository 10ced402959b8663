import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { makeInstitution } from '../helpers/factories';
import { createJobRunner, JobRunner, type Job } from '../../src/jobs/index';
import { RecordOnlySender } from '../../src/modules/notifications/sender';

const silent = { error: () => undefined };

describe('cleanup jobs', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const count = async (table: string, where = 'true') =>
    (await t.engine.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0]!.n;

  it('removes expired rate-limit counters, captchas, sessions, sign-up tokens, codes and login failures, and keeps live ones', async () => {
    const { admin } = await makeInstitution(t.deps);
    const now = new Date('2026-12-01T08:00:00Z');
    t.setNow(now);
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    await t.engine.query(`INSERT INTO rate_limits (bucket, window_start, hits, expires_at) VALUES
      ('old', $1, 3, $2), ('live', $3, 3, $4)`, [at(-70), at(-10), at(-5), at(55)]);
    await t.engine.query('INSERT INTO captchas (answer_hash, expires_at) VALUES ($1, $2), ($1, $3)', [Buffer.from('x'), at(-1), at(4)]);
    await t.engine.query(`INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at) VALUES
      ($1, $3, 'a', $4), ($2, $3, 'b', $5)`, [Buffer.from('s-old'), Buffer.from('s-live'), admin.id, at(-1), at(60)]);
    await t.engine.query(`INSERT INTO signup_tokens (token_hash, name, id_number_enc, id_number_hash, expires_at) VALUES
      ($1, '张三', $3, $3, $4), ($2, '李四', $3, $3, $5)`, [Buffer.from('t-old'), Buffer.from('t-live'), Buffer.from('e'), at(-1), at(20)]);
    await t.engine.query(`INSERT INTO verification_codes (account_id, channel, target, purpose, code_hash, expires_at) VALUES
      ($1, 'sms', '13800000000', 'old', $2, $3), ($1, 'sms', '13800000000', 'recent', $2, $4), ($1, 'sms', '13800000000', 'live', $2, $5)`,
      [admin.id, Buffer.from('c'), at(-25 * 60), at(-10), at(5)]);
    await t.engine.query(`INSERT INTO login_failures (login_hash, client, failures, last_failed_at) VALUES
      ($1, '192.0.2.1', 2, $2), ($1, '192.0.2.2', 2, $3)`, [Buffer.from('l'), at(-25 * 60), at(-60)]);

    const runner = createJobRunner(t.deps, silent, new RecordOnlySender());
    const outcomes = await runner.tick();
    expect(Object.values(outcomes).every((o) => o === 'ran'), JSON.stringify(outcomes)).toBe(true);

    expect(await count('rate_limits', "bucket IN ('old', 'live')")).toBe(1);
    expect(await count('rate_limits', "bucket = 'live'")).toBe(1);
    expect(await count('captchas')).toBe(1);
    expect(await count('sessions', `account_id = '${admin.id}'`)).toBe(1);
    expect(await count('sessions', `token_hash = '\\x${Buffer.from('s-live').toString('hex')}'`)).toBe(1);
    expect(await count('signup_tokens')).toBe(1);
    expect(await count('signup_tokens', "name = '李四'")).toBe(1);
    // an expired code is kept a day, so that a late confirmation is told it expired
    expect((await t.engine.query<{ purpose: string }>('SELECT purpose FROM verification_codes ORDER BY purpose')).map((r) => r.purpose)).toEqual(['live', 'recent']);
    expect(await count('login_failures')).toBe(1);
    expect(await count('login_failures', "client = '192.0.2.2'")).toBe(1);
  });
});

describe('job runner', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('runs a job once per interval however many runners tick at once', async () => {
    const now = new Date('2026-12-01T09:00:00Z');
    t.setNow(now);
    let runs = 0;
    const job: Job = {
      name: 'test.counter',
      intervalMs: 60_000,
      run: async (c) => {
        runs++;
        await c.tx.execute(sql`SELECT pg_sleep(0.2)`);
      },
    };
    const runners = [new JobRunner(t.deps, silent), new JobRunner(t.deps, silent), new JobRunner(t.deps, silent)];
    for (const r of runners) r.register(job);

    const first = await Promise.all(runners.map((r) => r.runOnce('test.counter')));
    expect(runs).toBe(1);
    expect(first.filter((o) => o === 'ran')).toHaveLength(1);
    expect(first.filter((o) => o !== 'ran').every((o) => o === 'busy' || o === 'not_due')).toBe(true);

    t.setNow(new Date(now.getTime() + 30_000));
    await Promise.all(runners.map((r) => r.runOnce('test.counter')));
    expect(runs).toBe(1);

    t.setNow(new Date(now.getTime() + 61_000));
    await Promise.all(runners.map((r) => r.runOnce('test.counter')));
    expect(runs).toBe(2);
  });

  it('logs a failing job, rolls its work back, does not throw, and waits for the next interval', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    t.setNow(now);
    const errors: unknown[] = [];
    const runner = new JobRunner(t.deps, { error: (obj) => { errors.push(obj); } });
    let runs = 0;
    runner.register({
      name: 'test.failing',
      intervalMs: 60_000,
      run: async (c) => {
        runs++;
        await c.tx.execute(sql`INSERT INTO rate_limits (bucket, window_start, hits, expires_at) VALUES ('job-rollback', now(), 1, now())`);
        throw new Error('gateway down');
      },
    });
    expect(await runner.runOnce('test.failing')).toBe('failed');
    expect(errors).toHaveLength(1);
    expect((await t.engine.query("SELECT 1 FROM rate_limits WHERE bucket = 'job-rollback'")).length).toBe(0);
    const [row] = await t.engine.query<{ last_error: string }>("SELECT last_error FROM scheduled_jobs WHERE name = 'test.failing'");
    expect(row!.last_error).toBe('gateway down');
    expect(await runner.runOnce('test.failing')).toBe('not_due');
    expect(runs).toBe(1);
  });

  it('starts and stops its timers, dispatching the outbox as one of its jobs', async () => {
    t.setNow(new Date());
    await t.engine.query("INSERT INTO outbox (channel, recipient, body, template) VALUES ('sms', '13800000000', '验证码', 'test')");
    const runner = createJobRunner(t.deps, silent, new RecordOnlySender());
    runner.start();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const [row] = await t.engine.query<{ status: string }>("SELECT status FROM outbox WHERE template = 'test'");
      if (row!.status === 'sent') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await runner.stop();
    const [row] = await t.engine.query<{ status: string }>("SELECT status FROM outbox WHERE template = 'test'");
    expect(row!.status).toBe('sent');
  }, 20_000);
});
