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

/** Sends by SMS and, when an e-mail address is known, by e-mail too. */
export async function notifyAccount(
  c: Ctx,
  to: { accountId?: string | null; phone?: string | null; email?: string | null },
  template: string,
  subject: string,
  body: string,
): Promise<void> {
  if (to.phone) await notify(c, { channel: 'sms', recipient: to.phone, template, body: `【医师电子化注册】${body}`, accountId: to.accountId });
  if (to.email) await notify(c, { channel: 'email', recipient: to.email, template, subject, body, accountId: to.accountId });
}
