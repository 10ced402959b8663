// 国家医师资格信息导入: the import records, their history, the uploaded file's chunks and the rejected rows.
// (The staging table is written by COPY and read by the merge's SQL only: no drizzle table for it.)
import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { QualificationImportAction, QualificationImportStatus } from '@medreg/domain';
import { bytea } from './columns';

export const qualificationImports = pgTable('qualification_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  authorityId: uuid('authority_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  fileName: text('file_name').notNull(),
  fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
  /** How much of the stored file the worker has read (the progress bar's share). */
  bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
  status: text('status').$type<QualificationImportStatus>().notNull().default('queued'),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsValid: integer('rows_valid').notNull().default(0),
  rowsRejected: integer('rows_rejected').notNull().default(0),
  rowsInserted: integer('rows_inserted').notNull().default(0),
  rowsUpdated: integer('rows_updated').notNull().default(0),
  rowsUnchanged: integer('rows_unchanged').notNull().default(0),
  failureReason: text('failure_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** Last sign of life of the worker running it (stale-imports.ts). */
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
});

export const qualificationImportEvents = pgTable('qualification_import_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  importId: uuid('import_id').notNull(),
  action: text('action').$type<QualificationImportAction | 'create'>().notNull(),
  fromStatus: text('from_status').$type<QualificationImportStatus>(),
  toStatus: text('to_status').$type<QualificationImportStatus>().notNull(),
  actorAccountId: uuid('actor_account_id'),
  reason: text('reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const qualificationImportChunks = pgTable('qualification_import_chunks', {
  importId: uuid('import_id').notNull(),
  seq: integer('seq').notNull(),
  bytes: bytea('bytes').notNull(),
});

export const qualificationImportErrors = pgTable('qualification_import_errors', {
  importId: uuid('import_id').notNull(),
  rowNumber: integer('row_number').notNull(),
  field: text('field').notNull(),
  reason: text('reason').notNull(),
});

export type QualificationImport = typeof qualificationImports.$inferSelect;
