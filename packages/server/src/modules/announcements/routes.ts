import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../context';
import { problemResponses } from '../../http/problem-schema';
import { AnnouncementPageSchema, AnnouncementQuery, AuthoritiesQuery, AuthoritiesResult } from './schemas';
import { listAnnouncements, listProvinceAuthorities } from './service';

/** 注册公告 (《医师法》第二十一条), public. */
export async function announcementRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/public/announcements', {
    config: { audience: ['public'] },
    schema: {
      tags: ['公众查询'],
      summary: '注册公告：某卫生健康主管部门准予注册、注销注册的人员名单（《医师法》第二十一条），按日期倒序分页',
      querystring: AnnouncementQuery,
      response: { 200: AnnouncementPageSchema, ...problemResponses({ 400: ['VALIDATION_FAILED', 'ANNOUNCEMENT_CURSOR_INVALID'], 404: ['NOT_FOUND'], 429: ['RATE_LIMITED'] }) },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return listAnnouncements(deps, req.query, { ip: req.ip });
  });

  app.get('/api/v1/public/authorities', {
    config: { audience: ['public'] },
    schema: {
      tags: ['公众查询'], summary: '某省的卫生健康主管部门（选择查看哪个部门的注册公告）', querystring: AuthoritiesQuery,
      response: { 200: AuthoritiesResult, ...problemResponses({ 400: ['VALIDATION_FAILED'] }) },
    },
  }, async (req) => listProvinceAuthorities(deps, req.query.provinceCode));
}
