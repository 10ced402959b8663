/**
 * 医疗机构管理 (authority administrators): list with filters, keyset pages and the total, CSV and Excel export,
 * detail with history and open applications, register (with its first administrator's one-time password), edit
 * (version-guarded), 暂停 and 恢复. No SQL and no rules here.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateInstitution, EditInstitution, ReopenInstitution, SuspendInstitution } from '@medreg/domain';
import { reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { audit } from '../audit/service';
import { institutionImportRoutes } from './import-routes';
import { approverOptions, institutionDetail, pendingApplications, PendingQuery } from './detail';
import { INSTITUTION_EXPORT_MAX, institutionsSheet } from './export';
import { InstitutionListQuery, listInstitutions } from './list';
import { registryKeeper } from './policy';
import { InstitutionDetail, InstitutionPage, PendingApplicationPage } from './responses';
import { editInstitution, registerInstitution, reopenInstitution, suspendInstitution } from './service';

const TAGS = ['医疗机构管理'];
const ADMIN = { audience: ['authority' as const], roles: ['authority_admin' as const] };
const BASE = '/api/v1/authority/institution-registry';
const IdParams = z.object({ id: z.uuid('编号无效') });
const Written = z.object({ id: z.string(), version: z.number(), warnings: z.array(z.object({ path: z.array(z.string()), message: z.string() })).optional() }).loose();
const FORM_400 = ['VALIDATION_FAILED', 'TEXT_CONTROL_CHARACTER', 'TEXT_INVISIBLE_CHARACTER', 'CREDIT_CODE_INVALID', 'LICENCE_REGISTRATION_NUMBER_INVALID', 'REGION_CODE_INVALID', 'INSTITUTION_APPROVER_OUT_OF_REACH'];
const ExportQuery = InstitutionListQuery.omit({ cursor: true, limit: true });

export async function institutionRegistryRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  institutionImportRoutes(app, deps);

  app.get(BASE, {
    config: ADMIN,
    schema: { tags: TAGS, summary: '医疗机构名录（本辖区；筛选：名称、地区、类别、状态；按名称分页，含总数）', querystring: InstitutionListQuery, response: { 200: InstitutionPage, ...problemResponses({ 400: ['VALIDATION_FAILED', 'INSTITUTION_REGISTRY_CURSOR_INVALID'], 403: ['FORBIDDEN'] }) } },
  }, async (req) => listInstitutions(reading(deps), registryKeeper(accountActor(req)), req.query));

  exportRoutes(app, {
    path: `${BASE}/export`,
    config: ADMIN,
    tags: TAGS,
    summary: `导出医疗机构名录（与列表相同的筛选条件，按名称排序，最多${INSTITUTION_EXPORT_MAX}条）`,
    querystring: ExportQuery,
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => datedNames(deps.now(), 'institutions', '医疗机构名录'),
    table: async (req, format) => {
      const k = registryKeeper(accountActor(req));
      const c = reading(deps);
      await audit(c, k, 'institution.export', 'institution', null, { format, filters: req.query });
      return institutionsSheet(c, k, req.query);
    },
  });

  app.get(`${BASE}/approvers`, {
    config: ADMIN,
    schema: { tags: TAGS, summary: '可选的审批机关（本部门及其下级、辖区包含所选地区）', querystring: z.object({ areaCode: z.string().regex(/^\d{6}$/, '地区代码应为6位数字') }), response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), level: z.string() })) }), ...problemResponses({ 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN'] }) } },
  }, async (req) => approverOptions(reading(deps), registryKeeper(accountActor(req)), req.query.areaCode));

  app.get(`${BASE}/:id`, {
    config: ADMIN,
    schema: { tags: TAGS, summary: '医疗机构详情（含变更记录、在办申请数）', params: IdParams, response: { 200: InstitutionDetail, ...problemResponses({ 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN'], 404: ['INSTITUTION_NOT_FOUND_IN_JURISDICTION'] }) } },
  }, async (req) => institutionDetail(reading(deps), registryKeeper(accountActor(req)), req.params.id));

  app.get(`${BASE}/:id/pending-applications`, {
    config: ADMIN,
    schema: { tags: TAGS, summary: '该机构的在办申请（暂停后仍继续办理；按提交时间倒序分页，含总数）', params: IdParams, querystring: PendingQuery, response: { 200: PendingApplicationPage, ...problemResponses({ 400: ['VALIDATION_FAILED', 'INSTITUTION_REGISTRY_CURSOR_INVALID'], 403: ['FORBIDDEN'], 404: ['INSTITUTION_NOT_FOUND_IN_JURISDICTION'] }) } },
  }, async (req) => pendingApplications(reading(deps), registryKeeper(accountActor(req)), req.params.id, req.query));

  app.post(BASE, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '新增医疗机构，同时创建其首位机构管理员账户（一次性密码只在此返回一次，首次登录须修改密码）', body: CreateInstitution,
      response: { 201: Written, ...problemResponses({ 400: FORM_400, 403: ['FORBIDDEN', 'INSTITUTION_AREA_OUTSIDE_JURISDICTION'], 409: ['INSTITUTION_NAME_TAKEN', 'INSTITUTION_CREDIT_CODE_TAKEN', 'INSTITUTION_ADMIN_LOGIN_TAKEN'] }) },
    },
  }, async (req, reply) => reply.status(201).header('cache-control', 'no-store').send(await registerInstitution(deps, registryKeeper(accountActor(req)), req.body)));

  app.put(`${BASE}/:id`, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '修改医疗机构信息（expectedVersion：读到的版本；他人已修改则 409）', params: IdParams, body: EditInstitution,
      response: { 200: Written, ...problemResponses({ 400: FORM_400, 403: ['FORBIDDEN', 'INSTITUTION_AREA_OUTSIDE_JURISDICTION'], 404: ['INSTITUTION_NOT_FOUND_IN_JURISDICTION'], 409: ['INSTITUTION_VERSION_CONFLICT', 'INSTITUTION_NAME_TAKEN', 'INSTITUTION_CREDIT_CODE_TAKEN'] }) },
    },
  }, async (req) => editInstitution(deps, registryKeeper(accountActor(req)), req.params.id, req.body));

  app.post(`${BASE}/:id/suspension`, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '暂停医疗机构（写明原因）：暂停期间不能接收新的执业注册申请', params: IdParams, body: SuspendInstitution,
      response: { 200: Written, ...problemResponses({ 400: ['VALIDATION_FAILED', 'INSTITUTION_REASON_MISSING'], 403: ['FORBIDDEN'], 404: ['INSTITUTION_NOT_FOUND_IN_JURISDICTION'], 409: ['INSTITUTION_VERSION_CONFLICT', 'INSTITUTION_STATUS_NOT_ALLOWED'] }) },
    },
  }, async (req) => suspendInstitution(deps, registryKeeper(accountActor(req)), req.params.id, req.body));

  app.post(`${BASE}/:id/reopening`, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '恢复医疗机构：重新接收执业注册申请', params: IdParams, body: ReopenInstitution,
      response: { 200: Written, ...problemResponses({ 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN'], 404: ['INSTITUTION_NOT_FOUND_IN_JURISDICTION'], 409: ['INSTITUTION_VERSION_CONFLICT', 'INSTITUTION_STATUS_NOT_ALLOWED'] }) },
    },
  }, async (req) => reopenInstitution(deps, registryKeeper(accountActor(req)), req.params.id, req.body));
}
