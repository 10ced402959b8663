/** 人员账户 (authority administrators): the staff of the authorities in reach — list, export, create, 停用/启用, 重置密码, 调整所属部门. */
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
import { exportRoutes } from '../../http/export/routes';
import { datedNames } from '../../http/export/names';
import { STAFF_EXPORT_MAX, staffSheet } from './export';
import { ProblemSchema } from '../../http/problem-schema';
import { listAuthorityStaff } from './list';
import { presentAuthority, reachableAuthorities, staffActorOf } from './reach';

const TAGS = ['卫生健康行政部门端'];
const ADMIN = { audience: ['authority' as const], roles: ['authority_admin' as const] };
const BASE = '/api/v1/authority/staff';

/** The shared problem+json schema (every field a refusal carries, field errors with their codes). */
const Problem = ProblemSchema;
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

  exportRoutes(app, {
    path: `${BASE}/export`,
    config: ADMIN,
    tags: TAGS,
    summary: `导出人员账户（与列表相同的筛选条件，按登录名排序，最多${STAFF_EXPORT_MAX}条）`,
    querystring: AuthorityStaffQuery.omit({ cursor: true, limit: true }),
    errors: { 400: ['VALIDATION_FAILED'], 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN', 'STAFF_AUTHORITY_OUT_OF_REACH'] },
    names: () => datedNames(deps.now(), 'staff', '人员账户'),
    table: async (req, format) => {
      const actor = accountActor(req);
      const c = reading(deps);
      const sheet = await staffSheet(c, actor, req.query);
      await audit(c, actor, 'authority.staff.export', 'account', null, { format, filters: req.query });
      return sheet;
    },
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
