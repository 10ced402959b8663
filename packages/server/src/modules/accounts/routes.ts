import { problemResponses } from '../../http/problem-schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '@medreg/domain';
import type { Deps } from '../../context';
import { reading } from '../../context';
import { SESSION_COOKIE, accountActor, resolveActor, type Actor } from '../../http/actor';
import { issueCaptcha } from './captcha';
import { login } from './login';
import { changeOwnPassword } from './password-change';
import { clearSessionCookie, destroySession, setSessionCookie } from './sessions';
import { CaptchaView, SessionView, SignedOut } from './responses';

const LoginBody = z.object({
  loginName: plainText().trim().min(1, '请输入登录名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  captchaId: z.uuid('验证码已失效，请刷新'),
  captchaAnswer: plainText().trim().min(1, '请输入验证码').max(10),
});

const PasswordChangeBody = z.object({
  currentPassword: z.string('请输入当前密码').min(1, '请输入当前密码').max(128),
  newPassword: z.string('请输入新密码').min(1, '请输入新密码').max(128),
});

const ROLE_LABELS = {
  physician: '医师',
  institution_admin: '医疗机构管理员',
  institution_clerk: '医疗机构经办人',
  authority_reviewer: '卫生健康行政部门审核人员',
  authority_admin: '卫生健康行政部门管理员',
  public: '公众',
} as const;

/** What the browser learns about the signed-in actor (and the CSRF token to echo). */
export function presentActor(actor: Actor) {
  if (actor.kind === 'anonymous') return { authenticated: false as const };
  return {
    authenticated: true as const,
    kind: actor.kind,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    loginName: actor.loginName,
    displayName: actor.displayName,
    institution: actor.institutionId ? { id: actor.institutionId, name: actor.institutionName } : null,
    authority: actor.authority ? { id: actor.authorityId, ...actor.authority } : null,
    physicianId: actor.physicianId,
    csrfToken: actor.csrfToken,
    mustChangePassword: actor.mustChangePassword,
  };
}

export async function accountsRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/captcha', {
    config: { audience: ['public'], beforePasswordChange: true },
    schema: { tags: ['账户'], summary: '获取图形验证码', response: { 200: CaptchaView } },
  }, async (req) => issueCaptcha(deps, { ip: req.ip }));

  app.post('/api/v1/session', {
    config: { audience: ['public'], beforePasswordChange: true },
    schema: {
      tags: ['账户'], summary: '登录（登录名 + 密码 + 图形验证码）', body: LoginBody,
      response: { 200: SessionView, ...problemResponses({ 401: ['INVALID_CREDENTIALS'], 403: ['ACCOUNT_DISABLED', 'CSRF_INVALID'], 423: ['ACCOUNT_LOCKED'], 429: ['RATE_LIMITED'] }) },
    },
  }, async (req, reply) => {
    const result = await login(deps, req.body, { ip: req.ip });
    setSessionCookie(reply, result.token, result.expiresAt, deps.config.cookieSecure);
    const actor = await resolveActor(deps, result.token);
    return presentActor(actor);
  });

  app.get('/api/v1/session', {
    config: { audience: ['public'], beforePasswordChange: true },
    schema: { tags: ['账户'], summary: '当前登录身份', response: { 200: SessionView } },
  }, async (req) => presentActor(req.actor));

  app.delete('/api/v1/session', {
    config: { audience: ['public'], beforePasswordChange: true },
    schema: { tags: ['账户'], summary: '退出登录', response: { 200: SignedOut } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await destroySession(reading(deps), token);
    clearSessionCookie(reply);
    return { authenticated: false as const };
  });

  app.put('/api/v1/session/password', {
    config: { audience: ['physician', 'institution', 'authority'], beforePasswordChange: true, rateLimited: true },
    schema: {
      tags: ['账户'],
      summary: '修改本人登录密码（首次登录须先修改初始密码）',
      description: '校验当前密码，新密码须符合密码策略且不同于当前密码；成功后结束该账户的其他会话。'
        + '错误：400 CURRENT_PASSWORD_WRONG / PASSWORD_UNCHANGED / VALIDATION_FAILED（path newPassword），401 UNAUTHENTICATED。',
      body: PasswordChangeBody,
      response: { 200: z.object({ changed: z.literal(true) }) },
    },
  }, async (req) => {
    await changeOwnPassword(deps, accountActor(req), req.cookies[SESSION_COOKIE] ?? '', req.body);
    return { changed: true as const };
  });
}
