import { bigint, char, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CertificateStatus, FilingStatus } from '@medreg/domain';

/** History of each registration: one row per lifecycle event (REGISTRATION_TABLE of @medreg/domain). */
export const registrationEvents = pgTable('registration_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  registrationId: uuid('registration_id').notNull(),
  event: text('event').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  cause: jsonb('cause').$type<Record<string, unknown>>().notNull(),
  applicationId: uuid('application_id'),
  actorAccountId: uuid('actor_account_id'),
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
  reason: text('reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 多机构备案 (BT-05). */
export const multiSiteFilings = pgTable('multi_site_filings', {
  id: uuid('id').primaryKey().defaultRandom(),
  physicianId: uuid('physician_id').notNull(),
  registrationId: uuid('registration_id').notNull(),
  institutionId: uuid('institution_id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  scopes: text('scopes').array().notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }).notNull(),
  status: text('status').$type<FilingStatus>().notNull(),
  statusSince: timestamp('status_since', { withTimezone: true }).notNull().defaultNow(),
  applicationId: uuid('application_id'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const filingEvents = pgTable('filing_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  filingId: uuid('filing_id').notNull(),
  event: text('event').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  cause: jsonb('cause').$type<Record<string, unknown>>().notNull(),
  applicationId: uuid('application_id'),
  actorAccountId: uuid('actor_account_id'),
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 《医师执业证书》 records: never edited in place. */
export const certificates = pgTable('certificates', {
  id: uuid('id').primaryKey().defaultRandom(),
  registrationId: uuid('registration_id').notNull(),
  licenceCode: char('licence_code', { length: 15 }),
  verifyToken: text('verify_token').notNull(),
  status: text('status').$type<CertificateStatus>().notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  statusSince: timestamp('status_since', { withTimezone: true }).notNull().defaultNow(),
  supersededBy: uuid('superseded_by'),
  applicationId: uuid('application_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const certificateEvents = pgTable('certificate_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  certificateId: uuid('certificate_id').notNull(),
  event: text('event').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  cause: jsonb('cause').$type<Record<string, unknown>>().notNull(),
  applicationId: uuid('application_id'),
  actorAccountId: uuid('actor_account_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Files attached to an application (evidence of a 执业范围 change). */
export const applicationAttachments = pgTable('application_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull(),
  sha256: text('sha256').notNull(),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type MultiSiteFiling = typeof multiSiteFilings.$inferSelect;
export type Certificate = typeof certificates.$inferSelect;
