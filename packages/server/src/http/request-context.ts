import type { FastifyInstance } from 'fastify';
import { fastifyRequestContext, requestContext } from '@fastify/request-context';

declare module '@fastify/request-context' {
  interface RequestContextData {
    requestId: string;
    clientIp: string;
  }
}

/**
 * Makes the current request's id and client address (req.ip, as TRUST_PROXY decides it) readable by services
 * without passing them through every route: AsyncLocalStorage, opened in an onRequest hook.
 */
export async function registerRequestContext(app: FastifyInstance): Promise<void> {
  await app.register(fastifyRequestContext, {
    defaultStoreValues: (req) => ({ requestId: req.id, clientIp: req.ip }),
  });
}

/** The request being served, if any (undefined in background work and command-line tools). */
export function currentRequest(): { requestId: string | null; ip: string | null } {
  return { requestId: requestContext.get('requestId') ?? null, ip: requestContext.get('clientIp') ?? null };
}
