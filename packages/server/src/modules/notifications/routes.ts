import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '@medreg/domain';
import { desc, eq } from 'drizzle-orm';
import type { Deps } from '../../context';
import { outbox } from '../../db/schema/index';
import { notInUrl } from '../../http/not-in-url';
import { InboxView } from './responses';

const SEARCH = '/api/v1/dev/inbox/search';
const Limit = z.coerce.number().int().min(1).max(200).default(50);

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
      querystring: z.object({ recipient: notInUrl('收件人（手机号或电子邮箱）', SEARCH), limit: Limit }),
      response: { 200: InboxView },
    },
  }, async (req) => listInbox(deps, undefined, req.query.limit));

  // A phone number or e-mail address goes in the body, never in the URL.
  app.post(SEARCH, {
    config: { audience: ['public'] },
    schema: {
      tags: ['开发'],
      summary: '开发收件箱：某一收件人（手机号或电子邮箱）的消息（仅非生产环境）',
      body: z.object({ recipient: plainText().max(200).optional(), limit: Limit }),
      response: { 200: InboxView },
    },
  }, async (req) => listInbox(deps, req.body.recipient, req.body.limit));
}

async function listInbox(deps: Deps, recipient: string | undefined, limit: number) {
  const query = deps.db.select().from(outbox);
  const rows = await (recipient ? query.where(eq(outbox.recipient, recipient)) : query)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return { messages: rows.map((m) => ({ id: m.id, channel: m.channel, recipient: m.recipient, subject: m.subject, body: m.body, template: m.template, createdAt: m.createdAt.toISOString() })) };
}
