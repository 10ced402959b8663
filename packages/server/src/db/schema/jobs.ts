import { date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per scheduled job: when it is due next and how its last run went (migration 20261201100200). */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
});

/** 即将超期 / 已超期 alerts sent to the deciding authority, one per application and level (migration 20261202120100). */
export const authorityDueAlerts = pgTable('authority_due_alerts', {
  applicationId: uuid('application_id').notNull(),
  level: text('level').$type<'due_soon' | 'overdue'>().notNull(),
  authorityId: uuid('authority_id').notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.level] })]);

/** The notice that a registration in 注册备案 is about to be cancelled (备案满二年), sent once. */
export const registrationLapseNotices = pgTable('registration_lapse_notices', {
  registrationId: uuid('registration_id').primaryKey(),
  physicianId: uuid('physician_id').notNull(),
  filedSince: timestamp('filed_since', { withTimezone: true }).notNull(),
  lapsesOn: date('lapses_on', { mode: 'string' }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
});
