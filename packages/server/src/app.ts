import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './context';
import { registerErrorHandling, sendProblem, toProblem } from './http/problem';
import { registerActorResolution } from './http/actor';
import { declareFrameworkErrors } from './http/responses';
import { checkDeclaredResponses } from './http/response-check';
import { responseSerializer } from './http/serializer';
import { registerRequestContext } from './http/request-context';
import { registerOpenApi } from './http/openapi';
import { registerWebApp } from './http/web-app';
import { registerSecurityHeaders } from './http/security-headers';
import { sharedHitCounter } from './security/shared-hit-counter';
import { registerMetrics } from './http/metrics';
import { fastifyTrustProxy } from './http/trust-proxy';
import { safeLoggerOptions } from './http/logging';
import { CommonErrors, UPLOAD_LIMITS } from '@medreg/domain';
import { MODULES } from './modules/index';

export interface BuildOptions {
  deps: Deps;
  /**
   * Pino logger options (level, `stream` for a destination); tests pass false. Serialisers that drop query
   * strings and SQL values and the redaction of personal fields are always added (`src/http/logging.ts`).
   */
  logger?: boolean | object;
  /** Directory of the built web app; absent in API-only tests. */
  webDist?: string;
}

/** The largest single file any form takes (each form sets its own limit below this). */
export const MAX_UPLOAD_BYTES = Math.max(UPLOAD_LIMITS.photoBytes, UPLOAD_LIMITS.attachmentBytes);

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { deps } = opts;
  const app = Fastify({
    logger: safeLoggerOptions(opts.logger),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 4 * 1024 * 1024,
    // Only the configured proxies may name the client (TRUST_PROXY); by default the socket address is the client.
    trustProxy: fastifyTrustProxy(deps.config.TRUST_PROXY),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(deps.config.NODE_ENV === 'test'));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandling(app);

  await registerRequestContext(app);
  await app.register(cookie);
  registerSecurityHeaders(app);
  // The public quotas' hits counted in this process reach the shared counts before the pool closes.
  app.addHook('onClose', async () => { await sharedHitCounter(deps.engine, deps.db).stop(); });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 5, fields: 20 } });
  await registerOpenApi(app);
  registerActorResolution(app, deps);
  declareFrameworkErrors(app);
  if (deps.config.NODE_ENV === 'test') checkDeclaredResponses(app);
  registerMetrics(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.engine.query('SELECT 1');
      return { status: 'ready', engine: deps.engine.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  for (const register of MODULES) {
    await app.register(async (scope) => register(scope, deps));
  }

  // Client-side routes fall back to the web app's index.html; without a built web app (API-only tests, a
  // checkout where `npm run build` has not run) every unknown path is a plain 404, never a 500.
  const webApp = opts.webDist ? await registerWebApp(app, opts.webDist) : false;
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? req.url;
    if (webApp && !path.startsWith('/api') && req.method === 'GET') return reply.sendFile('index.html');
    const detail = path.startsWith('/api') || webApp ? `没有这个接口或页面：${req.method} ${path}` : `没有这个页面：${path}（网页端尚未构建，请先运行 npm run build）`;
    return sendProblem(reply, toProblem(CommonErrors.NOT_FOUND({ detail }), req));
  });

  await app.ready();
  return app;
}
