import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { problemResponses } from '../../http/problem-schema';
import { exportRoutes } from '../../http/export/routes';
import { audit } from '../audit/service';
import { listMultiSitePhysicians } from './multi-site-roster';
import { multiSiteSheet } from './roster-export';
import { MultiSitePage, MultiSiteQuery } from './multi-site-schemas';

const TAGS = ['医疗机构端'];

/** 多机构执业医师 (BT-05): the physicians filed at this institution, for its clerks and its admin. */
export async function institutionMultiSiteRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/institution/multi-site-physicians', {
    config: { audience: ['institution'] },
    schema: {
      tags: TAGS,
      summary: '多机构执业医师：在本机构备案执业的医师（按备案状态、姓名筛选，按有效期结束时间排序，分页，含总数）',
      querystring: MultiSiteQuery,
      response: {
        200: MultiSitePage,
        ...problemResponses({ 400: ['VALIDATION_FAILED', 'QUEUE_CURSOR_INVALID'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] }),
      },
    },
  }, async (req) => listMultiSitePhysicians(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: '/api/v1/institution/multi-site-physicians/export',
    config: { audience: ['institution'] },
    tags: TAGS,
    summary: '导出多机构执业医师（与列表相同的筛选条件和顺序，最多5万条；身份证号脱敏）',
    querystring: MultiSiteQuery.omit({ cursor: true, limit: true }),
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
    names: () => {
      const stamp = deps.now().toISOString().slice(0, 10);
      return { ascii: `multi-site-physicians-${stamp}`, chinese: `多机构执业医师-${stamp}` };
    },
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      await audit(c, actor, 'institution.multi_site_exported', 'institution', actor.institutionId ?? null, { format, filters: req.query });
      return multiSiteSheet(c, actor, req.query);
    },
  });
}
