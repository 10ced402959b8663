import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PASSWORD_PROBLEM_TEXT, checkPassword, emailSchema, loginNameSchema, nameText, passwordSchema, phoneSchema } from '@medreg/domain';
import { reading, type Deps } from '../../context';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { audit } from '../audit/service';
import { INSTITUTION_STAFF_EXPORT_MAX, institutionStaffSheet } from './staff-export';
import { accountActor } from '../../http/actor';
import { verifyPhysician } from './verification';
import { createClerk, listStaff, resetClerkPassword, setClerkDisabled } from './staff';
import { IdParams, VerificationBody } from './schemas';
import { StaffAccount, StaffList } from './staff-responses';
import { PhysicianVerification } from './verification-responses';

const TAGS = ['医疗机构端'];
const ADMIN = { audience: ['institution' as const], roles: ['institution_admin' as const] };

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const NewClerkBody = z.object({
  loginName: loginNameSchema,
  password: passwordSchema,
  displayName: nameText({ error: '请填写经办人姓名' }).trim().min(2, '请填写经办人姓名（2–30个字）').max(30, '请填写经办人姓名（2–30个字）'),
  phone: z.preprocess(blank, phoneSchema.optional()),
  email: z.preprocess(blank, emailSchema.optional()),
}).superRefine((v, ctx) => {
  if (checkPassword(v.password, v.loginName).includes('contains_login_name')) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_PROBLEM_TEXT.contains_login_name });
  }
});

/** 医师验证 (clerks and admins) and 账户管理 (admin only). */
export async function institutionStaffRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/institution/physician-verification', {
    config: { audience: ['institution'], rateLimited: true },
    schema: { tags: TAGS, summary: '医师验证：按姓名和身份证号核对注册信息的执业地点、主要执业机构是否与本机构一致', body: VerificationBody, response: { 200: PhysicianVerification } },
  }, async (req) => verifyPhysician(deps, accountActor(req), req.body));

  app.get('/api/v1/institution/staff', {
    config: ADMIN,
    schema: { tags: TAGS, summary: '账户管理：本机构的管理员和经办人账户', response: { 200: StaffList } },
  }, async (req) => listStaff(deps, accountActor(req)));

  exportRoutes(app, {
    path: '/api/v1/institution/staff/export',
    config: ADMIN,
    tags: TAGS,
    summary: `导出本机构的管理员和经办人账户（与列表相同的顺序，最多${INSTITUTION_STAFF_EXPORT_MAX}条）`,
    querystring: z.object({}),
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => datedNames(deps.now(), 'institution-staff', '账户管理'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = institutionStaffSheet(c, actor);
      await audit(c, actor, 'institution.staff.export', 'institution', actor.institutionId ?? null, { format });
      return sheet;
    },
  });

  app.post('/api/v1/institution/staff', {
    config: ADMIN,
    schema: { tags: TAGS, summary: '新建经办人账户（登录名 + 初始密码）', body: NewClerkBody, response: { 201: StaffAccount } },
  }, async (req, reply) => reply.status(201).send(await createClerk(deps, accountActor(req), req.body)));

  app.put('/api/v1/institution/staff/:id/status', {
    config: ADMIN,
    schema: { tags: TAGS, summary: '停用 / 启用经办人账户', params: IdParams, body: z.object({ disabled: z.boolean('请选择停用或启用') }), response: { 200: StaffAccount } },
  }, async (req) => setClerkDisabled(deps, accountActor(req), req.params.id, req.body.disabled));

  app.put('/api/v1/institution/staff/:id/password', {
    config: ADMIN,
    schema: { tags: TAGS, summary: '重置经办人密码', params: IdParams, body: z.object({ password: z.string('请输入新密码').min(1, '请输入新密码').max(64, '密码过长') }), response: { 200: StaffAccount } },
  }, async (req) => resetClerkPassword(deps, accountActor(req), req.params.id, req.body.password));
}
