import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './columns';

/** Step 1 of 注册新账号, waiting for step 2 (migration 20261127100000). */
export const signupTokens = pgTable('signup_tokens', {
  tokenHash: bytea('token_hash').primaryKey(),
  name: text('name').notNull(),
  idNumberEnc: bytea('id_number_enc').notNull(),
  idNumberHash: bytea('id_number_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type SignupToken = typeof signupTokens.$inferSelect;
