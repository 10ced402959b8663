/**
 * One error type for every refusal medreg gives: a stable `code`, an HTTP status,
 * a Chinese message (English where the client asks), and an optional field path.
 * The server maps it to RFC 9457 problem+json in one error handler; the web shows `detail`.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly titleEn: string;
  /** Field path of the invalid input, e.g. ['idNumber'] or ['scopes', 1]. */
  readonly path: (string | number)[] | undefined;
  /** Extra machine-readable facts for the client (e.g. the actions allowed now). */
  readonly extra: Record<string, unknown> | undefined;

  constructor(opts: {
    code: string;
    status: number;
    title: string;
    titleEn?: string;
    detail?: string;
    path?: (string | number)[];
    extra?: Record<string, unknown>;
  }) {
    super(opts.detail ?? opts.title);
    this.name = 'DomainError';
    this.code = opts.code;
    this.status = opts.status;
    this.title = opts.title;
    this.titleEn = opts.titleEn ?? opts.code;
    this.path = opts.path;
    this.extra = opts.extra;
  }
}

export type ErrorSpec = { status: number; zh: string; en: string };
export type ErrorOptions = { detail?: string; path?: (string | number)[]; extra?: Record<string, unknown> };

export function spec(status: number, zh: string, en: string): ErrorSpec {
  return { status, zh, en };
}

/**
 * Defines an area's error codes once and returns a factory per code:
 * `const AccountErrors = defineErrors({ LOGIN_NAME_TAKEN: spec(409, '登录名已被使用', 'Login name taken') })`
 * then `throw AccountErrors.LOGIN_NAME_TAKEN({ path: ['loginName'] })`.
 */
/** Every code defined anywhere, so a code met elsewhere (e.g. in a zod issue) finds its texts. */
const REGISTRY = new Map<string, ErrorSpec>();

export function defineErrors<T extends Record<string, ErrorSpec>>(specs: T): { [K in keyof T]: (opts?: ErrorOptions) => DomainError } {
  const out = {} as { [K in keyof T]: (opts?: ErrorOptions) => DomainError };
  for (const code of Object.keys(specs) as (keyof T & string)[]) {
    const s = specs[code]!;
    REGISTRY.set(code, s);
    out[code] = (opts: ErrorOptions = {}) =>
      new DomainError({ code, status: s.status, title: s.zh, titleEn: s.en, ...opts });
  }
  return out;
}

/** Codes shared by every area. Each area defines its own with `defineErrors` in its folder. */
export const ERROR_CODES = {
  VALIDATION_FAILED: spec(400, '输入有误，请检查后重试', 'Invalid input'),
  NOT_FOUND: spec(404, '未找到该记录', 'Not found'),
  UNAUTHENTICATED: spec(401, '请先登录', 'Please log in'),
  FORBIDDEN: spec(403, '无权进行此操作', 'Forbidden'),
  CSRF_INVALID: spec(403, '页面已过期，请刷新后重试', 'CSRF token invalid'),
  CONFLICT: spec(409, '记录已被他人修改，请刷新后重试', 'Conflict'),
  WORKFLOW_ACTION_NOT_ALLOWED: spec(409, '当前状态不允许此操作', 'Action not allowed in the current state'),
  RATE_LIMITED: spec(429, '操作过于频繁，请稍后再试', 'Too many requests'),
  INTERNAL: spec(500, '系统繁忙，请稍后再试', 'Internal error'),
} as const satisfies Record<string, ErrorSpec>;

export const CommonErrors = defineErrors(ERROR_CODES);

/** Creates a DomainError for a catalogue code or an ad-hoc one with its own texts. */
export function domainError(
  code: string,
  opts: { status?: number; title?: string; titleEn?: string; detail?: string; path?: (string | number)[]; extra?: Record<string, unknown> } = {},
): DomainError {
  const known = REGISTRY.get(code);
  return new DomainError({
    code,
    status: opts.status ?? known?.status ?? 400,
    title: opts.title ?? known?.zh ?? code,
    titleEn: opts.titleEn ?? known?.en ?? code,
    detail: opts.detail,
    path: opts.path,
    extra: opts.extra,
  });
}
