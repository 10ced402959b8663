// 个人信息修改 (domain §2.2 BT-11): requests, their history, and the approved registration-side values.
import { bigint, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InfoEditRow, InfoEditStatus } from '@medreg/domain';

export const infoEdits = pgTable('info_edits', {
  id: uuid('id').primaryKey().defaultRandom(),
  registrationId: uuid('registration_id').notNull(),
  physicianId: uuid('physician_id').notNull(),
  institutionId: uuid('institution_id').notNull(),
  status: text('status').$type<InfoEditStatus>().notNull().default('pending'),
  changes: jsonb('changes').$type<InfoEditRow[]>().notNull(),
  photoSha256: text('photo_sha256'),
  oldPhotoSha256: text('old_photo_sha256'),
  decisionReason: text('decision_reason'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});

export const infoEditEvents = pgTable('info_edit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  infoEditId: uuid('info_edit_id').notNull(),
  action: text('action').$type<'submit' | 'approve' | 'refuse' | 'withdraw'>().notNull(),
  fromStatus: text('from_status').$type<InfoEditStatus>(),
  toStatus: text('to_status').$type<InfoEditStatus>().notNull(),
  actorAccountId: uuid('actor_account_id').notNull(),
  actorRole: text('actor_role').notNull(),
  institutionId: uuid('institution_id'),
  reason: text('reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const registrationProfiles = pgTable('registration_profiles', {
  registrationId: uuid('registration_id').primaryKey(),
  education: text('education'),
  degree: text('degree'),
  school: text('school'),
  major: text('major'),
  graduationDate: date('graduation_date', { mode: 'string' }),
  title: text('title'),
  photoSha256: text('photo_sha256'),
  phone: text('phone'),
  email: text('email'),
  infoEditId: uuid('info_edit_id').notNull(),
  editedAt: timestamp('edited_at', { withTimezone: true }).notNull(),
});

export type InfoEdit = typeof infoEdits.$inferSelect;
export type RegistrationProfile = typeof registrationProfiles.$inferSelect;
