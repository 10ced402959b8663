import { Readable } from 'node:stream';
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
import { cancelExOfficio, exportRegistrations, registrationDetail, searchRegistrations } from './service';

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

  app.get('/api/v1/authority/registrations/export.csv', {
    config: AUTHORITY,
    schema: {
      tags: TAGS, summary: '导出执业注册（CSV，与列表相同的筛选条件，身份证号脱敏，最多5万条）', querystring: RegistrationSearchQuery,
      produces: ['text/csv'], response: { 200: z.string().describe('UTF-8 CSV'), ...ERRORS },
    },
  }, async (req, reply) => {
    const actor = accountActor(req);
    const { cursor: _c, limit: _l, idNumber, ...filters } = req.query;
    const rows = await exportRegistrations(reading(deps), actor, req.query);
    await audit(reading(deps), { accountId: actor.accountId, role: actor.role }, 'registration.export', 'registration', null, { filters: { ...filters, idNumber: idNumber ? '***' : undefined } });
    const stamp = deps.now().toISOString().slice(0, 10);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="registrations-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`执业注册-${stamp}.csv`)}`)
      .header('cache-control', 'private, no-store')
      .send(Readable.from(rows) as unknown as string);
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
