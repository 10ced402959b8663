import { problemResponses } from '../../http/problem-schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PASSWORD_PROBLEM_TEXT, checkPassword, emailSchema, loginNameSchema, phoneSchema, physicianNameSchema, plainText, residentIdSchema } from '@medreg/domain';
import type { Deps } from '../../context';
import { reading } from '../../context';
import { accountActor } from '../../http/actor';
import { correctIdentity } from './identity';
import { listOwnRegistrations } from './registrations';
import { completeSignup, startSignup } from './signup';
import { physicianStatus } from './status';
import {
  IdentityCorrected, OwnRegistrations, PhysicianStatusView, SignupCompleted, SignupStarted, VerificationConfirmed, VerificationSent,
} from './responses';
import { confirmVerificationCode, sendVerificationCode } from './verification';

const TAGS = ['医师个人端'];

const SignupIdentityBody = z.object({
  name: physicianNameSchema,
  idNumber: residentIdSchema,
  captchaId: z.uuid('验证码已失效，请点击图片刷新'),
  captchaAnswer: plainText().trim().min(1, '请输入验证码').max(10),
  privacyAccepted: z.boolean().superRefine((v, ctx) => {
    if (v !== true) ctx.addIssue({ code: 'custom', message: '请阅读并勾选“我同意隐私政策”', params: { errorCode: 'PRIVACY_NOT_ACCEPTED' } });
  }),
});

/** 手机号*, 电子邮箱, 登录名*, 登录密码*, 确认密码* (seed 第一步 5). */
const SignupAccountBody = z.object({
  signupToken: plainText().min(20).max(200),
  phone: phoneSchema,
  email: z.union([z.literal('').transform(() => undefined), emailSchema]).optional(),
  loginName: loginNameSchema,
  password: z.string().min(1, '请设置登录密码').max(128),
  confirmPassword: z.string().min(1, '请再次输入登录密码').max(128),
}).superRefine((v, ctx) => {
  // passwordSchemaFor(loginName): the policy, and the password must not contain the login name.
  for (const problem of checkPassword(v.password, v.loginName)) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_PROBLEM_TEXT[problem], params: { problem, errorCode: 'PASSWORD_TOO_WEAK' } });
  }
  if (v.password !== v.confirmPassword) {
    ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致', params: { errorCode: 'PASSWORD_MISMATCH' } });
  }
});

const Channel = z.enum(['sms', 'email']);

const IdentityBody = z.object({ name: physicianNameSchema, idNumber: residentIdSchema });

export async function physiciansRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/physician/signup/identity', {
    config: { audience: ['public'] },
    schema: { tags: TAGS, summary: '注册新账号 第一步：您的姓名、身份证号、验证码', body: SignupIdentityBody, response: { 200: SignupStarted } },
  }, async (req) => startSignup(deps, req.body, { ip: req.ip }));

  app.post('/api/v1/physician/signup/account', {
    config: { audience: ['public'] },
    schema: { tags: TAGS, summary: '注册新账号 第二步：手机号、电子邮箱、登录名、登录密码', body: SignupAccountBody, response: { 201: SignupCompleted } },
  }, async (req, reply) => {
    const { confirmPassword: _confirm, ...input } = req.body;
    const result = await completeSignup(deps, input);
    return reply.status(201).send(result);
  });

  app.get('/api/v1/physician/status', {
    config: { audience: ['physician'] },
    schema: { tags: TAGS, summary: '账户状态：校验、资格校验、激活方式与下一步（打开即检查机构自动激活）', response: { 200: PhysicianStatusView } },
  }, async (req) => physicianStatus(deps, accountActor(req)));

  app.post('/api/v1/physician/verification/send', {
    config: { audience: ['physician'] },
    schema: {
      tags: TAGS, summary: '【向手机发送校验码】（或发送到电子邮箱）', body: z.object({ channel: Channel.default('sms') }),
      response: { 200: VerificationSent, ...problemResponses({ 429: ['SMS_RESEND_TOO_SOON', 'RATE_LIMITED'] }) },
    },
  }, async (req) => sendVerificationCode(deps, accountActor(req), req.body.channel));

  app.post('/api/v1/physician/verification/confirm', {
    config: { audience: ['physician'] },
    schema: {
      tags: TAGS,
      summary: '输入校验码，验证手机号（或电子邮箱）',
      body: z.object({ channel: Channel.default('sms'), code: z.string().trim().regex(/^\d{6}$/, '校验码为6位数字') }),
      response: { 200: VerificationConfirmed },
    },
  }, async (req) => confirmVerificationCode(deps, accountActor(req), req.body.channel, req.body.code));

  app.put('/api/v1/physician/identity', {
    config: { audience: ['physician'] },
    schema: { tags: TAGS, summary: '修改账户的姓名、身份证号（仅激活前，资格校验未通过时）', body: IdentityBody, response: { 200: IdentityCorrected } },
  }, async (req) => correctIdentity(deps, accountActor(req), req.body));

  app.get('/api/v1/physician/registrations', {
    config: { audience: ['physician'] },
    schema: { tags: TAGS, summary: '执业信息（激活后）', response: { 200: OwnRegistrations } },
  }, async (req) => listOwnRegistrations(reading(deps), accountActor(req)));
}
