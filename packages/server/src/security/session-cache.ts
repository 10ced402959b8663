import { sql } from 'drizzle-orm';
import type { Db, Engine } from '../db/engine';
import { rowsOf } from '../db/rows';

/** How often a process reads the actor_changes log. */
export const ACTOR_CHANGES_POLL_MS = 100;
/** A cached session is used only while the log was read successfully this recently. */
const HEALTHY_FOR_MS = 3_000;
/** Each read looks this far back (database time), so a change whose transaction commits late is still seen. */
const LOOKBACK_SECONDS = 5;
/** However quiet the log, a cached session is looked up again after this long. */
const ENTRY_TTL_MS = 60_000;
const MAX_ENTRIES = 50_000;

interface Entry<T> {
  value: T;
  accountId: string;
  /** The session's own expiry, on the clock of deps.now(). */
  expiresAtMs: number;
  cachedAtMs: number;
}

/**
 * Who a session belongs to, kept for a short while in each process so that a read does not look the session up
 * again. A change to a session or its account anywhere — on any process, by any code path, including jobs — is
 * written to actor_changes by a trigger (logout, password change or reset, account disabled, role or organisation
 * changed, physician record bound, institution or authority renamed). Every process reads the log every
 * ACTOR_CHANGES_POLL_MS in one statement and forgets the sessions it names, and after each of its own writes before
 * answering (so a process's next request sees its own changes at once). Writes never use the cache (http/actor.ts):
 * they are always authorised against the database. So a read on another process can use a session that has just
 * ended for at most one poll interval; if the log cannot be read, the cache is not used at all.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly byAccount = new Map<string, Set<string>>();
  /** Change ids already applied within the look-back window (the window is read again every poll). */
  private readonly applied = new Map<number, number>();
  private since: string | undefined;
  private healthyAtMs = 0;
  /** Counts forgettings: a look-up that started before one must not cache what it read. */
  private epoch = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Which polling loop is current (stop and start again never leave two running). */
  private loops = 0;
  private polling: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  /** The cached value of a session (token hash), or undefined: look it up, then `put` it with `epochNow()`. */
  get(key: string, nowMs: number): T | undefined {
    this.start();
    const entry = this.entries.get(key);
    if (!entry || !this.healthy()) return undefined;
    if (entry.expiresAtMs <= nowMs || Date.now() - entry.cachedAtMs > ENTRY_TTL_MS) {
      this.forgetKey(key);
      return undefined;
    }
    return entry.value;
  }

  epochNow(): number {
    return this.epoch;
  }

  /** Caches a session read from the database, unless something was forgotten since the read began. */
  put(key: string, accountId: string, value: T, expiresAtMs: number, epochAtRead: number): void {
    if (epochAtRead !== this.epoch || !this.healthy()) return;
    if (this.entries.size >= MAX_ENTRIES) this.clear();
    this.entries.set(key, { value, accountId, expiresAtMs, cachedAtMs: Date.now() });
    let keys = this.byAccount.get(accountId);
    if (!keys) this.byAccount.set(accountId, (keys = new Set()));
    keys.add(key);
  }

  /** Reads the change log now and forgets what it names (also run by the timer). */
  sync(): Promise<void> {
    this.polling ??= this.poll().finally(() => { this.polling = undefined; });
    return this.polling;
  }

  /** After a write of this process: its changes are forgotten before it answers. */
  async syncIfCaching(): Promise<void> {
    if (this.entries.size === 0) return;
    // The write has committed: if the log cannot be read now, forget everything rather than answer with an error.
    await this.sync().catch(() => this.clear());
  }

  /** Stops reading the log and forgets everything (the app closes); the next `get` starts afresh. */
  stop(): void {
    this.loops++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.since = undefined;
    this.healthyAtMs = 0;
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private start(): void {
    if (this.timer) return;
    const loop = ++this.loops;
    const tick = () => {
      this.sync().catch(() => undefined).finally(() => {
        if (loop !== this.loops || !this.timer) return;
        this.timer = setTimeout(tick, ACTOR_CHANGES_POLL_MS);
        this.timer.unref();
      });
    };
    this.timer = setTimeout(tick, 0);
    this.timer.unref();
  }

  private healthy(): boolean {
    return Date.now() - this.healthyAtMs < HEALTHY_FOR_MS;
  }

  private async poll(): Promise<void> {
    const startedMs = Date.now();
    const rows = await rowsOf<{ id: number | string | null; account_id: string | null; polled_at: string | Date }>(this.db, sql`
      SELECT c.id, c.account_id, n.polled_at
      FROM (SELECT clock_timestamp() AS polled_at) n
      -- The first read only learns where the log stands (nothing is cached before it).
      LEFT JOIN actor_changes c ON ${this.since === undefined ? sql`false` : sql`c.changed_at > ${this.since}::timestamptz - make_interval(secs => ${LOOKBACK_SECONDS})`}
      ORDER BY c.id`);
    for (const row of rows) {
      if (row.id === null) continue;
      const id = Number(row.id);
      if (this.applied.has(id)) continue;
      this.applied.set(id, startedMs);
      if (row.account_id === null) this.clear();
      else this.forgetAccount(row.account_id);
    }
    const polledAt = rows[0]?.polled_at;
    this.since = polledAt instanceof Date ? polledAt.toISOString() : String(polledAt);
    for (const [id, at] of this.applied) if (startedMs - at > (LOOKBACK_SECONDS + 1) * 1000) this.applied.delete(id);
    this.healthyAtMs = startedMs;
  }

  private forgetAccount(accountId: string): void {
    const keys = this.byAccount.get(accountId);
    this.epoch++;
    if (!keys) return;
    for (const key of keys) this.entries.delete(key);
    this.byAccount.delete(accountId);
  }

  private forgetKey(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.byAccount.get(entry.accountId)?.delete(key);
  }

  private clear(): void {
    this.epoch++;
    this.entries.clear();
    this.byAccount.clear();
  }
}

const caches = new WeakMap<Engine, SessionCache<unknown>>();

/** The session cache of this process's connection to the database (one per engine). */
export function sessionCache<T>(engine: Engine, db: Db): SessionCache<T> {
  let cache = caches.get(engine);
  if (!cache) {
    cache = new SessionCache<unknown>(db);
    caches.set(engine, cache);
  }
  return cache as SessionCache<T>;
}
