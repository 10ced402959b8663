import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../context';

// Placeholder: this area's routes are registered here.
export async function activationInstitutionRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
