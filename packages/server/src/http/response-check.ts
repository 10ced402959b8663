import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';

/**
 * Test mode only: every JSON answer of an /api or /fhir operation must be declared for its status and match the
 * declared zod schema — also bodies a handler serialised itself, which bypass the route's serializer. A mismatch
 * is logged and answered as a 500 naming the operation, so the integration test that received it fails.
 */
export function checkDeclaredResponses(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const url = req.routeOptions.url;
    if (!url || !(url.startsWith('/api/') || url.startsWith('/fhir')) || req.routeOptions.schema?.hide) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/json/.test(type) || typeof payload !== 'string') return payload;
    const operation = `${req.method} ${url} → ${reply.statusCode}`;
    const declared = (req.routeOptions.schema?.response ?? {}) as Record<string, ZodType>;
    const schema = declared[reply.statusCode] ?? declared[`${String(reply.statusCode)[0]}xx`];
    let problem: string | undefined;
    if (!schema) problem = 'status not declared in the route schema';
    else {
      const parsed = schema.safeParse(JSON.parse(payload));
      if (!parsed.success) problem = `body does not match the declared schema: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`;
    }
    if (!problem) return payload;
    const message = `Undeclared response ${operation}: ${problem}`;
    req.log.error(message);
    console.error(message, payload.slice(0, 500));
    reply.code(500).type('application/problem+json');
    return JSON.stringify({ type: 'about:blank', title: 'Undeclared response', status: 500, code: 'RESPONSE_UNDECLARED', detail: message });
  });
}
