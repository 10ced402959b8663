/**
 * 资格补改 at the authority (domain §2.2 BT-12): a request's page, 受理, 补改 and 驳回. No SQL and no rules here
 * (./correction-handling.ts, CORRECTION_WORKFLOW in @medreg/domain).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AcceptCorrection, RejectCorrection, ResolveCorrection } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { CorrectionDetail } from './correction-responses';
import { acceptCorrection, correctionDetail, rejectCorrection, resolveCorrection } from './correction-handling';

const TAGS = ['医师资格'];
const AUTHORITY = { audience: ['authority' as const] };
const IdParams = z.object({ id: z.uuid('资格补改申请编号无效') });
const Detail = CorrectionDetail.describe('资格补改申请详情：附件、医师当前的资格信息、办理记录、当前可执行的操作（含 version）');
const ACTION_ERRORS = { 400: ['VALIDATION_FAILED', 'TEXT_CONTROL_CHARACTER'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'] };
const STATE_ERRORS = ['CORRECTION_ACTION_NOT_ALLOWED', 'CORRECTION_VERSION_CONFLICT'];

export async function correctionHandlingRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/authority/qualification-corrections/:id', {
    config: AUTHORITY,
    schema: {
      tags: TAGS, summary: '资格补改申请详情（本辖区）', params: IdParams,
      response: { 200: Detail, ...problemResponses({ 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'] }) },
    },
  }, async (req) => correctionDetail(reading(deps), accountActor(req), req.params.id));

  app.post('/api/v1/authority/qualification-corrections/:id/accept', {
    config: AUTHORITY,
    schema: {
      tags: TAGS, summary: '受理资格补改申请（已提交 → 审核中）', params: IdParams, body: AcceptCorrection,
      response: { 200: Detail, ...problemResponses({ ...ACTION_ERRORS, 409: STATE_ERRORS }) },
    },
  }, async (req) => {
    const actor = accountActor(req);
    await inTransaction(deps, (c) => acceptCorrection(c, actor, req.params.id, req.body));
    return correctionDetail(reading(deps), actor, req.params.id);
  });

  app.post('/api/v1/authority/qualification-corrections/:id/resolve', {
    config: AUTHORITY,
    schema: {
      tags: TAGS,
      summary: '补改：修改医师的一条资格信息（qualificationId），或为其补录缺失的资格信息（不填 qualificationId）；保留修改记录',
      params: IdParams, body: ResolveCorrection,
      response: {
        200: Detail,
        ...problemResponses({
          ...ACTION_ERRORS,
          400: [...ACTION_ERRORS[400], 'CERT_CODE_INVALID', 'QUALIFICATION_KEY_REQUIRED'],
          404: ['NOT_FOUND', 'QUALIFICATION_NOT_OWN'],
          409: [...STATE_ERRORS, 'CERT_CODE_TAKEN', 'ADMISSION_TICKET_TAKEN'],
        }),
      },
    },
  }, async (req) => {
    const actor = accountActor(req);
    await inTransaction(deps, (c) => resolveCorrection(c, actor, req.params.id, req.body));
    return correctionDetail(reading(deps), actor, req.params.id);
  });

  app.post('/api/v1/authority/qualification-corrections/:id/reject', {
    config: AUTHORITY,
    schema: {
      tags: TAGS, summary: '驳回资格补改申请（书面说明理由）', params: IdParams, body: RejectCorrection,
      response: { 200: Detail, ...problemResponses({ ...ACTION_ERRORS, 400: [...ACTION_ERRORS[400], 'CORRECTION_REASON_MISSING'], 409: STATE_ERRORS }) },
    },
  }, async (req) => {
    const actor = accountActor(req);
    await inTransaction(deps, (c) => rejectCorrection(c, actor, req.params.id, req.body));
    return correctionDetail(reading(deps), actor, req.params.id);
  });
}
