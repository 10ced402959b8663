/**
 * Runs qualification imports (modules/qualification-import) from their pg-boss queue. Starting an import sends a
 * job whose id is the import's id; each server process's worker fetches jobs (pg-boss `fetch`: FOR UPDATE SKIP
 * LOCKED), so every import is taken by exactly one process, and the import's own status change queued → reading
 * is conditional, so even a job delivered twice runs once. The work is long (minutes for millions of rows) and runs
 * outside any one transaction — the progress counts commit as it goes; only the merge is one transaction. A job
 * whose process dies is not retried (a half-read file is not resumed): the import's heartbeat stops and the
 * stale-import job (stale-imports.ts) fails it, so the administrator sees it ended and imports the file again.
 */
import type PgBoss from 'pg-boss';
import type { Deps } from '../context';
import { runImport } from '../modules/qualification-import/run-import';
import { createBoss, ensureQueue } from './queue';
import type { JobLog } from './runner';

export const QUALIFICATION_IMPORT_QUEUE = 'qualification.import';
const POLL_MS = 2000;

export class QualificationImportWorker {
  private boss?: Promise<PgBoss>;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<number>;

  constructor(private readonly deps: Deps, public log: JobLog) {}

  /** Queues the import's job (idempotent: the same import id is one job). */
  async enqueue(importId: string): Promise<void> {
    const boss = await this.queue();
    await boss.send(QUALIFICATION_IMPORT_QUEUE, { importId }, { id: importId, retryLimit: 0, expireInSeconds: 23 * 3600 });
  }

  /** Runs queued imports until the queue is empty; answers how many ran. One drain at a time per process. */
  drain(): Promise<number> {
    this.draining ??= this.drainQueue().finally(() => { this.draining = undefined; });
    return this.draining;
  }

  /** Polls the queue every few seconds (a server). */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      void this.drain().catch((err: unknown) => this.log.error({ err }, 'qualification import queue failed')).finally(() => {
        if (this.timer) this.timer = setTimeout(tick, POLL_MS).unref();
      });
    };
    this.timer = setTimeout(tick, POLL_MS).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining?.catch(() => undefined);
    const boss = await this.boss?.catch(() => undefined);
    await boss?.stop({ graceful: false, wait: true, close: false });
    this.boss = undefined;
  }

  private async drainQueue(): Promise<number> {
    const boss = await this.queue();
    let ran = 0;
    for (;;) {
      const [job] = await boss.fetch<{ importId: string }>(QUALIFICATION_IMPORT_QUEUE, { batchSize: 1 });
      if (!job) return ran;
      try {
        await runImport(this.deps, job.data.importId, this.log);
        await boss.complete(QUALIFICATION_IMPORT_QUEUE, job.id);
      } catch (err) {
        this.log.error({ err, importId: job.data.importId }, 'qualification import job failed');
        await boss.fail(QUALIFICATION_IMPORT_QUEUE, job.id, { message: err instanceof Error ? err.message.slice(0, 500) : String(err) }).catch(() => undefined);
      }
      ran++;
    }
  }

  private queue(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = createBoss(this.deps.engine, false);
      boss.on('error', (err) => this.log.error({ err }, 'qualification import queue error'));
      await boss.start();
      await ensureQueue(this.deps, QUALIFICATION_IMPORT_QUEUE);
      return boss;
    })();
    this.boss.catch(() => { this.boss = undefined; });
    return this.boss;
  }
}

const WORKERS = new WeakMap<Deps, QualificationImportWorker>();
const QUIET: JobLog = { error: () => undefined };

/** The process's worker for these dependencies (created on first use; a server gives it its logger and starts it). */
export function qualificationImportWorker(deps: Deps, log?: JobLog): QualificationImportWorker {
  let worker = WORKERS.get(deps);
  if (!worker) {
    worker = new QualificationImportWorker(deps, log ?? QUIET);
    WORKERS.set(deps, worker);
  } else if (log) worker.log = log;
  return worker;
}
