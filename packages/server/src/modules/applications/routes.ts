import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BUSINESS_TYPES, FirstRegistrationDraft, INELIGIBLE_CASES, UPLOAD_LIMITS, formatMegabytes, plainText } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { ApplicationErrors } from './errors';
import { presentApplicationAudited, loadApplicationView } from './presenter';
import { getApplication, getApplicationPhoto, listOwnApplications } from './progress';
import { saveDraft, savePhoto, startApplication } from './service';
import { inspectPhoto } from './photo';
import { resubmitCorrection, submitApplication, withdrawApplication } from './submission';
import { isFormBusinessType } from '../lifecycle/business-context';
import { startBusiness } from '../lifecycle/business-service';
import { binary } from '../../http/responses';
import { ApplicationAnswer, OwnApplicationsPage } from './responses';

const PHYSICIAN = { audience: ['physician' as const] };
const VIEWERS = { audience: ['physician' as const, 'institution' as const, 'authority' as const] };
const TAGS = ['业务申请'];
const IdParams = z.object({ id: z.uuid('业务申请编号无效') });
const Version = z.number({ error: '缺少版本号，请刷新页面后重试' }).int().min(1);

const StartBody = z.object({
  businessType: z.enum(BUSINESS_TYPES, '请选择业务类型'),
  specialCase: z.enum(INELIGIBLE_CASES, '特殊情形无效').optional(),
  qualificationId: z.uuid('医师资格编号无效').optional(),
  /** The registration or filing a 变更/助理升执业/增加执业地点/多机构备案/补发 starts from. */
  registrationId: z.uuid('执业注册编号无效').optional(),
  filingId: z.uuid('备案编号无效').optional(),
});
const DraftBody = FirstRegistrationDraft.extend({ expectedVersion: Version });
const SubmitBody = z.object({ expectedVersion: Version });
const WithdrawBody = z.object({ expectedVersion: Version.optional(), reason: plainText({ multiline: true }).trim().max(200, '撤回原因不超过200字').optional() });
const CorrectionBody = z.object({ expectedVersion: Version.optional(), note: plainText({ multiline: true }).trim().max(500, '补正说明不超过500字').optional() });

function idempotencyKey(req: FastifyRequest): string | undefined {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && /^[\w-]{8,100}$/.test(key) ? key : undefined;
}

/** The multipart photo as a buffer: too large → PHOTO_TOO_LARGE (413), none or not multipart → PHOTO_REQUIRED. */
async function readPhoto(req: FastifyRequest): Promise<Buffer> {
  let file;
  try {
    file = await req.file({ limits: { fileSize: UPLOAD_LIMITS.photoBytes, files: 1 } });
  } catch {
    throw ApplicationErrors.PHOTO_REQUIRED({ path: ['photo'] });
  }
  if (!file) throw ApplicationErrors.PHOTO_REQUIRED({ path: ['photo'] });
  try {
    const content = await file.toBuffer();
    if (file.file.truncated) throw ApplicationErrors.PHOTO_TOO_LARGE({ path: ['photo'] });
    return content;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw ApplicationErrors.PHOTO_TOO_LARGE({ path: ['photo'] });
    throw error;
  }
}

/** 业务申请 (physician): start, fill in, submit, withdraw; 业务进度; detail for every viewer the policy admits. */
export async function applicationsRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  /** Commands answer with the application as the actor now sees it. */
  const present = (req: FastifyRequest, id: string) => {
    const c = reading(deps);
    const actor = accountActor(req);
    return loadApplicationView(c, actor, id).then((view) => presentApplicationAudited(c, view, actor));
  };

  app.get('/api/v1/applications', {
    config: PHYSICIAN,
    schema: { tags: TAGS, summary: '业务进度：我的业务申请（最新在前，每页20条）', querystring: z.object({ cursor: z.string().max(200).optional() }),
      response: { 200: OwnApplicationsPage } },
  }, async (req) => listOwnApplications(reading(deps), accountActor(req), req.query));

  app.post('/api/v1/applications', {
    config: PHYSICIAN,
    schema: { tags: TAGS, summary: '办理业务：创建业务申请（首次注册；变更注册、助理升执业、增加执业地点、多机构备案、补发换领须指明所依据的注册或备案）', body: StartBody,
      response: { 201: ApplicationAnswer, ...problemResponses({ 422: ['BUSINESS_NOT_AVAILABLE_ONLINE', 'BUSINESS_TYPE_NOT_OPEN', 'QUALIFICATION_REQUIRED'] }) } },
  }, async (req, reply) => {
    const { businessType, registrationId, filingId } = req.body;
    const created = await inTransaction(deps, (c) => (isFormBusinessType(businessType)
      ? startBusiness(c, accountActor(req), { businessType, ...(registrationId ? { registrationId } : {}), ...(filingId ? { filingId } : {}) })
      : startApplication(c, accountActor(req), req.body)));
    return reply.status(201).send(await present(req, created.id));
  });

  app.get('/api/v1/applications/:id', {
    config: VIEWERS,
    schema: { tags: TAGS, summary: '业务申请详情：申请信息、办理记录、可执行的操作和下一步', params: IdParams, response: { 200: ApplicationAnswer } },
  }, async (req) => getApplication(reading(deps), accountActor(req), req.params.id));

  app.patch('/api/v1/applications/:id', {
    config: PHYSICIAN,
    schema: { tags: TAGS, summary: '保存申请草稿（逐步填写，校验所填项）', params: IdParams, body: DraftBody, response: { 200: ApplicationAnswer, ...problemResponses({ 409: ['INSTITUTION_SUSPENDED', 'APPLICATION_NOT_EDITABLE', 'VERSION_CONFLICT'] }) } },
  }, async (req) => {
    await inTransaction(deps, (c) => saveDraft(c, accountActor(req), req.params.id, req.body));
    return present(req, req.params.id);
  });

  app.post('/api/v1/applications/:id/photo', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS,
      summary: `上传照片（近6个月2寸白底免冠正面半身照片，JPG/PNG，不超过${formatMegabytes(UPLOAD_LIMITS.photoBytes)}；保存的是去除拍摄信息后重新编码的图片）`,
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: {
        200: ApplicationAnswer,
        ...problemResponses({
          400: ['PHOTO_REQUIRED', 'PHOTO_INVALID', 'PHOTO_TOO_MANY_PIXELS'],
          404: ['NOT_FOUND'],
          409: ['APPLICATION_NOT_EDITABLE', 'VERSION_CONFLICT'],
          413: ['PHOTO_TOO_LARGE', 'APPLICATION_FILES_TOO_LARGE'],
        }),
      },
    },
  }, async (req) => {
    // Decoded and re-encoded before the transaction: image work holds neither a connection nor the row lock.
    const photo = await inspectPhoto(await readPhoto(req));
    await inTransaction(deps, (c) => savePhoto(c, accountActor(req), req.params.id, photo));
    return present(req, req.params.id);
  });

  app.get('/api/v1/applications/:id/photo', {
    config: VIEWERS,
    schema: { tags: TAGS, summary: '申请照片', params: IdParams, response: { 200: binary('image/jpeg, image/png', '照片（JPG 或 PNG）') } },
  }, async (req, reply) => {
    const photo = await getApplicationPhoto(reading(deps), accountActor(req), req.params.id);
    return reply.type(photo.contentType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').header('content-length', photo.sizeBytes).send(photo.stream);
  });

  app.post('/api/v1/applications/:id/submit', {
    config: PHYSICIAN,
    schema: { tags: TAGS, summary: '【提交】申请（机构退回修改后重新提交亦同）', params: IdParams, body: SubmitBody, response: { 200: ApplicationAnswer, ...problemResponses({ 409: ['VERSION_CONFLICT', 'WORKFLOW_ACTION_NOT_ALLOWED'] }) } },
  }, async (req) => {
    await inTransaction(deps, (c) => submitApplication(c, accountActor(req), req.params.id, { ...req.body, idempotencyKey: idempotencyKey(req) }));
    return present(req, req.params.id);
  });

  app.post('/api/v1/applications/:id/withdraw', {
    config: PHYSICIAN,
    schema: { tags: TAGS, summary: '撤回申请（机构确认前）', params: IdParams, body: WithdrawBody, response: { 200: ApplicationAnswer, ...problemResponses({ 409: ['VERSION_CONFLICT', 'WORKFLOW_ACTION_NOT_ALLOWED'] }) } },
  }, async (req) => {
    await inTransaction(deps, (c) => withdrawApplication(c, accountActor(req), req.params.id, { ...req.body, idempotencyKey: idempotencyKey(req) }));
    return present(req, req.params.id);
  });

  app.post('/api/v1/applications/:id/resubmit-correction', {
    config: PHYSICIAN,
    schema: { tags: TAGS, summary: '补正后重新提交（注册主管部门退回补正后）', params: IdParams, body: CorrectionBody, response: { 200: ApplicationAnswer, ...problemResponses({ 409: ['VERSION_CONFLICT', 'WORKFLOW_ACTION_NOT_ALLOWED'] }) } },
  }, async (req) => {
    await inTransaction(deps, (c) => resubmitCorrection(c, accountActor(req), req.params.id, { ...req.body, idempotencyKey: idempotencyKey(req) }));
    return present(req, req.params.id);
  });
}
