import { bigint, boolean, char, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { bytea } from './columns';
import type { Category, Level } from './physicians';

export const applications = pgTable('applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  businessCode: text('business_code'),
  businessType: text('business_type').notNull(),
  physicianId: uuid('physician_id').notNull(),
  physicianName: text('physician_name').notNull(),
  idNumberHash: bytea('id_number_hash').notNull(),
  institutionId: uuid('institution_id'),
  authorityId: uuid('authority_id'),
  state: text('state').notNull().default('draft'),
  version: integer('version').notNull().default(1),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  channel: text('channel').$type<'web' | 'app' | 'institution'>().notNull().default('web'),
  materials: jsonb('materials').$type<Record<string, boolean>>().notNull().default({}),
  correctionItems: text('correction_items').array(),
  decisionReasons: text('decision_reasons'),
  decisionDocumentSha256: text('decision_document_sha256'),
  /** payload.photoSha256 as a column the database can check against blobs (generated). */
  photoSha256: text('photo_sha256').generatedAlwaysAs(sql`payload ->> 'photoSha256'`),
  registrationId: uuid('registration_id'),
  /** The record the application starts from (变更, 助理升执业, 增加执业地点, 补发; a filing for 备案 修改/终止). */
  subjectRegistrationId: uuid('subject_registration_id'),
  subjectFilingId: uuid('subject_filing_id'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  institutionDecidedAt: timestamp('institution_decided_at', { withTimezone: true }),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  dueDate: date('due_date', { mode: 'string' }),
  /** 暂定: the period reaches a year whose holidays are not known yet (《行政许可法》第八十二条). */
  dueDateProvisional: boolean('due_date_provisional').notNull().default(false),
  /** The working days the due date was counted with, recounted with the same number after a calendar change. */
  dueWorkingDays: integer('due_working_days'),
  /** 逾期未告知补正，视为受理 (《行政许可法》第三十二条): the day of arrival the acceptance counts from. */
  deemedAcceptedOn: date('deemed_accepted_on', { mode: 'string' }),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const applicationEvents = pgTable('application_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  applicationId: uuid('application_id').notNull(),
  action: text('action').notNull(),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  actorAccountId: uuid('actor_account_id'),
  actorRole: text('actor_role').notNull(),
  actorOrgName: text('actor_org_name'),
  reason: text('reason'),
  idempotencyKey: text('idempotency_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type RegistrationStatus = 'valid' | 'transferred_out' | 'filed' | 'suspended' | 'cancelled';

export const registrations = pgTable('registrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  physicianId: uuid('physician_id').notNull(),
  qualificationId: uuid('qualification_id'),
  level: text('level').$type<Level>().notNull(),
  category: text('category').$type<Category>().notNull(),
  scopes: text('scopes').array().notNull(),
  practiceLocationCode: char('practice_location_code', { length: 6 }).notNull(),
  mainInstitutionId: uuid('main_institution_id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  licenceCode: char('licence_code', { length: 15 }),
  approvedOn: date('approved_on', { mode: 'string' }).notNull(),
  status: text('status').$type<RegistrationStatus>().notNull().default('valid'),
  statusSince: timestamp('status_since', { withTimezone: true }).notNull().defaultNow(),
  statusReason: text('status_reason'),
  training: boolean('training').notNull().default(false),
  applicationId: uuid('application_id'),
  verifyToken: text('verify_token'),
  version: integer('version').notNull().default(1),
  seniorityFrom: date('seniority_from', { mode: 'string' }).notNull(),
  replacesRegistrationId: uuid('replaces_registration_id'),
  department: text('department'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const licenceSerials = pgTable('licence_serials', {
  prefix: char('prefix', { length: 9 }).primaryKey(),
  lastSerial: integer('last_serial').notNull(),
});

export const businessCodeSerials = pgTable('business_code_serials', {
  day: date('day', { mode: 'string' }).primaryKey(),
  lastSerial: integer('last_serial').notNull(),
});

export type Application = typeof applications.$inferSelect;
export type ApplicationEvent = typeof applicationEvents.$inferSelect;
export type Registration = typeof registrations.$inferSelect;
