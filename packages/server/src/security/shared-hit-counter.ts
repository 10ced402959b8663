import { sql } from 'drizzle-orm';
import type { Db, Engine } from '../db/engine';
import { rowsOf } from '../db/rows';

/** How often a process adds its hits to the shared counts and reads back everyone's. */
export const HIT_FLUSH_INTERVAL_MS = 200;

interface Bucket {
  bucket: string;
  windowStart: Date;
  expiresAt: Date;
  /** Hits of all processes as the database last answered (including this process's flushed ones). */
  shared: number;
  /** Hits of this process being added to the database by the flush in flight (not yet in `shared`). */
  inFlight: number;
  /** Hits of this process not yet added to the database. */
  pending: number;
}

/**
 * Fixed-window hit counts shared by every server process through the rate_limits table, without a database
 * write per hit: a hit is counted in memory at once, and every HIT_FLUSH_INTERVAL_MS the process adds its new
 * hits to the table in one statement (INSERT … SELECT FROM unnest … ON CONFLICT … RETURNING) and reads back the
 * totals of all processes. A process therefore knows the shared count to within one flush interval: a client
 * spreading requests over N processes can exceed a limit by at most what it sends in one interval to each of them.
 * In one process the count is exact.
 */
export class SharedHitCounter {
  private readonly buckets = new Map<string, Bucket>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private lastNowMs = 0;

  constructor(private readonly db: Db) {}

  /** Counts one hit and answers the hits of the window so far (all processes) and the seconds until it ends. */
  hit(bucket: string, windowSeconds: number, now: Date): { hits: number; retryAfterSeconds: number } {
    const nowMs = now.getTime();
    this.lastNowMs = nowMs;
    const startMs = nowMs - (nowMs % (windowSeconds * 1000));
    const key = `${bucket}@${startMs}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = { bucket, windowStart: new Date(startMs), expiresAt: new Date(startMs + windowSeconds * 1000), shared: 0, inFlight: 0, pending: 0 };
      this.buckets.set(key, b);
    }
    b.pending++;
    this.schedule();
    return { hits: b.shared + b.inFlight + b.pending, retryAfterSeconds: Math.ceil((b.expiresAt.getTime() - nowMs) / 1000) };
  }

  /** Adds the pending hits to the shared counts and reads back the totals (also run by the timer). */
  flush(): Promise<void> {
    // One write at a time, and a flush always covers the hits counted before it was called.
    const next = this.flushing.catch(() => undefined).then(() => this.write());
    this.flushing = next;
    return next;
  }

  /** Stops the timer (the pending hits are written first). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush().catch(() => undefined);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined).finally(() => { if (this.hasPending()) this.schedule(); });
    }, HIT_FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  private hasPending(): boolean {
    for (const b of this.buckets.values()) if (b.pending > 0) return true;
    return false;
  }

  private async write(): Promise<void> {
    const batch = [...this.buckets.values()].filter((b) => b.pending > 0).map((b) => ({ b, added: b.pending }));
    if (batch.length === 0) return;
    for (const x of batch) { x.b.pending -= x.added; x.b.inFlight += x.added; }
    try {
      const rows = await rowsOf<{ bucket: string; window_start: string | Date; hits: number }>(this.db, sql`
        INSERT INTO rate_limits (bucket, window_start, hits, expires_at)
        SELECT * FROM unnest(${`{${batch.map((x) => quote(x.b.bucket)).join(',')}}`}::text[],
                             ${`{${batch.map((x) => x.b.windowStart.toISOString()).join(',')}}`}::timestamptz[],
                             ${`{${batch.map((x) => x.added).join(',')}}`}::int[],
                             ${`{${batch.map((x) => x.b.expiresAt.toISOString()).join(',')}}`}::timestamptz[])
        ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + EXCLUDED.hits
        RETURNING bucket, window_start, hits`);
      const byKey = new Map(rows.map((r) => [`${r.bucket}@${new Date(r.window_start).getTime()}`, Number(r.hits)]));
      for (const x of batch) {
        const total = byKey.get(`${x.b.bucket}@${x.b.windowStart.getTime()}`);
        // The total includes this flush's hits, so they leave inFlight as they enter shared.
        if (total !== undefined) x.b.shared = Math.max(x.b.shared, total);
      }
    } catch (error) {
      for (const x of batch) x.b.pending += x.added;
      throw error;
    } finally {
      for (const x of batch) x.b.inFlight -= x.added;
      this.forgetEnded();
    }
  }

  /** Windows that have ended by the clock the hits were counted with are dropped once written. */
  private forgetEnded(): void {
    for (const [key, b] of this.buckets) if (b.pending === 0 && b.inFlight === 0 && b.expiresAt.getTime() <= this.lastNowMs) this.buckets.delete(key);
  }
}

/** An element of a PostgreSQL array literal (buckets hold client addresses and names: quote everything). */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const counters = new WeakMap<Engine, SharedHitCounter>();

/** The counter of this process's connection to the database (one per engine). */
export function sharedHitCounter(engine: Engine, db: Db): SharedHitCounter {
  let counter = counters.get(engine);
  if (!counter) {
    counter = new SharedHitCounter(db);
    counters.set(engine, counter);
  }
  return counter;
}
