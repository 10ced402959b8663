import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PHYSICIAN_ACCOUNT_STATUSES, normalizePhysicianName, plainText } from '@medreg/domain';
import { reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { issueActivationCodes } from './issue-codes';
import { listInstitutionPhysicians } from './issue-list';
import { ACTIVATION_EXPORT_MAX, activationSheet } from './activation-export';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { audit } from '../audit/service';
import { getActivationSettings, setAutoActivation } from './issue-settings';
import { ActivationPhysicianPage, ActivationSettings, IssuedCodes } from './responses';

const TAGS = ['医疗机构端'];
/** 医师账户激活 is the institution admin's (domain §1.2 item 7; 管理员 / 操作员 split [M]). */
const ADMIN = { audience: ['institution' as const], roles: ['institution_admin' as const] };

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const ListQuery = z.object({
  name: z.preprocess(blank, plainText().max(30).transform(normalizePhysicianName).optional()),
  status: z.preprocess(blank, z.enum(PHYSICIAN_ACCOUNT_STATUSES, '未知的账户状态').optional()),
  cursor: z.preprocess(blank, z.string().max(300).optional()),
  limit: z.coerce.number('每页条数应为1–100').int('每页条数应为1–100').min(1, '每页条数应为1–100').max(100, '每页条数应为1–100').default(20),
});

/** 医师账户激活 (institution side): the list, 【生成激活码】 one / selected / all, the automatic-activation switch. */
export async function activationInstitutionRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/institution/activation/physicians', {
    config: ADMIN,
    schema: { tags: TAGS, summary: '医师账户激活：主要执业机构为本机构的医师及其账户状态', querystring: ListQuery, response: { 200: ActivationPhysicianPage } },
  }, async (req) => listInstitutionPhysicians(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: '/api/v1/institution/activation/physicians/export',
    config: ADMIN,
    tags: TAGS,
    summary: `导出医师账户激活列表（与列表相同的筛选条件，按姓名排序，身份证号脱敏，最多${ACTIVATION_EXPORT_MAX}条）`,
    querystring: ListQuery.omit({ cursor: true, limit: true }),
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => datedNames(deps.now(), 'activation', '医师账户激活'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = activationSheet(c, actor, req.query);
      await audit(c, actor, 'activation.export', 'institution', actor.institutionId ?? null, { format, filters: req.query });
      return sheet;
    },
  });

  app.post('/api/v1/institution/activation/codes', {
    config: ADMIN,
    schema: {
      tags: TAGS,
      summary: '生成激活码（单个或所选医师），通过短信和电子邮件发送',
      body: z.object({ physicianIds: z.array(z.uuid('医师标识无效'), '请选择医师').min(1, '请选择医师').max(1000, '一次最多选择1000名医师') }),
      response: { 200: IssuedCodes },
    },
  }, async (req) => issueActivationCodes(deps, accountActor(req), { physicianIds: req.body.physicianIds }));

  app.post('/api/v1/institution/activation/codes/all-pending', {
    config: ADMIN,
    schema: { tags: TAGS, summary: '为所有已注册账户、尚未激活的本机构医师批量生成激活码', response: { 200: IssuedCodes } },
  }, async (req) => issueActivationCodes(deps, accountActor(req), { allPending: true }));

  app.get('/api/v1/institution/activation/settings', {
    config: ADMIN,
    schema: { tags: TAGS, summary: '自动激活设置', response: { 200: ActivationSettings } },
  }, async (req) => getActivationSettings(deps, accountActor(req)));

  app.put('/api/v1/institution/activation/auto-activation', {
    config: ADMIN,
    schema: { tags: TAGS, summary: '开启 / 关闭本机构医师账户自动激活', body: z.object({ enabled: z.boolean('请选择开启或关闭自动激活') }), response: { 200: ActivationSettings } },
  }, async (req) => setAutoActivation(deps, accountActor(req), req.body.enabled));
}
