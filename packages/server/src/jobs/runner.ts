import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { inTransaction, type Ctx, type Deps } from '../context';
import { scheduledJobs } from '../db/schema/index';
import { createBoss, ensureQueue, slotJobId, transactionQueueDb } from './queue';

/** A piece of background work run every `intervalMs` by exactly one of the server processes. */
export interface Job {
  /** Stable name: the name of its pg-boss queue and the key of its scheduled_jobs row. */
  name: string;
  intervalMs: number;
  /** Runs in the job's transaction (`c.tx`); use only `c.tx`, never `c.db`, or PGlite waits for itself. */
  run(c: Ctx): Promise<unknown>;
}

export type JobOutcome = 'ran' | 'not_due' | 'busy' | 'failed';

/** What the runner needs of a logger (pino / Fastify's logger fits). */
export interface JobLog {
  error(obj: object, msg: string): void;
}

/**
 * Runs registered jobs through the pg-boss queue, on PostgreSQL and on PGlite alike. A run of a job is a
 * pg-boss job whose id is derived from the job's name and the interval slot of the server clock (`deps.now`),
 * so every process enqueues the same id and only the first enqueue creates it. The run then takes that
 * queued job (pg-boss `fetch`: FOR UPDATE SKIP LOCKED) inside the run's own transaction, does the work and marks
 * the job completed before committing: a process finding it locked skips (busy), one finding it done skips
 * (not due), a crash rolls the take back and the job waits for the next process. So a job runs once per
 * interval whichever processes tick. A failing run is rolled back, marked failed in pg-boss and in
 * scheduled_jobs (last_error), logged, never thrown; the next slot runs it again.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<JobOutcome>>();
  private started = false;
  private boss?: Promise<PgBoss>;
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly deps: Deps, private readonly log: JobLog) {}

  register(job: Job): this {
    if (this.jobs.has(job.name)) throw new Error(`job registered twice: ${job.name}`);
    this.jobs.set(job.name, job);
    return this;
  }

  /** Starts a timer per job (and pg-boss maintenance); the first run comes after a random part of the interval (at most 10 s). */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.queue().catch((err: unknown) => this.log.error({ err }, 'job queue failed to start'));
    for (const job of this.jobs.values()) this.schedule(job, Math.random() * Math.min(job.intervalMs, 10_000));
  }

  /** Stops the timers and waits for runs in progress. */
  async stop(): Promise<void> {
    this.started = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
    const boss = await this.boss?.catch(() => undefined);
    await boss?.stop({ graceful: false, wait: true, close: false });
    this.boss = undefined;
  }

  /** One tick of every job (tests and operators' commands). */
  async tick(): Promise<Record<string, JobOutcome>> {
    const outcomes: Record<string, JobOutcome> = {};
    for (const name of this.jobs.keys()) outcomes[name] = await this.runOnce(name);
    return outcomes;
  }

  /** Runs one job if its run of the current interval has not been done and no other process is doing it. */
  runOnce(name: string): Promise<JobOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`unknown job: ${name}`);
    const run = this.attempt(job).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
    return run;
  }

  private schedule(job: Job, delayMs: number): void {
    const timer = setTimeout(() => {
      void this.runOnce(job.name).finally(() => {
        if (this.started) this.schedule(job, job.intervalMs);
      });
    }, delayMs);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  /** pg-boss, started once per runner: maintenance only when the runner was started (a server), not for ticks. */
  private queue(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = createBoss(this.deps.engine, this.started);
      boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
      await boss.start();
      return boss;
    })();
    this.boss.catch(() => { this.boss = undefined; });
    return this.boss;
  }

  private async queueOf(job: Job): Promise<PgBoss> {
    const boss = await this.queue();
    let created = this.queues.get(job.name);
    if (!created) {
      created = ensureQueue(this.deps, job.name);
      this.queues.set(job.name, created);
      created.catch(() => this.queues.delete(job.name));
    }
    await created;
    return boss;
  }

  private async attempt(job: Job): Promise<JobOutcome> {
    const { deps } = this;
    const startedAt = deps.now();
    const { id, slotStart } = slotJobId(job.name, job.intervalMs, startedAt);
    const next = new Date(slotStart.getTime() + job.intervalMs);
    let taken: string | undefined;
    let boss: PgBoss | undefined;
    try {
      boss = await this.queueOf(job);
      // Outside the run's transaction, so that a first run elsewhere does not make these inserts wait.
      await deps.db.insert(scheduledJobs).values({ name: job.name, nextRunAt: startedAt }).onConflictDoNothing();
      await boss.send(job.name, { slot: slotStart.toISOString() }, { id, retryLimit: 0 });
      const queue = boss;
      return await inTransaction(deps, async (c) => {
        const db = transactionQueueDb(c.tx);
        const [row] = await queue.fetch(job.name, { db, batchSize: 1, ignoreStartAfter: true });
        if (!row) return (await queue.getJobById(job.name, id, { db, includeArchive: false }))?.state === 'created' ? 'busy' : 'not_due';
        taken = row.id;
        await job.run(c);
        await queue.complete(job.name, row.id, {}, { db });
        await c.tx.update(scheduledJobs)
          .set({ nextRunAt: next, lastStartedAt: startedAt, lastFinishedAt: deps.now(), lastError: null })
          .where(eq(scheduledJobs.name, job.name));
        return 'ran' as const;
      });
    } catch (err) {
      this.log.error({ err, job: job.name }, 'scheduled job failed');
      const message = err instanceof Error ? err.message.slice(0, 500) : String(err);
      // The take was rolled back with the work: mark the run failed, so that it waits for the next slot.
      if (boss && taken) await boss.fail(job.name, taken, { message }).catch(() => undefined);
      await deps.db.update(scheduledJobs)
        .set({ nextRunAt: next, lastStartedAt: startedAt, lastError: message })
        .where(eq(scheduledJobs.name, job.name))
        .catch(() => undefined);
      return 'failed';
    }
  }
}
