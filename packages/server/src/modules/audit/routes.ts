/** 审计日志 for authority administrators: the trail of their jurisdiction, its CSV export, and the chain verifier. */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditTrailPage, AuditTrailQuery, AuditVerification } from '@medreg/domain';
import { reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { audit } from './service';
import { exportAuditTrail, listAuditTrail } from './trail';
import { verifyAuditChain } from './verify';

const TAGS = ['卫生健康行政部门端'];
const ADMIN = { audience: ['authority' as const], roles: ['authority_admin' as const] };

const Problem = z.looseObject({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string() });
const ERRORS = { 400: Problem, 401: Problem, 403: Problem };

export async function auditRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/authority/audit', {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '审计日志：本辖区的操作记录（筛选、排序、分页，含总数）', querystring: AuditTrailQuery,
      response: { 200: AuditTrailPage, ...ERRORS },
    },
  }, async (req) => listAuditTrail(reading(deps), accountActor(req), req.query));

  app.get('/api/v1/authority/audit/export.csv', {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '导出审计日志（CSV，与列表相同的筛选条件，最多5万条）', querystring: AuditTrailQuery,
      produces: ['text/csv'], response: { 200: z.string().describe('UTF-8 CSV'), ...ERRORS },
    },
  }, async (req, reply) => {
    const actor = accountActor(req);
    const { cursor: _cursor, limit: _limit, ...filters } = req.query;
    const rows = await exportAuditTrail(reading(deps), actor, req.query);
    await audit(reading(deps), { accountId: actor.accountId, role: actor.role }, 'audit.export', 'audit_log', null, { filters });
    const stamp = deps.now().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`审计日志-${stamp}.csv`)}`)
      .header('cache-control', 'private, no-store')
      // A stream is sent as it is (no serializer); the 200 schema above documents it in OpenAPI.
      .send(Readable.from(rows) as unknown as string);
  });

  app.get('/api/v1/authority/audit/verify', {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '校验审计日志哈希链：报告第一处断裂（记录被改动、删除或绕过系统写入）',
      response: { 200: AuditVerification, ...ERRORS },
    },
  }, async () => verifyAuditChain(reading(deps)));
}
