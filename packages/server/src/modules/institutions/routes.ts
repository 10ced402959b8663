import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../context';
import { institutionApplicationRoutes } from './application-routes';
import { institutionMultiSiteRoutes } from './multi-site-routes';
import { institutionPhysicianRoutes } from './physician-routes';
import { institutionStaffRoutes } from './staff-routes';

/** 医疗机构端: 医师申请业务办理, 多机构执业医师, 本机构医师与注册备案, 医师验证, 账户管理 (医师账户激活 is in ../activation/institution-routes.ts). */
export async function institutionsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await institutionApplicationRoutes(app, deps);
  await institutionMultiSiteRoutes(app, deps);
  await institutionPhysicianRoutes(app, deps);
  await institutionStaffRoutes(app, deps);
}
