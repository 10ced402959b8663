import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, domainError } from '@medreg/domain';
import { databaseErrorOf } from './logging';

/** An RFC 9457 problem document, as every refusal is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: { path: (string | number)[]; message: string; code?: string }[];
  [extra: string]: unknown;
}

function wantsEnglish(req: FastifyRequest): boolean {
  const lang = req.headers['accept-language'] ?? '';
  return /^en\b/i.test(lang);
}

function fromDomainError(err: DomainError, req: FastifyRequest): Problem {
  const en = wantsEnglish(req);
  return {
    type: `https://medreg.local/problems/${err.code.toLowerCase().replaceAll('_', '-')}`,
    title: en ? err.titleEn : err.title,
    detail: en && err.message === err.title ? err.titleEn : err.message,
    instance: req.id,
    ...(err.path ? { errors: [{ path: err.path, message: err.message, code: err.code }] } : {}),
    ...(err.extra ?? {}),
    // An error's extra facts never replace its HTTP status or code (a lifecycle refusal carries the record's `status`).
    status: err.status,
    code: err.code,
  };
}

/** Maps zod validation issues (body, query, params) to one 400 with every field path. */
function fromValidation(err: FastifyError, req: FastifyRequest): Problem {
  const issues = (err.validation ?? []).map((v) => {
    const path = v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const params = (v.params ?? {}) as { params?: { errorCode?: string } };
    return { path, message: v.message ?? '输入无效', code: params.params?.errorCode };
  });
  // A field-specific code (e.g. ID_NUMBER_INVALID) wins over the generic one.
  const specific = issues.find((i) => i.code)?.code;
  const base = domainError(specific ?? 'VALIDATION_FAILED', { status: 400 });
  const first = issues[0];
  return {
    type: `https://medreg.local/problems/${base.code.toLowerCase().replaceAll('_', '-')}`,
    title: wantsEnglish(req) ? base.titleEn : base.title,
    status: 400,
    code: base.code,
    detail: first ? `${first.path.join('.') || err.validationContext || '请求'}：${first.message}` : base.title,
    instance: req.id,
    errors: issues.map((i) => ({ path: i.path, message: i.message, ...(i.code ? { code: i.code } : {}) })),
  };
}

/**
 * PostgreSQL errors that a user's input can cause, answered as refusals rather than 5xx — the last resort behind
 * the request schemas, by SQLSTATE (never by message text). Class 22 entries are values the database could not
 * take: 22001 too long, 22003 number out of range, 22007/22008 bad or out-of-range date/time, 22021 a character
 * the encoding cannot hold (NUL), 22023 invalid parameter (e.g. an unknown time zone), 22025 bad LIKE escape,
 * 2201B bad regular expression, 22P02 bad literal (uuid, integer…), 22P05 untranslatable character.
 */
const PG_CODES: Record<string, string> = {
  '23505': 'CONFLICT',
  '40001': 'CONFLICT',
  '40P01': 'CONFLICT',
  '55P03': 'CONFLICT',
  '22001': 'VALIDATION_FAILED',
  '22003': 'VALIDATION_FAILED',
  '22007': 'VALIDATION_FAILED',
  '22008': 'VALIDATION_FAILED',
  '22021': 'VALIDATION_FAILED',
  '22023': 'VALIDATION_FAILED',
  '22025': 'VALIDATION_FAILED',
  '2201B': 'VALIDATION_FAILED',
  '22P02': 'VALIDATION_FAILED',
  '22P05': 'VALIDATION_FAILED',
};

/** The SQLSTATE of a database error, also when the query layer wraps it (drizzle's DrizzleQueryError keeps it in `cause`). */
function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function toProblem(error: unknown, req: FastifyRequest): Problem {
  if (error instanceof DomainError) return fromDomainError(error, req);
  const err = error as FastifyError & { code?: string };
  if (hasZodFastifySchemaValidationErrors(err) || (err.validation && err.validation.length > 0)) return fromValidation(err, req);
  const state = sqlState(err);
  const pg = state ? PG_CODES[state] : undefined;
  if (pg) return fromDomainError(domainError(pg), req);
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
    const title = status === 413 ? '上传内容过大' : undefined;
    return fromDomainError(domainError(code, { status, ...(title ? { title } : {}), detail: title ?? domainError(code).title }), req);
  }
  return fromDomainError(domainError('INTERNAL', { status: 500 }), req);
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  // RFC 9110 §10.2.3: a 429 says when to come back.
  if (problem.status === 429 && typeof problem.retryAfterSeconds === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(problem.retryAfterSeconds))));
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const problem = toProblem(error, req);
    // The error code and the SQLSTATE, never the SQL's bind values (see src/http/logging.ts).
    const sqlState = databaseErrorOf(error)?.code;
    const fields = { code: problem.code, status: problem.status, ...(sqlState ? { sqlState } : {}) };
    if (problem.status >= 500) req.log.error({ ...fields, err: error }, 'request failed');
    else req.log.info(fields, 'request refused');
    return sendProblem(reply, problem);
  });
}
