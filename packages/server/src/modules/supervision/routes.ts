/**
 * Supervision on the register (domain §5.4, §1.3): 定期考核 results (institution and authority: record, import a
 * results file, list, export), 暂停执业活动 after a 不合格 and the re-assessment, and 处分决定 (authority), and the
 * physician's 考核信息. No SQL and no rules here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrderAssessmentSuspension, PenaltyDecisionForm, RecordAssessment, RecordReassessment, RESULTS_FILE_MAX_BYTES } from '@medreg/domain';
import { inTransaction, reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { importResults, recordAssessment } from './assessment-service';
import { SupervisionErrors } from './errors';
import { listPenalties, PenaltyListQuery } from './penalty-list';
import { PENALTIES_EXPORT_MAX, penaltiesSheet } from './penalty-export';
import { recordPenalty } from './penalty-service';
import { myAssessments } from './physician-view';
import { listResults, ResultListQuery } from './result-list';
import { RESULTS_EXPORT_MAX, resultsSheet } from './result-export';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { audit } from '../audit/service';
import { orderAssessmentSuspension, recordReassessment } from './suspension-service';
import { AssessmentResultPage, MyAssessments, PenaltyPage } from './responses';

const TAGS = ['定期考核与处分'];
const AUTHORITY = { audience: ['authority' as const] };
const IdParams = z.object({ id: z.uuid('编号无效') });
const Created = z.object({ id: z.string() });
const BASE_ERRORS = { 400: ['VALIDATION_FAILED', 'TEXT_CONTROL_CHARACTER'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND', 'SUPERVISION_SUBJECT_NOT_FOUND'] };

async function readResultsUpload(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  const missing = () => SupervisionErrors.RESULTS_FILE_UNREADABLE({ path: ['file'], detail: '请选择要导入的考核结果文件（CSV 或 Excel .xlsx）' });
  if (!req.isMultipart()) throw missing();
  const file = await req.file({ limits: { fileSize: RESULTS_FILE_MAX_BYTES, files: 1 } }).catch(() => undefined);
  if (!file) throw missing();
  const data = await file.toBuffer().catch(() => Buffer.alloc(0));
  if (file.file.truncated) throw SupervisionErrors.RESULTS_FILE_TOO_LARGE({ path: ['file'], detail: `考核结果文件不能超过${RESULTS_FILE_MAX_BYTES / 1024 / 1024} MB，请分批导入` });
  return { filename: file.filename || '考核结果', data };
}

export async function supervisionRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  for (const portal of ['authority', 'institution'] as const) {
    const config = { audience: [portal] };
    const base = `/api/v1/${portal}/assessments`;
    app.get(base, {
      config, schema: { tags: TAGS, summary: '定期考核结果（筛选：周期、结果、姓名、执业证书编码、连续两个考核周期未参加；按登记时间倒序分页，含总数）', querystring: ResultListQuery, response: { 200: AssessmentResultPage, ...problemResponses({ 400: ['VALIDATION_FAILED', 'SUPERVISION_CURSOR_INVALID'], 403: ['FORBIDDEN'] }) } },
    }, async (req) => listResults(reading(deps), accountActor(req), req.query));

    exportRoutes(app, {
      path: `${base}/export`,
      config,
      tags: TAGS,
      summary: `导出定期考核结果（与列表相同的筛选条件和顺序，身份证号脱敏，最多${RESULTS_EXPORT_MAX}条）`,
      querystring: ResultListQuery.omit({ cursor: true, limit: true }),
      errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
      names: () => datedNames(deps.now(), 'assessments', '定期考核结果'),
      table: async (req, format) => {
        const actor = accountActor(req);
        const c = reading(deps);
        const sheet = resultsSheet(c, actor, req.query);
        await audit(c, actor, 'assessment.export', 'assessment_result', null, { format, filters: req.query });
        return sheet;
      },
    });

    app.post(base, {
      config, schema: {
        tags: TAGS, summary: '登记一条定期考核结果（按执业证书编码或身份证号）', body: RecordAssessment,
        response: { 201: Created, ...problemResponses({ ...BASE_ERRORS, 400: [...BASE_ERRORS[400], 'ID_NUMBER_INVALID', 'ASSESSMENT_CYCLE_NOT_BEGUN', 'DECISION_DATE_INVALID'], 409: ['ASSESSMENT_ALREADY_RECORDED'] }) },
      },
    }, async (req, reply) => reply.status(201).send(await inTransaction(deps, (c) => recordAssessment(c, accountActor(req), req.body))));

    app.post(`${base}/import`, {
      config, schema: {
        tags: TAGS, consumes: ['multipart/form-data'],
        summary: '导入考核结果文件（multipart：file，CSV 或 Excel .xlsx；任何一行有误则不导入，逐行列出行号、列和原因：rowErrors）',
        response: { 201: z.object({ importId: z.string(), imported: z.number(), counts: z.record(z.string(), z.number()) }), ...problemResponses({ 400: ['RESULTS_FILE_INVALID', 'RESULTS_FILE_UNREADABLE'], 403: ['FORBIDDEN'], 413: ['RESULTS_FILE_TOO_LARGE'] }) },
      },
    }, async (req, reply) => {
      const file = await readResultsUpload(req);
      return reply.status(201).send(await inTransaction(deps, (c) => importResults(c, accountActor(req), file)));
    });
  }

  app.post('/api/v1/authority/assessments/:id/suspension', {
    config: AUTHORITY, schema: {
      tags: TAGS, summary: '定期考核不合格：责令暂停执业活动三至六个月并接受培训（《医师法》第四十二条）', params: IdParams, body: OrderAssessmentSuspension,
      response: { 201: Created, ...problemResponses({ ...BASE_ERRORS, 400: [...BASE_ERRORS[400], 'SUSPENSION_PERIOD_INVALID', 'DECISION_DATE_INVALID'], 409: ['ASSESSMENT_NOT_FAILED', 'SUSPENSION_ALREADY_ORDERED', 'REGISTRATION_EVENT_NOT_ALLOWED', 'RECORD_CHANGED', 'CONFLICT'] }) },
    },
  }, async (req, reply) => {
    const id = await inTransaction(deps, (c) => orderAssessmentSuspension(c, accountActor(req), req.params.id, req.body));
    return reply.status(201).send({ id });
  });

  app.post('/api/v1/authority/suspensions/:id/reassessment', {
    config: AUTHORITY, schema: {
      tags: TAGS, summary: '暂停执业活动期满再次考核：合格 → 恢复执业；不合格 → 注销注册（《医师法》第四十二条、第十七条）', params: IdParams, body: RecordReassessment,
      response: { 201: z.object({ resultId: z.string(), cancelled: z.boolean() }), ...problemResponses({ ...BASE_ERRORS, 400: [...BASE_ERRORS[400], 'DECISION_DATE_INVALID'], 409: ['REASSESSMENT_TOO_EARLY', 'SUSPENSION_EVENT_NOT_ALLOWED', 'SUSPENSION_VERSION_CONFLICT', 'REGISTRATION_EVENT_NOT_ALLOWED', 'RECORD_CHANGED'] }) },
    },
  }, async (req, reply) => reply.status(201).send(await inTransaction(deps, (c) => recordReassessment(c, accountActor(req), req.params.id, req.body))));

  app.get('/api/v1/authority/penalties', {
    config: AUTHORITY, schema: { tags: TAGS, summary: '处分决定（暂停执业活动、吊销医师执业证书）', querystring: PenaltyListQuery, response: { 200: PenaltyPage, ...problemResponses({ 400: ['VALIDATION_FAILED', 'SUPERVISION_CURSOR_INVALID'], 403: ['FORBIDDEN'] }) } },
  }, async (req) => listPenalties(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: '/api/v1/authority/penalties/export',
    config: AUTHORITY,
    tags: TAGS,
    summary: `导出处分决定（与列表相同的筛选条件和顺序，最多${PENALTIES_EXPORT_MAX}条）`,
    querystring: PenaltyListQuery.omit({ cursor: true, limit: true }),
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => datedNames(deps.now(), 'penalties', '处分决定'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = penaltiesSheet(c, actor, req.query);
      await audit(c, actor, 'penalty.export', 'penalty_decision', null, { format, filters: req.query });
      return sheet;
    },
  });

  app.post('/api/v1/authority/penalties', {
    config: AUTHORITY, schema: {
      tags: TAGS, summary: '登记处分决定：暂停执业活动六个月至一年，或吊销医师执业证书（《医师法》第五十五条至第五十八条）', body: PenaltyDecisionForm,
      response: { 201: Created, ...problemResponses({ ...BASE_ERRORS, 400: [...BASE_ERRORS[400], 'SUSPENSION_PERIOD_INVALID', 'DECISION_DATE_INVALID'], 409: ['DOCUMENT_NO_TAKEN', 'REGISTRATION_EVENT_NOT_ALLOWED', 'RECORD_CHANGED', 'CONFLICT'] }) },
    },
  }, async (req, reply) => reply.status(201).send(await inTransaction(deps, (c) => recordPenalty(c, accountActor(req), req.body))));

  app.get('/api/v1/physician/assessments', {
    config: { audience: ['physician' as const] }, schema: { tags: TAGS, summary: '考核信息：我的定期考核结果与暂停执业活动', response: { 200: MyAssessments } },
  }, async (req) => myAssessments(reading(deps), accountActor(req)));
}

