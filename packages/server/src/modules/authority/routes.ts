/**
 * 卫生健康行政部门端 HTTP edge: the queue (审批工作台), an application's page, 受理 / 退回补正 / 准予注册 / 不予注册,
 * the paper-materials checklist, the written decision PDF, and the working-day calendar. No SQL and no rules here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuthorityQueueQuery, BUSINESS_TYPES, CALENDAR_OVERRIDE_KINDS, CalendarDayCorrection, CalendarYearEntry, CorrectionRequest, MaterialsUpdate, RefusalDecision, isIsoDate, nameText,
} from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accountActor } from '../../http/actor';
import { notInUrl } from '../../http/not-in-url';
import { problemResponses } from '../../http/problem-schema';
import { addCalendarDay, correctCalendarDay, enterCalendarYear, listCalendar, removeCalendarDay, setDecisionLimit } from './calendar-service';
import { calendarStatus } from './calendar-status';
import {
  acceptApplication, approveApplication, refuseApplication, requestCorrection, updateMaterials, type CommandOptions,
} from './decision-service';
import { getApplicationDetail, getDecisionDocument } from './detail-service';
import { listQueue, listVisibleAuthorities } from './queue-service';
import { QUEUE_EXPORT_MAX, queueSheet } from './queue-export';
import { exportRoutes } from '../../http/export/routes';
import { audit } from '../audit/service';
import { datedNames } from '../../http/export/names';
import { NoContent, binary } from '../../http/responses';
import { AuthorityApplicationDetail } from './application-responses';
import { CalendarDay, CalendarStatus, CalendarYear, DecisionLimit } from './calendar-responses';
import { AuthorityQueuePage, VisibleAuthorities } from './queue-responses';

const isoDate = (message = '日期应为YYYY-MM-DD格式的真实日期') => z.string().refine(isIsoDate, message);
const IdParams = z.object({ id: z.uuid('业务申请编号无效') });
const VersionBody = z.object({ expectedVersion: z.number().int().min(1).optional() });


const CalendarDayBody = z.object({
  date: isoDate(),
  kind: z.enum(CALENDAR_OVERRIDE_KINDS, '请选择节假日或调休上班'),
  name: nameText().trim().max(20, '名称不超过20字').optional(),
});

/** The 审批工作台 query with the 业务类型 filter. */
const QueueQuery = AuthorityQueueQuery.extend({ businessType: z.enum(BUSINESS_TYPES, '未知的业务类型').optional() });

const DECISION = { tags: ['卫生健康行政部门端'] };
const AUTHORITY = { audience: ['authority' as const] };
const QUEUE_SEARCH = '/api/v1/authority/queue/search';

/** `Idempotency-Key` header → the transition's idempotency key (a double click records one decision). */
function commandOptions(req: FastifyRequest, body: { expectedVersion?: number }): CommandOptions {
  const key = req.headers['idempotency-key'];
  const idempotencyKey = typeof key === 'string' && /^[\w-]{8,100}$/.test(key) ? key : undefined;
  return { expectedVersion: body.expectedVersion, idempotencyKey };
}

export async function authorityRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const detail = (req: FastifyRequest, id: string) => getApplicationDetail(reading(deps), accountActor(req), id);

  app.get('/api/v1/authority/authorities', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '本部门及下级卫生健康行政部门（用于查看下级审批队列）', response: { 200: VisibleAuthorities } },
  }, async (req) => ({ authorities: await listVisibleAuthorities(reading(deps), accountActor(req)) }));

  app.get('/api/v1/authority/queue', {
    config: AUTHORITY,
    schema: {
      ...DECISION,
      summary: '审批工作台：正在申办 / 已受理 / 退回补正 / 已办结（按身份证号查询请用 POST …/search）',
      querystring: QueueQuery.extend({ idNumber: notInUrl('身份证号', QUEUE_SEARCH) }),
      // A reviewer may open the queue of an authority below; one outside the jurisdiction is not found.
      response: { 200: AuthorityQueuePage, ...problemResponses({ 404: ['NOT_FOUND'] }) },
    },
  }, async (req) => listQueue(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: '/api/v1/authority/queue/export',
    config: AUTHORITY,
    tags: DECISION.tags,
    summary: `导出审批工作台当前页签（与列表相同的筛选条件和顺序，含审批期限和剩余工作日，最多${QUEUE_EXPORT_MAX}条；不含身份证号）`,
    querystring: QueueQuery.omit({ cursor: true, limit: true }).extend({ idNumber: notInUrl('身份证号', QUEUE_SEARCH) }),
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'] },
    names: () => datedNames(deps.now(), 'review-queue', '审批工作台'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = await queueSheet(c, actor, req.query);
      await audit(c, actor, 'queue.export', 'application', null, { format, filters: req.query });
      return sheet;
    },
  });

  // The same query in the request body, so that a 身份证号 never appears in a URL.
  app.post(QUEUE_SEARCH, {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '审批工作台：按任意条件组合查询（含身份证号）', body: QueueQuery, response: { 200: AuthorityQueuePage, ...problemResponses({ 404: ['NOT_FOUND'] }) } },
  }, async (req) => listQueue(reading(deps), accountActor(req), req.body));

  app.get('/api/v1/authority/applications/:id', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '业务申请详情（审批页面）', params: IdParams, response: { 200: AuthorityApplicationDetail } },
  }, async (req) => detail(req, req.params.id));

  app.post('/api/v1/authority/applications/:id/accept', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '受理（开始计算法定审批时限）', params: IdParams, body: VersionBody, response: { 200: AuthorityApplicationDetail } },
  }, async (req) => {
    await inTransaction(deps, (c) => acceptApplication(c, accountActor(req), req.params.id, commandOptions(req, req.body)));
    return detail(req, req.params.id);
  });

  app.post('/api/v1/authority/applications/:id/request-correction', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '退回补正（一次性告知需要补正的全部内容）', params: IdParams, body: CorrectionRequest, response: { 200: AuthorityApplicationDetail } },
  }, async (req) => {
    await inTransaction(deps, (c) => requestCorrection(c, accountActor(req), req.params.id, { ...req.body, ...commandOptions(req, req.body) }));
    return detail(req, req.params.id);
  });

  app.put('/api/v1/authority/applications/:id/materials', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '登记纸质材料接收情况', params: IdParams, body: MaterialsUpdate, response: { 200: AuthorityApplicationDetail } },
  }, async (req) => {
    await inTransaction(deps, (c) => updateMaterials(c, accountActor(req), req.params.id, req.body));
    return detail(req, req.params.id);
  });

  app.post('/api/v1/authority/applications/:id/approve', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '准予注册（生成执业证书编码）', params: IdParams, body: VersionBody, response: { 200: AuthorityApplicationDetail } },
  }, async (req) => {
    await inTransaction(deps, (c) => approveApplication(c, accountActor(req), req.params.id, commandOptions(req, req.body)));
    return detail(req, req.params.id);
  });

  app.post('/api/v1/authority/applications/:id/refuse', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '不予注册（书面决定，说明理由并告知救济途径）', params: IdParams, body: RefusalDecision, response: { 200: AuthorityApplicationDetail } },
  }, async (req) => {
    await inTransaction(deps, (c) => refuseApplication(c, accountActor(req), req.params.id, { ...req.body, ...commandOptions(req, req.body) }));
    return detail(req, req.params.id);
  });

  app.get('/api/v1/applications/:id/decision.pdf', {
    config: { audience: ['physician', 'institution', 'authority'] },
    schema: { tags: ['业务申请'], summary: '不予注册决定书（PDF）', params: IdParams, response: { 200: binary('application/pdf', '不予注册决定书（PDF）') } },
  }, async (req, reply) => {
    const { pdf, documentNo } = await getDecisionDocument(reading(deps), accountActor(req), req.params.id);
    return reply.type('application/pdf')
      .header('content-disposition', `inline; filename="decision.pdf"; filename*=UTF-8''${encodeURIComponent(`${documentNo}.pdf`)}`)
      .header('cache-control', 'private, no-store')
      .header('content-length', pdf.sizeBytes)
      .send(pdf.stream);
  });

  app.get('/api/v1/authority/calendar', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '工作日历：某年的法定节假日与调休上班日', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: CalendarYear } },
  }, async (req) => listCalendar(reading(deps), accountActor(req), req.query.year));

  app.post('/api/v1/authority/calendar/days', {
    config: { ...AUTHORITY, roles: ['authority_admin'] },
    schema: { ...DECISION, summary: '新增节假日或调休上班日（该日尚无安排）', body: CalendarDayBody, response: { 201: CalendarDay } },
  }, async (req, reply) => {
    const row = await inTransaction(deps, (c) => addCalendarDay(c, accountActor(req), req.body));
    return reply.status(201).send(row);
  });

  app.get('/api/v1/authority/calendar/status', {
    config: AUTHORITY,
    schema: { ...DECISION, summary: '工作日历提醒：截止日期涉及的尚未录入节假日安排的年度，及暂定截止日期的数量（全国）', response: { 200: CalendarStatus } },
  }, async (req) => calendarStatus(reading(deps), accountActor(req)));

  app.post('/api/v1/authority/calendar/years', {
    config: { ...AUTHORITY, roles: ['authority_admin'] },
    schema: {
      ...DECISION, summary: '录入某年节假日安排（按国务院办公厅通知：各节日放假起止日期及调休上班日），全国适用',
      body: CalendarYearEntry,
      response: {
        201: z.object({ year: z.number(), source: z.literal('admin'), days: z.number() }),
        ...problemResponses({
          400: ['VALIDATION_FAILED', 'CALENDAR_DATE_OUTSIDE_YEAR', 'CALENDAR_RANGE_REVERSED', 'CALENDAR_RANGE_TOO_LONG', 'CALENDAR_HOLIDAYS_OVERLAP',
            'CALENDAR_WORKDAY_NOT_WEEKEND', 'CALENDAR_WORKDAY_IN_HOLIDAY', 'CALENDAR_DATE_DUPLICATE'],
          403: ['FORBIDDEN', 'CALENDAR_ADMIN_REQUIRED'], 409: ['CALENDAR_YEAR_KNOWN'],
        }),
      },
    },
  }, async (req, reply) => reply.status(201).send(await inTransaction(deps, (c) => enterCalendarYear(c, accountActor(req), req.body))));

  app.put('/api/v1/authority/calendar/days/:date', {
    config: { ...AUTHORITY, roles: ['authority_admin'] },
    schema: {
      ...DECISION, summary: '更正某一天：法定节假日、调休上班或按星期（任何年度，含数据集年度），保留变更记录，全国适用',
      params: z.object({ date: isoDate() }), body: CalendarDayCorrection,
      response: {
        200: CalendarDay,
        ...problemResponses({
        400: ['VALIDATION_FAILED', 'CALENDAR_WORKDAY_NOT_WEEKEND'], 403: ['FORBIDDEN', 'CALENDAR_ADMIN_REQUIRED'],
        404: ['CALENDAR_DAY_NOT_FOUND'], 409: ['CALENDAR_DAY_UNCHANGED'],
        }),
      },
    },
  }, async (req) => inTransaction(deps, (c) => correctCalendarDay(c, accountActor(req), req.params.date, req.body)));

  app.delete('/api/v1/authority/calendar/days/:date', {
    config: { ...AUTHORITY, roles: ['authority_admin'] },
    schema: { ...DECISION, summary: '删除手工维护的节假日或调休上班日', params: z.object({ date: isoDate() }), response: { 204: NoContent } },
  }, async (req, reply) => {
    await inTransaction(deps, (c) => removeCalendarDay(c, accountActor(req), req.params.date));
    return reply.status(204).send(null);
  });

  app.put('/api/v1/authority/settings/decision-limit', {
    config: { ...AUTHORITY, roles: ['authority_admin'] },
    schema: {
      ...DECISION, summary: '设置审批时限（工作日）；null 恢复默认',
      body: z.object({ workingDays: z.number().int('应为整数').min(1, '至少1个工作日').max(60, '不超过60个工作日').nullable() }),
      response: { 200: DecisionLimit },
    },
  }, async (req) => inTransaction(deps, (c) => setDecisionLimit(c, accountActor(req), req.body.workingDays)));
}
