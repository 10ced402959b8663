import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns';

export type ActivationStatus = 'unverified' | 'verified' | 'active';
export type ActivationMethod = 'institution_code' | 'auto_by_institution' | 'qualification_code' | 'admission_ticket' | 'auto_on_approval';
export type Level = 'physician' | 'assistant';
export type Category = 'clinical' | 'dental' | 'public_health' | 'tcm';

export const physicians = pgTable('physicians', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id'),
  name: text('name').notNull(),
  idNumberEnc: bytea('id_number_enc').notNull(),
  idNumberHash: bytea('id_number_hash').notNull(),
  idNumberMasked: text('id_number_masked').notNull(),
  sex: text('sex').$type<'male' | 'female'>().notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  activationStatus: text('activation_status').$type<ActivationStatus>().notNull().default('unverified'),
  activationMethod: text('activation_method').$type<ActivationMethod>(),
  activatedAt: timestamp('activated_at', { withTimezone: true }),
  pendingActivationPath: text('pending_activation_path').$type<'auto_on_approval'>(),
  qualificationCheckedAt: timestamp('qualification_checked_at', { withTimezone: true }),
  mainInstitutionId: uuid('main_institution_id'),
  education: jsonb('education'),
  title: text('title'),
  photoSha256: text('photo_sha256'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const qualifications = pgTable('qualifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** 资格证书编码 (embeds the full 身份证号): encrypted, keyed hash for look-ups, masked copy (src/security/cert-code.ts). */
  certCodeEnc: bytea('cert_code_enc'),
  certCodeHash: bytea('cert_code_hash'),
  certCodeMasked: text('cert_code_masked'),
  admissionTicketNo: text('admission_ticket_no'),
  name: text('name').notNull(),
  idNumberEnc: bytea('id_number_enc').notNull(),
  idNumberHash: bytea('id_number_hash').notNull(),
  idNumberMasked: text('id_number_masked').notNull(),
  level: text('level').$type<Level>().notNull(),
  category: text('category').$type<Category>().notNull(),
  examCategoryCode: text('exam_category_code'),
  examYear: integer('exam_year'),
  speciality: text('speciality'),
  obtainedDate: date('obtained_date', { mode: 'string' }),
  status: text('status').$type<'valid' | 'revoked'>().notNull().default('valid'),
  source: text('source').$type<'exam' | 'expertise' | 'military' | 'admin_supplement'>().notNull().default('exam'),
  synced: boolean('synced').notNull().default(true),
  physicianId: uuid('physician_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const qualificationCorrections = pgTable('qualification_corrections', {
  id: uuid('id').primaryKey().defaultRandom(),
  physicianId: uuid('physician_id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  reason: text('reason').notNull(),
  attachments: text('attachments').array().notNull().default([]),
  status: text('status').$type<'submitted' | 'in_review' | 'resolved' | 'rejected'>().notNull().default('submitted'),
  resolutionNote: text('resolution_note'),
  version: integer('version').notNull().default(1),
  qualificationId: uuid('qualification_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
});

export const activationCodes = pgTable('activation_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  institutionId: uuid('institution_id').notNull(),
  physicianId: uuid('physician_id').notNull(),
  codeHash: bytea('code_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Physician = typeof physicians.$inferSelect;
export type Qualification = typeof qualifications.$inferSelect;
