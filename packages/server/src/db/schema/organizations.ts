import { sql } from 'drizzle-orm';
import { bigint, boolean, char, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InstitutionGrade, InstitutionStatus } from '@medreg/domain';

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
  /** status = 'normal' (generated): whether the institution receives new applications. */
  active: boolean('active').notNull().generatedAlwaysAs(sql`status = 'normal'`),
  status: text('status').$type<InstitutionStatus>().notNull().default('normal'),
  version: integer('version').notNull().default(1),
  grade: text('grade').$type<InstitutionGrade>().notNull().default('none'),
  address: text('address').notNull().default(''),
  suspendedReason: text('suspended_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type InstitutionEventKind = 'register' | 'edit' | 'suspend' | 'reopen';

/** 医疗机构变更记录: old → new per field (append-only). */
export const institutionEvents = pgTable('institution_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  institutionId: uuid('institution_id').notNull(),
  event: text('event').$type<InstitutionEventKind>().notNull(),
  version: integer('version').notNull(),
  changes: jsonb('changes').$type<Record<string, { old: unknown; new: unknown }>>().notNull().default({}),
  reason: text('reason'),
  actorAccountId: uuid('actor_account_id').notNull(),
  actorAuthorityId: uuid('actor_authority_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Authority = typeof authorities.$inferSelect;
export type Institution = typeof institutions.$inferSelect;
export type InstitutionEvent = typeof institutionEvents.$inferSelect;
