import { boolean, char, integer, jsonb, pgTable, date, text, timestamp } from 'drizzle-orm/pg-core';

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

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
