import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import { accountsRoutes } from './accounts/routes';
import { notificationsRoutes } from './notifications/routes';

export type ModuleRoutes = (app: FastifyInstance, deps: Deps) => Promise<void> | void;

/** Every business area's routes, registered by buildApp. */
export const MODULES: ModuleRoutes[] = [
  accountsRoutes,
  notificationsRoutes,
];
