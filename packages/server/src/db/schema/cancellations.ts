import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { BarKind, CancellationGround, CancellationInitiator } from '@medreg/domain';

/** 注销注册 records (domain §BT-07), one per cancelled registration; the announcement list reads them. */
export const registrationCancellations = pgTable('registration_cancellations', {
  id: uuid('id').primaryKey().defaultRandom(),
  registrationId: uuid('registration_id').notNull(),
  physicianId: uuid('physician_id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  event: text('event').notNull(),
  ground: text('ground').$type<CancellationGround>().notNull(),
  initiator: text('initiator').$type<CancellationInitiator>().notNull(),
  triggerOn: date('trigger_on', { mode: 'string' }),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  applicationId: uuid('application_id'),
  documentNo: text('document_no'),
  note: text('note'),
  actorAccountId: uuid('actor_account_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 不予注册的期限 (《医师法》第十六条、第五十四条). */
export const registrationBars = pgTable('registration_bars', {
  id: uuid('id').primaryKey().defaultRandom(),
  physicianId: uuid('physician_id').notNull(),
  kind: text('kind').$type<BarKind>().notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  sourceRegistrationId: uuid('source_registration_id'),
  documentNo: text('document_no'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
