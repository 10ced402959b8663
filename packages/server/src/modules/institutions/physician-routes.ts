import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction, reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { reportCancellation } from '../lifecycle/cancellation-report';
import { CancellationReportBody, CancellationReportResponse } from './cancellation-report-schemas';
import { exportRoutes } from '../../http/export/routes';
import { audit } from '../audit/service';
import { reportDeparture } from './departure-report';
import { listInstitutionPhysicians } from './physician-roster';
import { rosterSheet } from './roster-export';
import { DepartureReportBody, DepartureReportResponse, PhysicianRosterPage, PhysicianRosterQuery } from './physician-roster-schemas';
import { z } from 'zod';

const TAGS = ['医疗机构端'];
const RegistrationParams = z.object({ id: z.uuid('执业注册标识无效') });

/** 本机构医师 and 注册备案 (BT-06), for the institution's clerks and its admin. */
export async function institutionPhysicianRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/institution/physicians', {
    config: { audience: ['institution'] },
    schema: {
      tags: TAGS,
      summary: '本机构医师：以本机构为主要执业机构的执业注册（按注册状态、最近定期考核结果、姓名筛选，按批准日期倒序，分页，含总数、最近定期考核和最近一次注册备案）',
      querystring: PhysicianRosterQuery,
      response: {
        200: PhysicianRosterPage,
        ...problemResponses({ 400: ['VALIDATION_FAILED', 'QUEUE_CURSOR_INVALID'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] }),
      },
    },
  }, async (req) => listInstitutionPhysicians(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: '/api/v1/institution/physicians/export',
    config: { audience: ['institution'] },
    tags: TAGS,
    summary: '导出本机构医师（与列表相同的筛选条件和顺序，最多5万条；身份证号脱敏）',
    querystring: PhysicianRosterQuery.omit({ cursor: true, limit: true }),
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => {
      const stamp = deps.now().toISOString().slice(0, 10);
      return { ascii: `physicians-${stamp}`, chinese: `本机构医师-${stamp}` };
    },
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      await audit(c, actor, 'institution.roster_exported', 'institution', actor.institutionId ?? null, { format, filters: req.query });
      return rosterSheet(c, actor, req.query);
    },
  });

  app.post('/api/v1/institution/registrations/:id/departure', {
    config: { audience: ['institution'] },
    schema: {
      tags: TAGS,
      summary: '注册备案：报告医师调离、退休、退职、被辞退或被开除（离职手续办理完毕之日起30日内；逾期报告照收并标注逾期）',
      params: RegistrationParams,
      body: DepartureReportBody,
      response: {
        200: DepartureReportResponse,
        ...problemResponses({
          400: ['VALIDATION_FAILED', 'DEPARTURE_DATE_IN_FUTURE'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['REGISTRATION_NOT_FOUND'],
          409: ['REGISTRATION_EVENT_NOT_ALLOWED', 'RECORD_CHANGED'],
        }),
      },
    },
  }, async (req) => reportDeparture(deps, accountActor(req), req.params.id, req.body));

  app.post('/api/v1/institution/registrations/:id/cancellation-report', {
    config: { audience: ['institution'] },
    schema: {
      tags: TAGS,
      summary: '报告注销情形：医师死亡、受刑事处罚等（《医师法》第十七条第二款，三十日内报告准予注册的卫生健康主管部门；逾期报告照收并标注逾期），生成待受理的注销注册申请',
      params: RegistrationParams,
      body: CancellationReportBody,
      response: {
        201: CancellationReportResponse,
        ...problemResponses({
          400: ['VALIDATION_FAILED', 'TRIGGER_DATE_IN_FUTURE'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['REGISTRATION_NOT_FOUND'],
          409: ['REGISTRATION_NOT_VALID', 'APPLICATION_PENDING'],
        }),
      },
    },
  }, async (req, reply) => reply.status(201).send(await inTransaction(deps, (c) => reportCancellation(c, accountActor(req), req.params.id, req.body))));
}
