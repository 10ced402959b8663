// The runner on the pg-boss queue: a run is one queued job per interval slot, taken inside the run's transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { inTransaction } from '../../src/context';
import { JobRunner, type Job } from '../../src/jobs/index';
import { slotJobId, transactionQueueDb } from '../../src/jobs/queue';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createPeerApp, type PeerApp } from '../helpers/peer-app';

const silent = { error: () => undefined };
let t: TestApp;
let peer: PeerApp;

beforeAll(async () => {
  t = await createTestApp();
  peer = await createPeerApp(t);
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});

const stateOf = async (id: string) =>
  (await t.engine.query<{ state: string }>('SELECT state::text AS state FROM pgboss.job WHERE id = $1', [id]))[0]?.state;

describe('job queue', () => {
  it('gives every process the same run id for a slot, and a new one for the next slot', () => {
    const a = slotJobId('outbox.dispatch', 5000, new Date('2027-01-01T00:00:01Z'));
    expect(slotJobId('outbox.dispatch', 5000, new Date('2027-01-01T00:00:04.999Z')).id).toBe(a.id);
    expect(slotJobId('outbox.dispatch', 5000, new Date('2027-01-01T00:00:05Z')).id).not.toBe(a.id);
    expect(slotJobId('filings.expire', 5000, new Date('2027-01-01T00:00:01Z')).id).not.toBe(a.id);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('records a run as a completed pg-boss job, and runs a job once however many processes tick', async () => {
    const now = new Date('2027-01-01T09:00:00Z');
    t.setNow(now);
    let runs = 0;
    const job: Job = { name: 'test.queue', intervalMs: 60_000, run: async (c) => { runs++; await c.tx.execute(sql`SELECT pg_sleep(0.1)`); } };
    const runners = [new JobRunner(t.deps, silent).register(job), new JobRunner(peer.deps, silent).register(job)];
    const outcomes = await Promise.all(runners.map((r) => r.runOnce('test.queue')));
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(runs).toBe(1);
    expect(await stateOf(slotJobId('test.queue', 60_000, now).id)).toBe('completed');
  });

  it('leaves a run whose process died before committing to the next process', async () => {
    const now = new Date('2027-01-02T09:00:00Z');
    t.setNow(now);
    let runs = 0;
    const job: Job = { name: 'test.crash', intervalMs: 60_000, run: async () => { runs++; } };
    const first = new JobRunner(t.deps, silent).register(job);
    expect(await first.runOnce('test.crash')).toBe('ran'); // creates the queue; this slot is done
    t.setNow(new Date(now.getTime() + 60_000));
    const { id } = slotJobId('test.crash', 60_000, t.deps.now());
    await t.engine.executeSql("INSERT INTO pgboss.job (id, name, data) VALUES ($1::uuid, 'test.crash', '{}')", [id]);
    // A process takes the run and dies in the middle: its transaction rolls back with the take.
    await expect(inTransaction(t.deps, async (c) => {
      const boss = await import('pg-boss');
      const taken = await new boss.default({ db: transactionQueueDb(c.tx), migrate: false, supervise: false, schedule: false })
        .fetch('test.crash', { db: transactionQueueDb(c.tx), ignoreStartAfter: true });
      expect(taken.map((j) => j.id)).toEqual([id]);
      throw new Error('process killed');
    })).rejects.toThrow('process killed');
    expect(await stateOf(id)).toBe('created');
    expect(await new JobRunner(peer.deps, silent).register(job).runOnce('test.crash')).toBe('ran');
    expect(runs).toBe(2);
    expect(await stateOf(id)).toBe('completed');
  });
});
