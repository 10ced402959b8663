import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../context';
import { infoEditInstitutionRoutes } from './institution-routes';
import { infoEditPhysicianRoutes } from './physician-routes';

/** 个人信息修改 (domain §2.2 BT-11): the physician files, the main institution decides. */
export async function infoEditRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await infoEditPhysicianRoutes(app, deps);
  await infoEditInstitutionRoutes(app, deps);
}
