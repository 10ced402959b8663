import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Last 文号 serial per authority and year (不予注册〔2026〕N号). */
export const decisionDocumentSerials = pgTable('decision_document_serials', {
  authorityId: uuid('authority_id').notNull(),
  year: integer('year').notNull(),
  lastSerial: integer('last_serial').notNull(),
}, (t) => [primaryKey({ columns: [t.authorityId, t.year] })]);

/** A written decision issued for an application (the PDF lives in the BlobStore). */
export const decisionDocuments = pgTable('decision_documents', {
  applicationId: uuid('application_id').primaryKey(),
  kind: text('kind').$type<'refusal'>().notNull(),
  documentNo: text('document_no').notNull(),
  authorityId: uuid('authority_id').notNull(),
  sha256: text('sha256').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DecisionDocument = typeof decisionDocuments.$inferSelect;
