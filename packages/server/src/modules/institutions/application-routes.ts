import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction, reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { notInUrl } from '../../http/not-in-url';
import { audit } from '../audit/service';
import { auditIdReveal } from '../audit/reveal';
import { getApplicationDetail } from './application-view';
import { decideApplication } from './decisions';
import type { InstitutionAction } from './decision-notices';
import { applicationFormPdf } from './form-pdf';
import { idempotencyKeyOf } from './idempotency';
import { listQueue } from './queue';
import { APPLICATIONS_EXPORT_MAX, applicationsSheet } from './application-export';
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { DecisionBody, IdParams, QueueQuery } from './schemas';
import { binary } from '../../http/responses';
import { InstitutionApplicationDetail, InstitutionQueuePage } from './application-responses';

const TAGS = ['医疗机构端'];
const STAFF = { audience: ['institution' as const] };
const SEARCH = '/api/v1/institution/applications/search';

/** 医师申请业务办理 (seed 第四步): queues, 【办理业务】, 【打印预览】, 【同意】【不同意】【退回修改】. */
export async function institutionApplicationRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/institution/applications', {
    config: STAFF,
    schema: {
      tags: TAGS,
      summary: '医师申请业务办理：待机构确认 / 正在申办 / 已完成审批（按身份证号查询请用 POST …/search）',
      querystring: QueueQuery.extend({ idNumber: notInUrl('身份证号', SEARCH) }),
      response: { 200: InstitutionQueuePage },
    },
  }, async (req) => listQueue(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: '/api/v1/institution/applications/export',
    config: STAFF,
    tags: TAGS,
    summary: `导出医师申请业务办理当前列表（与列表相同的筛选条件和顺序，身份证号脱敏，最多${APPLICATIONS_EXPORT_MAX}条）`,
    querystring: QueueQuery.omit({ cursor: true, limit: true }).extend({ idNumber: notInUrl('身份证号', SEARCH) }),
    errors: { 400: ['VALIDATION_FAILED', 'STATE_NOT_IN_QUEUE', 'DATE_RANGE_INVALID'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => datedNames(deps.now(), 'applications', '医师申请业务办理'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = applicationsSheet(c, actor, req.query);
      await audit(c, actor, 'institution.applications.export', 'institution', actor.institutionId ?? null, { format, filters: req.query });
      return sheet;
    },
  });

  // The same query in the request body, so that a 身份证号 never appears in a URL.
  app.post(SEARCH, {
    config: STAFF,
    schema: { tags: TAGS, summary: '医师申请业务办理：按任意条件组合查询（含身份证号）', body: QueueQuery, response: { 200: InstitutionQueuePage } },
  }, async (req) => listQueue(reading(deps), accountActor(req), req.body));

  app.get('/api/v1/institution/applications/:id', {
    config: STAFF,
    schema: { tags: TAGS, summary: '办理业务：申请详情、照片、办理记录和可执行的操作', params: IdParams, response: { 200: InstitutionApplicationDetail } },
  }, async (req) => getApplicationDetail(reading(deps), accountActor(req), req.params.id));

  app.get('/api/v1/institution/applications/:id/form.pdf', {
    config: STAFF,
    schema: { tags: TAGS, summary: '打印预览《医师执业注册申请审核表》（A4 PDF，含业务编号条码和二维码）', params: IdParams, response: { 200: binary('application/pdf', '《医师执业注册申请审核表》（A4 PDF）') } },
  }, async (req, reply) => {
    const actor = accountActor(req);
    const { pdf, businessCode } = await applicationFormPdf(deps, actor, req.params.id);
    await inTransaction(deps, async (c) => {
      await audit(c, actor, 'application.print_form', 'application', req.params.id, { businessCode });
      // The 审核表 prints the full 身份证号.
      await auditIdReveal(c, actor, { entityType: 'application', entityId: req.params.id, via: 'application_form_pdf' });
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${businessCode || 'application'}.pdf"`)
      .header('cache-control', 'private, no-store')
      // Shown inside the handling page's preview frame (same origin only).
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
      .header('x-frame-options', 'SAMEORIGIN')
      .send(pdf);
  });

  const decision = (path: string, action: InstitutionAction, summary: string) =>
    app.post(`/api/v1/institution/applications/:id/${path}`, {
      config: STAFF,
      schema: { tags: TAGS, summary, params: IdParams, body: DecisionBody, response: { 200: InstitutionApplicationDetail } },
    }, async (req) => decideApplication(deps, accountActor(req), req.params.id, action, {
      expectedVersion: req.body.expectedVersion,
      reason: req.body.reason,
      idempotencyKey: idempotencyKeyOf(req),
    }));
  decision('approve', 'institution_approve', '【同意】：确认申请并提交审批机关（可附意见）');
  decision('refuse', 'institution_refuse', '【不同意】：须填写理由，业务办结');
  decision('return', 'institution_return', '【退回修改】：须填写理由，医师修改后可重新提交');
  decision('resubmit-correction', 'resubmit_correction', '补正后重新提交（审批机关退回补正后）');
}
