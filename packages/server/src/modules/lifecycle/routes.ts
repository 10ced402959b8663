import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UPLOAD_LIMITS } from '@medreg/domain';
import { inTransaction, reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { ApplicationErrors } from '../applications/errors';
import { loadApplicationView, presentApplicationAudited } from '../applications/presenter';
import { addAttachment, inspectEvidence, listAttachments, openAttachment } from './attachments';
import { businessOptions } from './business-options';
import { saveBusinessForm } from './business-service';
import { binary } from '../../http/responses';
import { ApplicationAnswer } from '../applications/responses';
import { Attachment, AttachmentList, BusinessOptions } from './responses';

const TAGS = ['业务申请'];
const PHYSICIAN = { audience: ['physician' as const] };
const VIEWERS = { audience: ['physician' as const, 'institution' as const, 'authority' as const] };
const IdParams = z.object({ id: z.uuid('业务申请编号无效') });
const AttachmentParams = IdParams.extend({ attachmentId: z.uuid('文件编号无效') });
const FormBody = z.object({
  expectedVersion: z.number({ error: '缺少版本号，请刷新页面后重试' }).int().min(1),
  /** The whole form of the business type (its zod schema in @medreg/domain business/), checked when saved. */
  form: z.record(z.string(), z.unknown()),
});

async function readEvidence(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw ApplicationErrors.PHOTO_REQUIRED({ path: ['file'], detail: '请以 multipart/form-data 上传文件' });
  const file = await req.file({ limits: { fileSize: UPLOAD_LIMITS.attachmentBytes, files: 1 } }).catch(() => undefined);
  if (!file) throw ApplicationErrors.PHOTO_REQUIRED({ path: ['file'], detail: '请选择要上传的文件' });
  const data = await file.toBuffer().catch(() => Buffer.alloc(0));
  if (file.file.truncated) throw ApplicationErrors.APPLICATION_FILES_TOO_LARGE({ path: ['file'], detail: '单个文件不能超过 2 MB' });
  return { filename: file.filename || '证明文件', data };
}

/** The generic path of 变更注册、助理升执业、增加执业地点、多机构备案、补发/换领 (modules/lifecycle). */
export async function lifecycleRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const present = async (req: FastifyRequest, id: string) => {
    const c = reading(deps);
    const actor = accountActor(req);
    return presentApplicationAudited(c, await loadApplicationView(c, actor, id), actor);
  };

  app.get('/api/v1/physician/business-options', {
    config: PHYSICIAN,
    schema: { tags: TAGS, summary: '业务申请：我的执业注册、备案、资格，及每项业务可依据哪条注册办理（不能办理时说明原因）', response: { 200: BusinessOptions } },
  }, async (req) => businessOptions(reading(deps), accountActor(req)));

  app.put('/api/v1/applications/:id/form', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS, summary: '【确认，下一步】保存业务申请表（整表校验：格式与业务规则，逐项给出字段）', params: IdParams, body: FormBody,
      response: { 200: ApplicationAnswer, ...problemResponses({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 409: ['APPLICATION_NOT_EDITABLE', 'VERSION_CONFLICT', 'REGISTRATION_BUSY', 'APPLICATION_PENDING'] }) },
    },
  }, async (req) => {
    await inTransaction(deps, (c) => saveBusinessForm(c, accountActor(req), req.params.id, req.body));
    return present(req, req.params.id);
  });

  app.get('/api/v1/applications/:id/attachments', {
    config: VIEWERS,
    schema: { tags: TAGS, summary: '业务申请的证明文件（学历、培训合格证明等）', params: IdParams, response: { 200: AttachmentList } },
  }, async (req) => listAttachments(reading(deps), accountActor(req), req.params.id));

  app.post('/api/v1/applications/:id/attachments', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS, summary: '上传证明文件（multipart：file，JPEG/PNG/PDF，按内容检查并重新生成）', params: IdParams, consumes: ['multipart/form-data'],
      response: { 201: Attachment, ...problemResponses({ 400: ['PHOTO_REQUIRED', 'ATTACHMENT_TYPE_NOT_ALLOWED', 'ATTACHMENT_UNREADABLE', 'ATTACHMENT_ENCRYPTED', 'ATTACHMENT_ACTIVE_CONTENT', 'ATTACHMENT_TOO_MANY_PIXELS'], 404: ['NOT_FOUND'], 409: ['APPLICATION_NOT_EDITABLE'], 413: ['ATTACHMENT_TOO_LARGE', 'APPLICATION_FILES_TOO_LARGE'] }) },
    },
  }, async (req, reply) => {
    const sent = await readEvidence(req);
    const inspected = await inspectEvidence(sent.filename, sent.data);
    const saved = await inTransaction(deps, (c) => addAttachment(c, accountActor(req), req.params.id, { filename: sent.filename, ...inspected }));
    return reply.status(201).send(saved);
  });

  app.get('/api/v1/applications/:id/attachments/:attachmentId', {
    config: VIEWERS,
    schema: { tags: TAGS, summary: '下载证明文件', params: AttachmentParams, response: { 200: binary('application/pdf, image/jpeg, image/png', '证明文件（上传时的格式）') } },
  }, async (req, reply) => {
    const { blob, filename } = await openAttachment(reading(deps), accountActor(req), req.params.id, req.params.attachmentId);
    return reply.type(blob.contentType)
      .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').header('content-length', blob.sizeBytes)
      .send(blob.stream);
  });
}
