import type { FastifyServerOptions } from 'fastify';

/**
 * Log hygiene (issue 7 point 3): no personal data in logs.
 *
 * - Request URLs are logged without their query string (a query may carry a phone number, an e-mail, a name).
 * - Errors are serialised without the SQL text, bind values, `detail` or message of database errors (they carry
 *   argon2 hashes, names, ID numbers): only the SQLSTATE, constraint, table and column, and the stack frames.
 * - Known personal fields are redacted wherever a log call passes them, one or two levels deep.
 */

/** Fields that hold personal data or secrets; redacted at the top level and one or two levels deep. */
const PII_FIELDS = [
  'idNumber', 'phone', 'email', 'password', 'confirmPassword', 'newPassword', 'oldPassword', 'currentPassword',
  'certCode', 'admissionTicketNo', 'captchaAnswer', 'signupToken', 'token', 'recipient',
  'name', 'physicianName', 'displayName',
  // The SQL of a failed query and its bind values.
  'params', 'parameters', 'query', 'detail',
];

/** `code` is our own error code at the top level of a log line; nested (a request body, a message) it is an SMS or activation code. */
const NESTED_ONLY = ['code', 'body'];

const HEADERS = ['cookie', 'authorization', '["x-csrf-token"]', '["set-cookie"]'];

function nested(field: string): string {
  return field.startsWith('[') ? field : `.${field}`;
}

export const REDACT_PATHS: string[] = [
  ...PII_FIELDS.flatMap((f) => [f, `*${nested(f)}`, `*.*${nested(f)}`]),
  ...NESTED_ONLY.flatMap((f) => [`*${nested(f)}`, `*.*${nested(f)}`]),
  ...HEADERS.flatMap((h) => [`req.headers${nested(h)}`, `res.headers${nested(h)}`, `headers${nested(h)}`]),
];

/** The path of a URL, without query string or fragment. */
export function pathOnly(url: string | undefined): string | undefined {
  return url?.split(/[?#]/, 1)[0];
}

interface DbErrorLike {
  code: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
  dataType?: string;
  routine?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function isDbError(e: unknown): e is DbErrorLike {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  return typeof o.code === 'string' && SQLSTATE.test(o.code) && ('severity' in o || 'routine' in o || 'query' in o);
}

/** The database error inside `error` (drizzle wraps the driver's error in `cause`), if any. */
export function databaseErrorOf(error: unknown): DbErrorLike | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if (isDbError(e)) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether `error` is a failed query (a drizzle wrapper or a driver error): its message holds SQL and values. */
function isQueryFailure(error: Error): boolean {
  return error.name === 'DrizzleQueryError' || error.message.startsWith('Failed query:') || databaseErrorOf(error) !== undefined;
}

/** Only the "    at …" lines: the first line of a stack repeats the message. */
function framesOnly(stack: string | undefined): string | undefined {
  return stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
}

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  sqlState?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  errorCode?: string;
  statusCode?: number;
  cause?: SerializedError | string;
}

/** An error as it may appear in a log: a database error says where it failed, never with which values. */
export function serializeError(error: unknown, depth = 0): SerializedError | string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error.slice(0, 200) : typeof error;
  const type = error.constructor?.name ?? error.name;
  if (isQueryFailure(error)) {
    const db = databaseErrorOf(error);
    return {
      type,
      message: `database error${db ? ` ${db.code}` : ''}`,
      stack: framesOnly(error.stack),
      ...(db ? {
        sqlState: db.code,
        ...(db.constraint ? { constraint: db.constraint } : {}),
        ...(db.table ? { table: db.table } : {}),
        ...(db.column ? { column: db.column } : {}),
        ...(db.routine ? { routine: db.routine } : {}),
      } : {}),
    };
  }
  const e = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    type,
    message: error.message,
    stack: error.stack,
    ...(typeof e.code === 'string' ? { errorCode: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
  host?: string;
  socket?: { remotePort?: number };
}

export const LOG_SERIALIZERS = {
  req: (req: RequestLike) => ({
    method: req.method,
    url: pathOnly(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
  err: (err: unknown) => serializeError(err),
  error: (err: unknown) => serializeError(err),
};

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/**
 * The logger options of the app: whatever the caller asks for (level, destination stream), with the
 * serialisers and redaction above always on top.
 */
export function safeLoggerOptions(given: boolean | object | undefined): false | LoggerOptions {
  if (!given) return false;
  const base = (given === true ? {} : given) as LoggerOptions & { redact?: unknown; serializers?: Record<string, unknown> };
  const extra = Array.isArray(base.redact) ? (base.redact as string[]) : [];
  return {
    ...base,
    serializers: { ...base.serializers, ...LOG_SERIALIZERS },
    redact: { paths: [...REDACT_PATHS, ...extra], censor: '[REDACTED]' },
  } as unknown as LoggerOptions;
}
