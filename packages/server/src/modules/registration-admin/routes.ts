import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { audit } from '../audit/service';
import {
  ExOfficioCancellationBody, ExOfficioCancellationResult, RegistrationDetail, RegistrationSearchPage, RegistrationSearchQuery,
} from './schemas';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { REGISTRATION_EXPORT_MAX, cancelExOfficio, registrationDetail, registrationsSheet, searchRegistrations } from './service';

const TAGS = ['执业注册管理'];
const AUTHORITY = { audience: ['authority' as const] };
const Params = z.object({ id: z.uuid('执业注册标识无效') });
const ERRORS = problemResponses({ 400: ['VALIDATION_FAILED', 'QUEUE_CURSOR_INVALID'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] });

/** 执业注册管理 (authority portal): the registrations of the jurisdiction, and 依职权注销 (《医师法》第十七条第三款). */
export async function registrationAdminRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/authority/registrations', {
    config: AUTHORITY,
    schema: {
      tags: TAGS, summary: '执业注册管理：本辖区准予的执业注册（按姓名、身份证号、执业证书编码、状态查询，按批准日期倒序分页，含总数）',
      querystring: RegistrationSearchQuery, response: { 200: RegistrationSearchPage, ...ERRORS },
    },
  }, async (req) => searchRegistrations(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: '/api/v1/authority/registrations/export',
    config: AUTHORITY,
    tags: TAGS,
    summary: `导出执业注册（与列表相同的筛选条件和顺序，身份证号脱敏，最多${REGISTRATION_EXPORT_MAX}条）`,
    querystring: RegistrationSearchQuery.omit({ cursor: true, limit: true }),
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => datedNames(deps.now(), 'registrations', '执业注册'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = await registrationsSheet(c, actor, req.query);
      const { idNumber, ...filters } = req.query;
      // The 身份证号 searched for is not written into the trail in clear.
      await audit(c, { accountId: actor.accountId, role: actor.role }, 'registration.export', 'registration', null, { format, filters: { ...filters, idNumber: idNumber ? '***' : undefined } });
      return sheet;
    },
  });

  app.get('/api/v1/authority/registrations/:id', {
    config: AUTHORITY,
    schema: {
      tags: TAGS, summary: '执业注册详情与变更历史（辖区外的注册视为不存在）', params: Params,
      response: { 200: RegistrationDetail, ...problemResponses({ 404: ['NOT_FOUND'] }) },
    },
  }, async (req) => registrationDetail(reading(deps), accountActor(req), req.params.id));

  app.post('/api/v1/authority/registrations/:id/cancellation', {
    config: AUTHORITY,
    schema: {
      tags: TAGS,
      summary: '依职权注销：准予注册的卫生健康主管部门（或其上级）依法定情形注销执业注册，废止执业证书（《医师法》第十七条第三款）',
      params: Params, body: ExOfficioCancellationBody,
      response: {
        200: ExOfficioCancellationResult,
        ...problemResponses({ 400: ['VALIDATION_FAILED', 'TRIGGER_DATE_IN_FUTURE'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 409: ['REGISTRATION_NOT_VALID', 'RECORD_CHANGED'] }),
      },
    },
  }, async (req) => inTransaction(deps, (c) => cancelExOfficio(c, accountActor(req), req.params.id, req.body)));
}
