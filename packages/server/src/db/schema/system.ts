import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns';

export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  channel: text('channel').$type<'sms' | 'email'>().notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  template: text('template').notNull(),
  accountId: uuid('account_id'),
  status: text('status').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorAccountId: uuid('actor_account_id'),
  actorRole: text('actor_role').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  requestId: text('request_id'),
  ip: text('ip'),
  /** Hash chain (modules/audit/chain.ts); NULL only on rows older than the chain. */
  seq: bigint('seq', { mode: 'number' }),
  prevHash: bytea('prev_hash'),
  hash: bytea('hash'),
});

export const auditChainStart = pgTable('audit_chain_start', {
  tableName: text('table_name').$type<'audit_log' | 'application_events'>().primaryKey(),
  legacyMaxId: bigint('legacy_max_id', { mode: 'number' }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Stored files (storage/blob-store.ts). Select columns by name: `content` holds the bytes. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  content: bytea('content'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  touchedAt: timestamp('touched_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The current rendering of each generated PDF (storage/pdf-cache.ts). */
export const pdfCache = pgTable('pdf_cache', {
  kind: text('kind').$type<'application_form' | 'certificate'>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  fingerprint: text('fingerprint').notNull(),
  sha256: text('sha256').notNull(),
  sealed: boolean('sealed').notNull().default(false),
  renderedAt: timestamp('rendered_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.kind, t.subjectId] })]);

export type OutboxMessage = typeof outbox.$inferSelect;
