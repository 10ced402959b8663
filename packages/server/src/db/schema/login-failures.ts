import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './columns';

/** Wrong passwords in a row per (login name, client address) (migration 20261201100100). */
export const loginFailures = pgTable('login_failures', {
  loginHash: bytea('login_hash').notNull(),
  client: text('client').notNull(),
  failures: integer('failures').notNull(),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
}, (t) => [primaryKey({ columns: [t.loginHash, t.client] })]);
