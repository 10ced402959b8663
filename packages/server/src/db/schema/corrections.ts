// 资格补改 handling (domain §2.2 BT-12): the request's history and the qualification records' revisions.
import { bigint, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CorrectionAction, CorrectionStatus } from '@medreg/domain';
import { bytea } from './columns';

export const qualificationCorrectionEvents = pgTable('qualification_correction_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  correctionId: uuid('correction_id').notNull(),
  action: text('action').$type<CorrectionAction>().notNull(),
  fromStatus: text('from_status').$type<CorrectionStatus>().notNull(),
  toStatus: text('to_status').$type<CorrectionStatus>().notNull(),
  actorAccountId: uuid('actor_account_id').notNull(),
  actorRole: text('actor_role').notNull(),
  authorityId: uuid('authority_id'),
  reason: text('reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The fields of a qualification a revision records; the 资格证书编码 only masked (its sealed copy sits beside). */
export interface QualificationRevisionValues {
  level: string;
  category: string;
  certCodeMasked: string | null;
  obtainedDate: string | null;
  admissionTicketNo: string | null;
  source: string;
  /** Kept by imports, which may correct the name too. */
  name?: string;
}

export const qualificationRevisions = pgTable('qualification_revisions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  qualificationId: uuid('qualification_id').notNull(),
  correctionId: uuid('correction_id'),
  oldValues: jsonb('old_values').$type<QualificationRevisionValues>(),
  newValues: jsonb('new_values').$type<QualificationRevisionValues>().notNull(),
  oldCertCodeEnc: bytea('old_cert_code_enc'),
  newCertCodeEnc: bytea('new_cert_code_enc'),
  actorAccountId: uuid('actor_account_id').notNull(),
  /** The qualification import that made the change (null: 资格补改). */
  importId: uuid('import_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
