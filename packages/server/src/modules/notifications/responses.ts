import { z } from 'zod';

/** 开发收件箱: what the outbox recorded, newest first. */
export const InboxView = z.object({
  messages: z.array(z.object({
    id: z.string(),
    channel: z.enum(['sms', 'email']).describe('发送渠道：短信或电子邮件'),
    recipient: z.string().describe('收件人（手机号或电子邮箱）'),
    subject: z.string().nullable().describe('邮件主题（短信无）'),
    body: z.string(),
    template: z.string().describe('消息模板名称'),
    createdAt: z.string().describe('写入发件箱的时间（ISO 8601）'),
  })),
});
