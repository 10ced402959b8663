/** 审计日志 for authority administrators: the trail of their jurisdiction, its export (Excel and CSV), and the chain verifier. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditTrailPage, AuditTrailQuery, AuditVerification } from '@medreg/domain';
import { reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { ProblemSchema } from '../../http/problem-schema';
import { audit } from './service';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { AUDIT_EXPORT_MAX, auditTrailSheet, listAuditTrail } from './trail';
import { verifyAuditChain } from './verify';

const TAGS = ['卫生健康行政部门端'];
const ADMIN = { audience: ['authority' as const], roles: ['authority_admin' as const] };

const Problem = ProblemSchema;
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

  exportRoutes(app, {
    path: '/api/v1/authority/audit/export',
    config: ADMIN,
    tags: TAGS,
    summary: `导出审计日志（与列表相同的筛选条件和顺序，最多${AUDIT_EXPORT_MAX}条）`,
    querystring: AuditTrailQuery.omit({ cursor: true, limit: true }),
    errors: { 400: ['VALIDATION_FAILED', 'TEXT_CONTROL_CHARACTER'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => datedNames(deps.now(), 'audit', '审计日志'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = await auditTrailSheet(c, actor, req.query);
      await audit(c, { accountId: actor.accountId, role: actor.role }, 'audit.export', 'audit_log', null, { format, filters: req.query });
      return sheet;
    },
  });

  app.get('/api/v1/authority/audit/verify', {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '校验审计日志哈希链：报告第一处断裂（记录被改动、删除或绕过系统写入）',
      response: { 200: AuditVerification, ...ERRORS },
    },
  }, async () => verifyAuditChain(reading(deps)));
}
