/** 人员账户 (authority administrators): the staff of the authorities in reach — list, export, create, 停用/启用, 重置密码, 调整所属部门. */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuthorityStaffAccount, AuthorityStaffPage, AuthorityStaffQuery, NewAuthorityStaff, ReachableAuthority, StaffPasswordReset,
  StaffReassignment, StaffStatusChange, StaffWithOneTimePassword,
} from '@medreg/domain';
import { reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { audit } from '../audit/service';
import { createAuthorityStaff, reassignAuthorityStaff, resetAuthorityStaffPassword, setAuthorityStaffDisabled } from './commands';
import { exportAuthorityStaff, listAuthorityStaff } from './list';
import { presentAuthority, reachableAuthorities, staffActorOf } from './reach';

const TAGS = ['卫生健康行政部门端'];
const ADMIN = { audience: ['authority' as const], roles: ['authority_admin' as const] };
const BASE = '/api/v1/authority/staff';

const Problem = z.looseObject({
  type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string(),
  errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});
const READ_ERRORS = { 400: Problem, 401: Problem, 403: Problem };
const WRITE_ERRORS = { ...READ_ERRORS, 404: Problem, 409: Problem };
const IdParams = z.object({ id: z.uuid({ error: '账户编号无效' }) });

export async function authorityStaffRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(BASE, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '人员账户：本部门及下级部门的审核人员和管理员（筛选、分页，含总数）', querystring: AuthorityStaffQuery,
      response: { 200: AuthorityStaffPage, ...READ_ERRORS },
    },
  }, async (req) => listAuthorityStaff(reading(deps), accountActor(req), req.query));

  app.get(`${BASE}/authorities`, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '可设立或调入人员账户的卫生健康行政部门（本部门及辖区内的下级部门）',
      response: { 200: z.object({ items: z.array(ReachableAuthority) }), ...READ_ERRORS },
    },
  }, async (req) => ({ items: (await reachableAuthorities(reading(deps), staffActorOf(accountActor(req)))).map(presentAuthority) }));

  app.get(`${BASE}/export.csv`, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '导出人员账户（CSV，与列表相同的筛选条件）', querystring: AuthorityStaffQuery,
      produces: ['text/csv'], response: { 200: z.string().describe('UTF-8 CSV'), ...READ_ERRORS },
    },
  }, async (req, reply) => {
    const actor = accountActor(req);
    const { cursor: _cursor, limit: _limit, ...filters } = req.query;
    const rows = await exportAuthorityStaff(reading(deps), actor, filters);
    await audit(reading(deps), actor, 'authority.staff.export', 'account', null, { filters });
    const stamp = deps.now().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="staff-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`人员账户-${stamp}.csv`)}`)
      .header('cache-control', 'private, no-store')
      .send(Readable.from(rows) as unknown as string);
  });

  app.post(BASE, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '新建人员账户（一次性密码仅在本次应答中出现，首次登录须修改密码）', body: NewAuthorityStaff,
      response: { 201: StaffWithOneTimePassword, ...WRITE_ERRORS },
    },
  }, async (req, reply) => reply.status(201).send(await createAuthorityStaff(deps, accountActor(req), req.body)));

  app.put(`${BASE}/:id/status`, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '停用 / 启用人员账户（停用后立即退出登录且不能登录）', params: IdParams, body: StaffStatusChange,
      response: { 200: AuthorityStaffAccount, ...WRITE_ERRORS },
    },
  }, async (req) => setAuthorityStaffDisabled(deps, accountActor(req), req.params.id, req.body));

  app.post(`${BASE}/:id/password-reset`, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '重置密码（生成一次性密码，下次登录须修改密码）', params: IdParams, body: StaffPasswordReset,
      response: { 200: StaffWithOneTimePassword, ...WRITE_ERRORS },
    },
  }, async (req) => resetAuthorityStaffPassword(deps, accountActor(req), req.params.id, req.body));

  app.put(`${BASE}/:id/authority`, {
    config: ADMIN,
    schema: {
      tags: TAGS, summary: '调整所属卫生健康行政部门（仅限本辖区内）', params: IdParams, body: StaffReassignment,
      response: { 200: AuthorityStaffAccount, ...WRITE_ERRORS },
    },
  }, async (req) => reassignAuthorityStaff(deps, accountActor(req), req.params.id, req.body));
}
