import { bigint, boolean, char, integer, jsonb, pgTable, date, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: char('code', { length: 6 }).primaryKey(),
  name: text('name').notNull(),
  level: text('level').$type<'province' | 'city' | 'county'>().notNull(),
  parentCode: char('parent_code', { length: 6 }),
  eRegistrationEnabled: boolean('e_registration_enabled').notNull().default(true),
});

export const practiceScopes = pgTable('practice_scopes', {
  code: text('code').primaryKey(),
  category: text('category').notNull(),
  name: text('name').notNull(),
  label: text('label').notNull(),
  sort: integer('sort').notNull(),
});

export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
  name: text('name'),
  source: text('source').notNull().default('chinese-days'),
});

/** Years whose holidays are known (国务院办公厅通知): from the chinese-days dataset or entered by an administrator. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').$type<'dataset' | 'admin'>().notNull(),
  enteredBy: uuid('entered_by'),
  enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  note: text('note'),
});

/** 工作日历变更记录: a null kind is a plain weekday. */
export const calendarDayHistory = pgTable('calendar_day_history', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  day: date('day', { mode: 'string' }).notNull(),
  change: text('change').$type<'year_entry' | 'correction'>().notNull(),
  kindBefore: text('kind_before').$type<'holiday' | 'workday'>(),
  nameBefore: text('name_before'),
  sourceBefore: text('source_before'),
  kindAfter: text('kind_after').$type<'holiday' | 'workday'>(),
  nameAfter: text('name_after'),
  reason: text('reason'),
  actorAccountId: uuid('actor_account_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Due dates to recount after a calendar change, batch by batch. */
export const calendarRecomputes = pgTable('calendar_recomputes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  fromDay: date('from_day', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  cursorDueDate: date('cursor_due_date', { mode: 'string' }),
  cursorId: uuid('cursor_id'),
  changed: integer('changed').notNull().default(0),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
