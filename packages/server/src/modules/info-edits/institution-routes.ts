/** 信息修改审核 (domain §2.2 BT-11, §1.2 item 8) for the main institution's staff. No SQL and no rules here (./institution-service.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApproveInfoEdit, RefuseInfoEdit } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accountActor } from '../../http/actor';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { problemResponses } from '../../http/problem-schema';
import { binary } from '../../http/responses';
import { audit, auditActorOf } from '../audit/service';
import {
  INFO_EDIT_EXPORT_MAX, approveInfoEdit, infoEditSheet, institutionInfoEditDetail, institutionInfoEditPhoto, listInfoEditQueue, refuseInfoEdit,
} from './institution-service';
import { sendPhoto } from './physician-routes';
import { InfoEditDetail, InfoEditIdParams, InfoEditPage, InfoEditQueueQuery, PhotoSideQuery } from './schemas';

const TAGS = ['医疗机构端'];
const INSTITUTION = { audience: ['institution' as const] };
const AUTH = { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] };
const ACTION_ERRORS = { ...AUTH, 400: ['VALIDATION_FAILED'], 404: ['INFO_EDIT_NOT_FOUND'], 409: ['INFO_EDIT_ACTION_NOT_ALLOWED', 'INFO_EDIT_VERSION_CONFLICT'] };

export async function infoEditInstitutionRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/institution/info-edits', {
    config: INSTITUTION,
    schema: {
      tags: TAGS, summary: '信息修改审核：本机构医师的个人信息修改申请（按审核状态、姓名、提交日期筛选，最新在前，分页，含总数）',
      querystring: InfoEditQueueQuery,
      response: { 200: InfoEditPage, ...problemResponses({ ...AUTH, 400: ['VALIDATION_FAILED', 'INFO_EDIT_CURSOR_INVALID'] }) },
    },
  }, async (req) => listInfoEditQueue(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: '/api/v1/institution/info-edits/export',
    config: INSTITUTION,
    tags: TAGS,
    summary: `导出信息修改审核列表（与列表相同的筛选条件和顺序，身份证号脱敏，最多${INFO_EDIT_EXPORT_MAX}条）`,
    querystring: InfoEditQueueQuery.omit({ cursor: true, limit: true }),
    errors: { ...AUTH, 400: ['VALIDATION_FAILED'] },
    names: () => datedNames(deps.now(), 'info-edits', '信息修改审核'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = infoEditSheet(c, actor, req.query);
      await audit(c, auditActorOf(actor), 'info_edit.export', 'institution', actor.institutionId, { format, filters: req.query });
      return sheet;
    },
  });

  app.get('/api/v1/institution/info-edits/:id', {
    config: INSTITUTION,
    schema: {
      tags: TAGS, summary: '信息修改申请详情：修改前 → 修改后、办理记录、该注册此前的修改、当前可执行的操作（含 version）', params: InfoEditIdParams,
      response: { 200: InfoEditDetail, ...problemResponses({ ...AUTH, 400: ['VALIDATION_FAILED'], 404: ['INFO_EDIT_NOT_FOUND'] }) },
    },
  }, async (req) => institutionInfoEditDetail(reading(deps), accountActor(req), req.params.id));

  app.post('/api/v1/institution/info-edits/:id/approve', {
    config: INSTITUTION,
    schema: {
      tags: TAGS, summary: '同意个人信息修改（执业注册即登记新的信息）', params: InfoEditIdParams, body: ApproveInfoEdit,
      response: { 200: InfoEditDetail, ...problemResponses({ ...ACTION_ERRORS, 409: [...ACTION_ERRORS[409], 'INFO_EDIT_REGISTRATION_NOT_VALID'] }) },
    },
  }, async (req) => {
    const actor = accountActor(req);
    await inTransaction(deps, (c) => approveInfoEdit(c, actor, req.params.id, req.body));
    return institutionInfoEditDetail(reading(deps), actor, req.params.id);
  });

  app.post('/api/v1/institution/info-edits/:id/refuse', {
    config: INSTITUTION,
    schema: {
      tags: TAGS, summary: '不同意个人信息修改（须写明理由，医师可修改后重新提交）', params: InfoEditIdParams, body: RefuseInfoEdit,
      response: { 200: InfoEditDetail, ...problemResponses({ ...ACTION_ERRORS, 400: ['VALIDATION_FAILED', 'INFO_EDIT_REASON_MISSING'] }) },
    },
  }, async (req) => {
    const actor = accountActor(req);
    await inTransaction(deps, (c) => refuseInfoEdit(c, actor, req.params.id, req.body));
    return institutionInfoEditDetail(reading(deps), actor, req.params.id);
  });

  app.get('/api/v1/institution/info-edits/:id/photo', {
    config: INSTITUTION,
    schema: {
      tags: TAGS, summary: '信息修改申请的照片（side=old 修改前，new 修改后）', params: InfoEditIdParams, querystring: PhotoSideQuery,
      produces: ['image/jpeg', 'image/png'],
      response: { 200: binary('image/jpeg, image/png', 'JPEG 或 PNG 图片'), ...problemResponses({ ...AUTH, 404: ['INFO_EDIT_PHOTO_NOT_FOUND'] }) },
    },
  }, async (req, reply) => sendPhoto(reply, await institutionInfoEditPhoto(reading(deps), accountActor(req), req.params.id, req.query.side)));
}
