import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CommonErrors, UPLOAD_LIMITS, formatMegabytes } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { hitRateLimit } from '../../security/rate-limit';
import { assertActivePhysician } from '../physicians/guard';
import { PhysicianErrors } from '../physicians/errors';
import { physicianOfAccount } from '../physicians/queries';
import { QUALIFICATION_CHECK_LABELS, pullByAdmissionTicket, runQualificationCheck } from './check';
import { attachmentContentDisposition, openCorrectionAttachment } from './attachment-download';
import type { Attachment } from './attachments';
import { createCorrection, decodeCorrectionCursor, listCorrectionsForAuthority, listOwnCorrections, prepareCorrection } from './corrections';
import { QualificationErrors } from './errors';
import { CORRECTIONS_EXPORT_MAX, correctionsSheet } from './correction-export';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { audit } from '../audit/service';
import { presentQualification, presentQualificationSummary } from './presenter';
import { OwnQualifications, PulledQualification, QualificationCheckResult } from './qualification-responses';
import { AuthorityCorrectionPage, OwnCorrection, OwnCorrections } from './correction-responses';

const CorrectionListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  status: z.enum(['submitted', 'in_review', 'resolved', 'rejected'], '未知的处理状态').optional(),
});
const TAGS = ['医师资格'];
/** 准考证号 look-ups per account per hour. */
export const TICKET_PULLS_PER_HOUR = 20;

const AdmissionTicket = z.string().trim().regex(/^[0-9A-Za-z]{6,20}$/, '准考证号应为6–20位数字或字母');

async function ownPhysician(c: Parameters<typeof physicianOfAccount>[0], accountId: string, lock = false) {
  const p = await physicianOfAccount(c, accountId, { lock });
  if (!p) throw PhysicianErrors.NOT_A_PHYSICIAN_ACCOUNT();
  return p;
}

/** Reads the multipart form of a 资格补改 request: `reason` and the files named `attachments` (UPLOAD_LIMITS). */
async function readCorrectionForm(req: FastifyRequest): Promise<{ reason: string; attachments: Attachment[] }> {
  if (!req.isMultipart()) throw CommonErrors.VALIDATION_FAILED({ detail: '请以 multipart/form-data 提交申请', path: ['reason'] });
  let reason = '';
  const attachments: Attachment[] = [];
  try {
    const limits = { fileSize: UPLOAD_LIMITS.attachmentBytes, files: UPLOAD_LIMITS.attachmentsPerCorrection };
    for await (const part of req.parts({ limits })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (data.length > 0 || part.filename) attachments.push({ filename: part.filename || `附件${attachments.length + 1}`, data });
      } else if (part.fieldname === 'reason') {
        reason = String(part.value ?? '');
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw QualificationErrors.ATTACHMENT_TOO_LARGE({ path: ['attachments', attachments.length] });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw QualificationErrors.TOO_MANY_ATTACHMENTS({ path: ['attachments'] });
    throw error;
  }
  return { reason, attachments };
}

export async function qualificationsRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/physician/qualification-check', {
    config: { audience: ['physician'] },
    schema: { tags: TAGS, summary: '医师资格校验：按姓名 + 身份证号匹配资格库', response: { 200: QualificationCheckResult } },
  }, async (req) => inTransaction(deps, async (c) => {
    const p = await ownPhysician(c, accountActor(req).accountId, true);
    const check = await runQualificationCheck(c, p);
    const active = p.activationStatus === 'active';
    return {
      outcome: check.outcome,
      outcomeLabel: QUALIFICATION_CHECK_LABELS[check.outcome],
      code: check.outcome === 'name_mismatch' ? 'QUALIFICATION_NAME_MISMATCH' : null,
      message: check.outcome === 'name_mismatch' ? QualificationErrors.QUALIFICATION_NAME_MISMATCH().message : null,
      qualifications: check.linked.map((q) => (active ? presentQualification(q, deps.pii) : presentQualificationSummary(q))),
    };
  }));

  app.post('/api/v1/physician/qualifications/pull', {
    config: { audience: ['physician'], rateLimited: true },
    schema: { tags: TAGS, summary: '输入准考证号获取考试合格信息（资格信息尚未同步时）', body: z.object({ admissionTicketNo: AdmissionTicket }), response: { 200: PulledQualification } },
  }, async (req) => {
    const actor = accountActor(req);
    await hitRateLimit(reading(deps), `ticket-pull:${actor.accountId}`, TICKET_PULLS_PER_HOUR, 3600);
    return inTransaction(deps, async (c) => {
      const p = await ownPhysician(c, actor.accountId, true);
      const q = await pullByAdmissionTicket(c, p, req.body.admissionTicketNo);
      // The owner typed the ticket number, so showing the record (no certificate yet as a rule) reveals nothing new.
      return { qualification: presentQualification(q, deps.pii) };
    });
  });

  app.get('/api/v1/physician/qualifications', {
    config: { audience: ['physician'] },
    schema: { tags: TAGS, summary: '资格信息（激活后）', response: { 200: OwnQualifications } },
  }, async (req) => inTransaction(deps, async (c) => {
    const p = await assertActivePhysician(c, accountActor(req));
    const check = await runQualificationCheck(c, p);
    return { items: check.linked.map((q) => presentQualification(q, deps.pii)) };
  }));

  app.get('/api/v1/physician/qualification-corrections', {
    config: { audience: ['physician'] },
    schema: { tags: TAGS, summary: '我的资格补改申请及办理状态', response: { 200: OwnCorrections } },
  }, async (req) => {
    const c = reading(deps);
    const p = await ownPhysician(c, accountActor(req).accountId);
    return listOwnCorrections(c, p.id);
  });

  app.post('/api/v1/physician/qualification-corrections', {
    config: { audience: ['physician'] },
    schema: {
      tags: TAGS,
      summary: `提交资格补改申请（multipart：reason，attachments 最多 ${UPLOAD_LIMITS.attachmentsPerCorrection} 个 JPEG/PNG/PDF，`
        + `每个不超过 ${formatMegabytes(UPLOAD_LIMITS.attachmentBytes)}，合计不超过 ${formatMegabytes(UPLOAD_LIMITS.correctionTotalBytes)}；`
        + '按内容识别类型，图片去除拍摄信息后重新编码，PDF 不得加密或含脚本等活动内容）',
      consumes: ['multipart/form-data'],
      response: {
        201: OwnCorrection.describe('提交的资格补改申请'),
        ...problemResponses({
          400: [
            'VALIDATION_FAILED', 'CORRECTION_REASON_REQUIRED', 'TEXT_CONTROL_CHARACTER', 'TOO_MANY_ATTACHMENTS', 'ATTACHMENT_TYPE_NOT_ALLOWED',
            'ATTACHMENT_UNREADABLE', 'ATTACHMENT_TOO_LARGE', 'ATTACHMENT_TOO_MANY_PIXELS', 'ATTACHMENT_ENCRYPTED', 'ATTACHMENT_ACTIVE_CONTENT',
            'ATTACHMENTS_TOTAL_TOO_LARGE',
          ],
          409: ['QUALIFICATION_CORRECTION_PENDING', 'CORRECTION_AUTHORITY_UNAVAILABLE'],
        }),
      },
    },
  }, async (req, reply) => {
    const actor = accountActor(req);
    const form = await prepareCorrection(await readCorrectionForm(req));
    const result = await inTransaction(deps, async (c) => createCorrection(c, await ownPhysician(c, actor.accountId, true), form));
    return reply.status(201).send(result);
  });

  app.get('/api/v1/authority/qualification-corrections', {
    config: { audience: ['authority'] },
    schema: {
      tags: TAGS,
      summary: '资格补改申请（本辖区）',
      querystring: CorrectionListQuery,
      response: { 200: AuthorityCorrectionPage },
    },
  }, async (req) => {
    const actor = accountActor(req);
    if (!actor.authority) throw CommonErrors.FORBIDDEN();
    const cursor = req.query.cursor ? decodeCorrectionCursor(req.query.cursor) : undefined;
    return listCorrectionsForAuthority(reading(deps), actor.authority, { limit: req.query.limit, cursor, status: req.query.status });
  });

  exportRoutes(app, {
    path: '/api/v1/authority/qualification-corrections/export',
    config: { audience: ['authority'] },
    tags: TAGS,
    summary: `导出资格补改申请（本辖区，与列表相同的筛选条件和顺序，身份证号脱敏，最多${CORRECTIONS_EXPORT_MAX}条）`,
    querystring: CorrectionListQuery.omit({ cursor: true, limit: true }),
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => datedNames(deps.now(), 'qualification-corrections', '资格补改申请'),
    table: async (req, format) => {
      const actor = accountActor(req);
      if (!actor.authority) throw CommonErrors.FORBIDDEN();
      const c = reading(deps);
      await audit(c, actor, 'qualification_correction.export', 'qualification_correction', null, { format, filters: req.query });
      return correctionsSheet(c, actor.authority, req.query);
    },
  });

  app.get('/api/v1/authority/qualification-corrections/:id/attachments/:index', {
    config: { audience: ['authority'] },
    schema: {
      tags: TAGS,
      summary: '下载资格补改申请的附件（本辖区；记入审计日志）',
      params: z.object({
        id: z.uuid('资格补改申请编号无效'),
        index: z.coerce.number().int().min(0).max(UPLOAD_LIMITS.attachmentsPerCorrection - 1),
      }),
      produces: ['image/jpeg', 'image/png', 'application/pdf'],
      response: {
        200: z.string().describe('附件文件（content-disposition: attachment）'),
        ...problemResponses({ 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'] }),
      },
    },
  }, async (req, reply) => {
    const blob = await openCorrectionAttachment(reading(deps), accountActor(req), req.params.id, req.params.index);
    return reply.type(blob.contentType)
      .header('content-disposition', attachmentContentDisposition(req.params.index, blob.contentType))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-length', blob.sizeBytes)
      // A stream is sent as it is (no serializer); the 200 schema above documents it in OpenAPI.
      .send(blob.stream as unknown as string);
  });
}
