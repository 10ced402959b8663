import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '@medreg/domain';
import { desc, eq } from 'drizzle-orm';
import type { Deps } from '../../context';
import { outbox } from '../../db/schema/index';

/**
 * The development inbox: shows what the outbox recorded (SMS codes, activation codes, notices),
 * so a developer or an automated test can read a code without a real gateway.
 * Registered only when the configuration allows it; the configuration refuses it in production.
 */
export async function notificationsRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  if (!deps.config.devInbox || deps.config.NODE_ENV === 'production') return;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/dev/inbox', {
    config: { audience: ['public'] },
    schema: {
      tags: ['开发'],
      summary: '开发收件箱（仅非生产环境）',
      querystring: z.object({ recipient: plainText().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    },
  }, async (req) => {
    const query = deps.db.select().from(outbox);
    const rows = await (req.query.recipient ? query.where(eq(outbox.recipient, req.query.recipient)) : query)
      .orderBy(desc(outbox.createdAt))
      .limit(req.query.limit);
    return { messages: rows.map((m) => ({ id: m.id, channel: m.channel, recipient: m.recipient, subject: m.subject, body: m.body, template: m.template, createdAt: m.createdAt })) };
  });
}
