import { inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../context';
import { outbox, type OutboxMessage } from '../../db/schema/index';

/** Delivers one message by SMS or e-mail. A gateway adapter implements this in production. */
export interface MessageSender {
  send(message: OutboxMessage): Promise<void>;
}

/** The default sender: the outbox row is the record; nothing leaves the machine. */
export class RecordOnlySender implements MessageSender {
  constructor(private readonly log?: FastifyBaseLogger) {}
  async send(message: OutboxMessage): Promise<void> {
    this.log?.info({ channel: message.channel, template: message.template, id: message.id }, 'message recorded (no gateway configured)');
  }
}

const MAX_ATTEMPTS = 5;

/**
 * Takes a batch of pending messages (SKIP LOCKED, so several processes can dispatch) and sends them,
 * in a transaction (a savepoint inside the scheduled job's transaction).
 */
export async function dispatchOutbox(c: Ctx, sender: MessageSender, batch = 50): Promise<number> {
  return c.tx.transaction(async (tx) => {
    const pending = await tx.select().from(outbox).where(sql`${outbox.status} = 'pending'`)
      .orderBy(outbox.createdAt).limit(batch).for('update', { skipLocked: true });
    const sent: string[] = [];
    const failed: string[] = [];
    for (const message of pending) {
      try {
        await sender.send(message);
        sent.push(message.id);
      } catch {
        failed.push(message.id);
      }
    }
    if (sent.length) {
      await tx.update(outbox).set({ status: 'sent', sentAt: c.now(), attempts: sql`${outbox.attempts} + 1` }).where(inArray(outbox.id, sent));
    }
    if (failed.length) {
      await tx.update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, status: sql`CASE WHEN ${outbox.attempts} + 1 >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END` })
        .where(inArray(outbox.id, failed));
    }
    return pending.length;
  });
}
