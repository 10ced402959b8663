import { bigint, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentKind, AssessmentResult, AssessmentSource, PenaltyArticle, PenaltyKind, SuspensionKind, SuspensionStatus } from '@medreg/domain';

/** 定期考核结果文件导入 (domain §5.4). */
export const assessmentImports = pgTable('assessment_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  fileDigest: text('file_digest').notNull(),
  rowCount: integer('row_count').notNull(),
  institutionId: uuid('institution_id'),
  authorityId: uuid('authority_id'),
  actorAccountId: uuid('actor_account_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 医师定期考核结果 (《医师法》第四十二条). */
export const assessmentResults = pgTable('assessment_results', {
  id: uuid('id').primaryKey().defaultRandom(),
  physicianId: uuid('physician_id').notNull(),
  registrationId: uuid('registration_id').notNull(),
  institutionId: uuid('institution_id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  kind: text('kind').$type<AssessmentKind>().notNull(),
  cycleStartYear: integer('cycle_start_year').notNull(),
  result: text('result').$type<AssessmentResult>().notNull(),
  assessedOn: date('assessed_on', { mode: 'string' }),
  assessor: text('assessor'),
  note: text('note'),
  source: text('source').$type<AssessmentSource>().notNull(),
  importId: uuid('import_id'),
  suspensionId: uuid('suspension_id'),
  recordedByInstitutionId: uuid('recorded_by_institution_id'),
  recordedByAuthorityId: uuid('recorded_by_authority_id'),
  actorAccountId: uuid('actor_account_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 暂停执业活动 (SUSPENSION_TABLE of @medreg/domain). */
export const registrationSuspensions = pgTable('registration_suspensions', {
  id: uuid('id').primaryKey().defaultRandom(),
  registrationId: uuid('registration_id').notNull(),
  physicianId: uuid('physician_id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  kind: text('kind').$type<SuspensionKind>().notNull(),
  status: text('status').$type<SuspensionStatus>().notNull(),
  documentNo: text('document_no').notNull(),
  decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  training: text('training'),
  assessmentResultId: uuid('assessment_result_id'),
  version: integer('version').notNull().default(1),
  statusSince: timestamp('status_since', { withTimezone: true }).notNull().defaultNow(),
  actorAccountId: uuid('actor_account_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const suspensionEvents = pgTable('suspension_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  suspensionId: uuid('suspension_id').notNull(),
  event: text('event').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  cause: jsonb('cause').$type<Record<string, unknown>>().notNull(),
  actorAccountId: uuid('actor_account_id'),
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 处分决定: 暂停执业活动 or 吊销医师执业证书 (《医师法》第五十五条至第五十八条). */
export const penaltyDecisions = pgTable('penalty_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<PenaltyKind>().notNull(),
  registrationId: uuid('registration_id').notNull(),
  physicianId: uuid('physician_id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  documentNo: text('document_no').notNull(),
  decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  article: text('article').$type<PenaltyArticle>().notNull(),
  facts: text('facts').notNull(),
  startsOn: date('starts_on', { mode: 'string' }),
  endsOn: date('ends_on', { mode: 'string' }),
  suspensionId: uuid('suspension_id'),
  cancellationId: uuid('cancellation_id'),
  actorAccountId: uuid('actor_account_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
