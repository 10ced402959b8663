import { eq, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../context';
import { scheduledJobs } from '../db/schema/index';
import { rowsOf } from '../db/rows';

/** A piece of background work run every `intervalMs` by exactly one of the server processes. */
export interface Job {
  /** Stable name: the key of its scheduled_jobs row. */
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
 * Runs registered jobs on timers. Safe with several processes on PostgreSQL and on PGlite: each run is one
 * transaction that locks the job's scheduled_jobs row with FOR UPDATE SKIP LOCKED (a process that finds it
 * locked skips), runs only when next_run_at has come, and moves next_run_at on before committing. So a job
 * runs once per interval whichever processes tick. A failing run is logged and recorded, never thrown.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<JobOutcome>>();
  private started = false;

  constructor(private readonly deps: Deps, private readonly log: JobLog) {}

  register(job: Job): this {
    if (this.jobs.has(job.name)) throw new Error(`job registered twice: ${job.name}`);
    this.jobs.set(job.name, job);
    return this;
  }

  /** Starts a timer per job; the first run comes after a random part of the interval (at most 10 s). */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.schedule(job, Math.random() * Math.min(job.intervalMs, 10_000));
  }

  /** Stops the timers and waits for runs in progress. */
  async stop(): Promise<void> {
    this.started = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  /** One tick of every job (tests and operators' commands). */
  async tick(): Promise<Record<string, JobOutcome>> {
    const outcomes: Record<string, JobOutcome> = {};
    for (const name of this.jobs.keys()) outcomes[name] = await this.runOnce(name);
    return outcomes;
  }

  /** Runs one job if it is due and no other process is running it. */
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

  private async attempt(job: Job): Promise<JobOutcome> {
    const { deps } = this;
    const startedAt = deps.now();
    const next = new Date(startedAt.getTime() + job.intervalMs);
    try {
      // Outside the run's transaction, so that a first run elsewhere does not make this insert wait.
      await deps.db.insert(scheduledJobs).values({ name: job.name, nextRunAt: startedAt }).onConflictDoNothing();
      return await deps.db.transaction(async (tx) => {
        const [row] = await rowsOf<{ next_run_at: string | Date }>(tx, sql`
          SELECT next_run_at FROM scheduled_jobs WHERE name = ${job.name} FOR UPDATE SKIP LOCKED`);
        if (!row) return 'busy';
        if (new Date(row.next_run_at) > startedAt) return 'not_due';
        await job.run({ ...deps, tx });
        await tx.update(scheduledJobs)
          .set({ nextRunAt: next, lastStartedAt: startedAt, lastFinishedAt: deps.now(), lastError: null })
          .where(eq(scheduledJobs.name, job.name));
        return 'ran';
      });
    } catch (err) {
      this.log.error({ err, job: job.name }, 'scheduled job failed');
      // Wait for the next interval rather than retrying at every tick of every process.
      await deps.db.update(scheduledJobs)
        .set({ nextRunAt: next, lastStartedAt: startedAt, lastError: err instanceof Error ? err.message.slice(0, 500) : String(err) })
        .where(eq(scheduledJobs.name, job.name))
        .catch(() => undefined);
      return 'failed';
    }
  }
}
