import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '@medreg/domain';
import type { Deps } from '../../context';
import { reading, inTransaction } from '../../context';
import { SESSION_COOKIE, resolveActor, type Actor } from '../../http/actor';
import { issueCaptcha } from './captcha';
import { login } from './login';
import { clearSessionCookie, destroySession, setSessionCookie } from './sessions';

const LoginBody = z.object({
  loginName: plainText().trim().min(1, '请输入登录名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  captchaId: z.uuid('验证码已失效，请刷新'),
  captchaAnswer: plainText().trim().min(1, '请输入验证码').max(10),
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
  };
}

export async function accountsRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/captcha', {
    config: { audience: ['public'] },
    schema: { tags: ['账户'], summary: '获取图形验证码' },
  }, async () => inTransaction(deps, (c) => issueCaptcha(c)));

  app.post('/api/v1/session', {
    config: { audience: ['public'] },
    schema: { tags: ['账户'], summary: '登录（登录名 + 密码 + 图形验证码）', body: LoginBody },
  }, async (req, reply) => {
    const result = await login(deps, req.body, { ip: req.ip });
    setSessionCookie(reply, result.token, result.expiresAt, deps.config.cookieSecure);
    const actor = await resolveActor(deps, result.token);
    return presentActor(actor);
  });

  app.get('/api/v1/session', {
    config: { audience: ['public'] },
    schema: { tags: ['账户'], summary: '当前登录身份' },
  }, async (req) => presentActor(req.actor));

  app.delete('/api/v1/session', {
    config: { audience: ['public'] },
    schema: { tags: ['账户'], summary: '退出登录' },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await destroySession(reading(deps), token);
    clearSessionCookie(reply);
    return { authenticated: false };
  });
}
