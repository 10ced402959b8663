import type { FastifyInstance, RouteOptions } from 'fastify';
import type { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { ProblemSchema, problemResponses } from './problem-schema';

/**
 * Shared pieces of the operations' declared responses (OpenAPI and serialisation from the same zod schemas).
 * Error bodies are always the one problem+json schema (http/problem-schema.ts).
 */

/** The error statuses an operation answers with, each as problem+json; `codes` lists the codes per status. */
export function errors(...statuses: number[]): Record<number, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema.describe('problem+json')]));
}

/** A non-JSON success body (PDF, workbook, CSV, image), declared by its content type. */
export function binary(contentType: string, description: string): z.ZodType<Binary> {
  // A string in JSON Schema; a handler sends a Buffer or stream, which Fastify writes without a serializer.
  return z.string().meta({ description, contentMediaType: contentType }) as unknown as z.ZodType<Binary>;
}

type Binary = string | Buffer | Readable;

/** An empty success body (204, or a redirect). */
export const NoContent = z.null().describe('无内容');

type Audience = readonly string[] | undefined;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The refusals the framework itself gives on any route, whatever its handler does — so every operation declares
 * them without repeating them: 400 when it takes input (request schemas), 401/403 when it needs an account
 * (http/actor.ts: no session, wrong account type or role, CSRF, initial password), 404 when its path names a
 * record. A route's own declaration of a status (with its codes) wins.
 */
export function frameworkErrors(route: Pick<RouteOptions, 'url' | 'method' | 'schema' | 'config'>): Record<number, readonly string[]> {
  const out: Record<number, string[]> = {};
  const schema = route.schema ?? {};
  const audience = (route.config as { audience?: Audience } | undefined)?.audience;
  if (schema.body || schema.querystring || schema.params) out[400] = ['VALIDATION_FAILED'];
  if (audience && !audience.includes('public')) {
    out[401] = ['UNAUTHENTICATED'];
    out[403] = ['FORBIDDEN', 'CSRF_INVALID', 'PASSWORD_CHANGE_REQUIRED'];
  } else if (audience) {
    // A public route still checks a signed-in caller's CSRF token and initial password, and counts each client's
    // requests against its quotas (security/rate-limit.ts).
    out[403] = ['CSRF_INVALID', 'PASSWORD_CHANGE_REQUIRED'];
    out[429] = ['RATE_LIMITED'];
  }
  if (route.url.includes('/:')) out[404] = ['NOT_FOUND'];
  if ((route.config as { rateLimited?: boolean } | undefined)?.rateLimited) out[429] = ['RATE_LIMITED'];
  // A change can name a record that is not there (404) and can meet a state or a rule that refuses it (409:
  // WORKFLOW_ACTION_NOT_ALLOWED, CONFLICT, the business rules of its module's error catalogue).
  if (UNSAFE.has(String(route.method))) {
    out[404] = ['NOT_FOUND'];
    out[409] = ['CONFLICT', 'WORKFLOW_ACTION_NOT_ALLOWED'];
  }
  return out;
}

/**
 * Adds each route's framework refusals to its declared responses (before serializers are compiled), and marks
 * the operations that need an account with the session (and, when unsafe, CSRF) security scheme.
 */
export function declareFrameworkErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') && !route.url.startsWith('/fhir')) return;
    if (!route.schema || route.schema.hide) return;
    const declared = (route.schema.response ?? {}) as Record<string, unknown>;
    const added = problemResponses(frameworkErrors(route));
    for (const status of Object.keys(declared)) delete added[Number(status)];
    route.schema.response = { ...declared, ...added };
    const audience = (route.config as { audience?: Audience } | undefined)?.audience;
    if (audience && !audience.includes('public') && !route.schema.security) {
      route.schema.security = UNSAFE.has(String(route.method)) ? [{ session: [], csrf: [] }] : [{ session: [] }];
    }
  });
}

type Transformed = ReturnType<typeof jsonSchemaTransform>;

/**
 * OpenAPI content types of the declared responses: error statuses as application/problem+json, binary bodies
 * (`binary()`) as their media type with `format: binary`, everything else application/json.
 */
export function declaredContentTypes(out: Transformed): Transformed {
  const response = (out.schema as { response?: unknown }).response as Record<string, Record<string, unknown>> | undefined;
  if (!response) return out;
  const mapped: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(response)) {
    const { description, contentMediaType, ...rest } = schema as { description?: string; contentMediaType?: string };
    if (typeof contentMediaType === 'string') {
      const types = contentMediaType.split(',').map((t) => t.split(';')[0]!.trim());
      const body = (rest as { type?: string }).type === 'string' ? { type: 'string', format: 'binary' } : rest;
      mapped[status] = { description: description ?? contentMediaType, content: Object.fromEntries(types.map((t) => [t, { schema: body }])) };
    } else if (/^[45]/.test(status)) {
      mapped[status] = { description: description ?? 'problem+json', content: { 'application/problem+json': { schema: rest } } };
    } else {
      mapped[status] = schema;
    }
  }
  return { ...out, schema: { ...out.schema, response: mapped } };
}
