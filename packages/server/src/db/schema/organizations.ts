import { boolean, char, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type AuthorityLevel = 'national' | 'province' | 'city' | 'county';

export const authorities = pgTable('authorities', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  areaCode: char('area_code', { length: 6 }).notNull(),
  level: text('level').$type<AuthorityLevel>().notNull(),
  parentId: uuid('parent_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  creditCode: text('credit_code').notNull(),
  licenceRegNo: text('licence_reg_no').notNull(),
  areaCode: char('area_code', { length: 6 }).notNull(),
  provinceCode: char('province_code', { length: 6 }).notNull(),
  kind: text('kind').$type<'medical' | 'health_care' | 'prevention'>().notNull().default('medical'),
  grassroots: boolean('grassroots').notNull().default(false),
  approvingAuthorityId: uuid('approving_authority_id').notNull(),
  autoActivate: boolean('auto_activate').notNull().default(false),
  departments: text('departments').array().notNull().default([]),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Authority = typeof authorities.$inferSelect;
export type Institution = typeof institutions.$inferSelect;
