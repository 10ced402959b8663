/**
 * 统计看板 HTTP edge: the authority dashboard (own jurisdiction or one below it), 「刷新统计」, each of its tables
 * as Excel / CSV, and the institution's own 统计. No SQL and no rules here.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUTHORITY_DASHBOARD_TABLE_LABELS } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction, reading } from '../../context';
import { accountActor } from '../../http/actor';
import { exportRoutes } from '../../http/export/routes';
import { problemResponses } from '../../http/problem-schema';
import { authorityDashboard } from './authority-dashboard';
import { dashboardSheet } from './dashboard-export';
import { institutionDashboard } from './institution-dashboard';
import { refreshDashboardStats } from './refresh';
import { AuthorityDashboard, AuthorityDashboardExportQuery, AuthorityDashboardQuery, InstitutionDashboard, RefreshResult } from './schemas';

const AUTHORITY = { audience: ['authority' as const] };
const TAGS = ['统计看板'];
const SCOPE_ERRORS = { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN', 'DASHBOARD_OUT_OF_JURISDICTION', 'DASHBOARD_AUTHORITY_ONLY'] };

export async function dashboardRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/authority/dashboard', {
    config: AUTHORITY,
    schema: {
      tags: TAGS,
      summary: '辖区统计看板：月度收件与办结、业务类型、受理至办结用时、超期与即将超期、退回最多的医疗机构、注册医师分布（可钻取下级）',
      querystring: AuthorityDashboardQuery,
      response: { 200: AuthorityDashboard, ...problemResponses(SCOPE_ERRORS) },
    },
  }, async (req) => authorityDashboard(reading(deps), accountActor(req), req.query.authorityId));

  // 「刷新统计」: the same set-based rebuild as the dashboard.refresh job, now (concurrent refreshes take turns).
  app.post('/api/v1/authority/dashboard/refresh', {
    config: AUTHORITY,
    schema: {
      tags: TAGS,
      summary: '刷新统计（立即重算汇总数据，更新统计时间）',
      response: { 200: RefreshResult, ...problemResponses({ 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] }) },
    },
  }, async () => inTransaction(deps, (c) => refreshDashboardStats(c)));

  exportRoutes(app, {
    path: '/api/v1/authority/dashboard/export',
    config: AUTHORITY,
    tags: TAGS,
    summary: '导出统计看板中的一张统计表（与页面相同的辖区和统计时间）',
    querystring: AuthorityDashboardExportQuery,
    errors: SCOPE_ERRORS,
    names: (req) => {
      const { table } = req.query as { table: keyof typeof AUTHORITY_DASHBOARD_TABLE_LABELS };
      const stamp = deps.now().toISOString().slice(0, 10);
      return { ascii: `dashboard-${table}-${stamp}`, chinese: `${AUTHORITY_DASHBOARD_TABLE_LABELS[table]}-${stamp}` };
    },
    table: async (req) => dashboardSheet(await authorityDashboard(reading(deps), accountActor(req), req.query.authorityId), req.query.table),
  });

  app.get('/api/v1/institution/dashboard', {
    config: { audience: ['institution'] },
    schema: {
      tags: TAGS,
      summary: '本机构统计：业务申请按状态与月份、待本机构确认、医师名册、多机构备案、注册备案（含逾期报告）',
      response: { 200: InstitutionDashboard, ...problemResponses({ 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] }) },
    },
  }, async (req) => institutionDashboard(reading(deps), accountActor(req)));
}
