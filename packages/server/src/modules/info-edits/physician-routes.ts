/** 个人信息修改 (domain §2.2 BT-11) for the physician. No SQL and no rules here (./physician-service.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { InfoEditForm, UPLOAD_LIMITS, WithdrawInfoEdit, formatMegabytes } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { binary } from '../../http/responses';
import type { OpenedBlob } from '../../storage/blob-store';
import { ApplicationErrors } from '../applications/errors';
import { inspectPhoto } from '../applications/photo';
import {
  createInfoEdit, currentInfo, listOwnInfoEdits, ownInfoEdit, ownInfoEditPhoto, ownRegistrationPhoto, storeInfoEditPhoto, withdrawInfoEdit,
} from './physician-service';
import { CurrentInfo, InfoEditIdParams, InfoEditView, OwnInfoEdits, PhotoSideQuery, RegistrationIdParams, UploadedPhoto } from './schemas';

const TAGS = ['信息维护'];
const PHYSICIAN = { audience: ['physician' as const] };
const GATE = { 401: ['UNAUTHENTICATED'], 403: ['NOT_A_PHYSICIAN_ACCOUNT', 'ACCOUNT_NOT_ACTIVATED'] };

/** The multipart photo: too large → PHOTO_TOO_LARGE (413), none → PHOTO_REQUIRED, both on the field photo. */
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

export function sendPhoto(reply: FastifyReply, photo: OpenedBlob) {
  return reply.type(photo.contentType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff')
    .header('content-length', photo.sizeBytes).send(photo.stream);
}

export async function infoEditPhysicianRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/physician/info-edits/current', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS, summary: '个人信息修改：各执业注册当前登记的学历信息、任职资格、照片和联系方式，以及能否提交修改',
      response: { 200: CurrentInfo, ...problemResponses(GATE) },
    },
  }, async (req) => currentInfo(reading(deps), accountActor(req)));

  app.get('/api/v1/physician/registrations/:id/info-photo', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS, summary: '执业注册当前登记的照片', params: RegistrationIdParams, produces: ['image/jpeg', 'image/png'],
      response: { 200: binary('image/jpeg, image/png', 'JPEG 或 PNG 图片'), ...problemResponses({ ...GATE, 404: ['INFO_EDIT_PHOTO_NOT_FOUND'] }) },
    },
  }, async (req, reply) => sendPhoto(reply, await ownRegistrationPhoto(reading(deps), accountActor(req), req.params.id)));

  app.post('/api/v1/physician/info-edits/photo', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS,
      summary: `上传新照片（近6个月2寸白底免冠正面半身照片，JPG/PNG，不超过${formatMegabytes(UPLOAD_LIMITS.photoBytes)}；保存去除拍摄信息后重新编码的图片），提交修改时填入返回的 photoSha256`,
      consumes: ['multipart/form-data'],
      response: {
        201: UploadedPhoto,
        ...problemResponses({ ...GATE, 400: ['PHOTO_REQUIRED', 'PHOTO_INVALID', 'PHOTO_TOO_MANY_PIXELS'], 413: ['PHOTO_TOO_LARGE'] }),
      },
    },
  }, async (req, reply) => {
    // Decoded and re-encoded before the transaction: image work holds no connection.
    const photo = await inspectPhoto(await readPhoto(req));
    return reply.status(201).send(await inTransaction(deps, (c) => storeInfoEditPhoto(c, accountActor(req), photo)));
  });

  app.get('/api/v1/physician/info-edits', {
    config: PHYSICIAN,
    schema: { tags: TAGS, summary: '我的个人信息修改申请（最新在前）', response: { 200: OwnInfoEdits, ...problemResponses(GATE) } },
  }, async (req) => listOwnInfoEdits(reading(deps), accountActor(req)));

  app.post('/api/v1/physician/info-edits', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS,
      summary: '提交个人信息修改申请（学历、学位、毕业院校、专业、毕业时间、任职资格、照片、联系方式；经主要执业机构审核同意后生效；每项执业注册同时只能有一条待审核的申请）',
      body: InfoEditForm,
      response: {
        201: InfoEditView,
        ...problemResponses({
          ...GATE, 400: ['VALIDATION_FAILED', 'INFO_EDIT_NOTHING_CHANGED', 'INFO_EDIT_DATE_IN_FUTURE', 'INFO_EDIT_PHOTO_MISSING'],
          404: ['INFO_EDIT_REGISTRATION_NOT_FOUND'], 409: ['INFO_EDIT_PENDING', 'INFO_EDIT_REGISTRATION_NOT_VALID'],
        }),
      },
    },
  }, async (req, reply) => {
    const actor = accountActor(req);
    const id = await inTransaction(deps, (c) => createInfoEdit(c, actor, req.body));
    return reply.status(201).send(await ownInfoEdit(reading(deps), actor, id));
  });

  app.get('/api/v1/physician/info-edits/:id', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS, summary: '个人信息修改申请详情（修改前 → 修改后、审核状态）', params: InfoEditIdParams,
      response: { 200: InfoEditView, ...problemResponses({ ...GATE, 404: ['INFO_EDIT_NOT_FOUND'] }) },
    },
  }, async (req) => ownInfoEdit(reading(deps), accountActor(req), req.params.id));

  app.post('/api/v1/physician/info-edits/:id/withdraw', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS, summary: '撤回个人信息修改申请（待机构审核时）', params: InfoEditIdParams, body: WithdrawInfoEdit,
      response: {
        200: InfoEditView,
        ...problemResponses({ ...GATE, 400: ['VALIDATION_FAILED'], 404: ['INFO_EDIT_NOT_FOUND'], 409: ['INFO_EDIT_ACTION_NOT_ALLOWED', 'INFO_EDIT_VERSION_CONFLICT'] }),
      },
    },
  }, async (req) => {
    const actor = accountActor(req);
    await inTransaction(deps, (c) => withdrawInfoEdit(c, actor, req.params.id, req.body));
    return ownInfoEdit(reading(deps), actor, req.params.id);
  });

  app.get('/api/v1/physician/info-edits/:id/photo', {
    config: PHYSICIAN,
    schema: {
      tags: TAGS, summary: '个人信息修改申请的照片（side=old 修改前，new 修改后）', params: InfoEditIdParams, querystring: PhotoSideQuery,
      produces: ['image/jpeg', 'image/png'],
      response: { 200: binary('image/jpeg, image/png', 'JPEG 或 PNG 图片'), ...problemResponses({ ...GATE, 404: ['INFO_EDIT_PHOTO_NOT_FOUND'] }) },
    },
  }, async (req, reply) => sendPhoto(reply, await ownInfoEditPhoto(reading(deps), accountActor(req), req.params.id, req.query.side)));
}
