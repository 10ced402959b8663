import type { SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { outbox } from '../../db/schema/index';

export interface Notification {
  channel: 'sms' | 'email';
  recipient: string;
  template: string;
  subject?: string;
  body: string;
  accountId?: string | null;
}

/**
 * Queues a message in the caller's transaction (transactional outbox): it exists only if the
 * change that caused it committed. A sender delivers it later.
 */
export async function notify(c: Ctx, message: Notification): Promise<void> {
  await c.tx.insert(outbox).values({
    channel: message.channel,
    recipient: message.recipient,
    template: message.template,
    subject: message.subject ?? null,
    body: message.body,
    accountId: message.accountId ?? null,
  });
}

export interface AccountContact {
  accountId?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** The INSERT of an SMS and, when an e-mail address is known, an e-mail — one statement; undefined when neither is known. */
export function accountNoticeSql(c: Ctx, to: AccountContact, template: string, subject: string, body: string): SQL | undefined {
  const rows: (typeof outbox.$inferInsert)[] = [];
  if (to.phone) rows.push({ channel: 'sms', recipient: to.phone, template, subject: null, body: `【医师电子化注册】${body}`, accountId: to.accountId ?? null });
  if (to.email) rows.push({ channel: 'email', recipient: to.email, template, subject, body, accountId: to.accountId ?? null });
  return rows.length > 0 ? c.tx.insert(outbox).values(rows).getSQL() : undefined;
}

/** Sends by SMS and, when an e-mail address is known, by e-mail too. */
export async function notifyAccount(c: Ctx, to: AccountContact, template: string, subject: string, body: string): Promise<void> {
  const insert = accountNoticeSql(c, to, template, subject, body);
  if (insert) await c.tx.execute(insert);
}
