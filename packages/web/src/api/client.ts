/**
 * The one way the web app talks to the server.
 *
 * - JSON in and out, cookies sent (`credentials: 'same-origin'`).
 * - Unsafe methods (POST/PUT/PATCH/DELETE) echo the session's CSRF token in `x-csrf-token`;
 *   the token is kept in memory, set from `GET /api/v1/session` (see src/session/).
 * - Every refusal arrives as RFC 9457 `application/problem+json` and is thrown as an `ApiError`.
 *
 *   const data = await api.get<{ items: Region[] }>('/api/v1/reference/regions/provinces');
 *   await api.post('/api/v1/applications', values);
 *   await api.upload('/api/v1/blobs', formData);
 */
import type { FormInstance } from 'antd';

/** One field-level problem, `path` as in the request body (`['idNumber']`, `['experiences', 0, 'unit']`). */
export interface ProblemFieldError {
  path: (string | number)[];
  message: string;
  code?: string;
}

/** An RFC 9457 problem document as the server sends it. */
export interface Problem {
  type?: string;
  code: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extra: string]: unknown;
}

/** A refused or failed request. `code` is the server's stable error code; show `detail` to people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: ProblemFieldError[];
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail || problem.title;
    this.errors = problem.errors ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const CSRF_HEADER = 'x-csrf-token';
let csrfToken: string | null = null;

/** Called by the session layer whenever it learns the current session (null when signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Appended as a query string; null/undefined/'' values are left out. */
  query?: Record<string, QueryValue | QueryValue[]>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === null || v === undefined || v === '') continue;
      params.append(key, String(v));
    }
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function networkProblem(): Problem {
  return { code: 'NETWORK_ERROR', title: '网络连接失败', status: 0, detail: '网络连接失败，请检查网络后重试。' };
}

async function problemFrom(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (body && typeof body === 'object' && (body.detail || body.title)) {
        return {
          ...body,
          code: body.code ?? `HTTP_${response.status}`,
          title: body.title ?? '请求未成功',
          status: body.status ?? response.status,
          detail: body.detail ?? body.title ?? '请求未成功',
        };
      }
    } catch {
      // fall through to the generic problem below
    }
  }
  const detail =
    response.status === 404 ? '请求的资源不存在。'
      : response.status >= 500 ? `服务器暂时无法处理请求（${response.status}），请稍后重试。`
        : `请求未成功（${response.status}）。`;
  return { code: response.status === 404 ? 'NOT_FOUND' : `HTTP_${response.status}`, title: '请求未成功', status: response.status, detail };
}

/** Body shapes the client can send: JSON-serialisable values, or FormData for multipart uploads. */
type Body = unknown;

async function send(method: Method, path: string, body: Body, options: RequestOptions, retried: boolean): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    // The interface is Chinese, so problem titles should be too, whatever the browser's language.
    'accept-language': 'zh-CN',
    ...options.headers,
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(networkProblem());
  }

  // A stale CSRF token (e.g. the session was renewed in another tab): learn the current one, retry once.
  if (!retried && method !== 'GET' && response.status === 403) {
    const problem = await problemFrom(response.clone());
    if (problem.code === 'CSRF_INVALID' && (await refreshCsrfToken())) {
      return send(method, path, body, options, true);
    }
  }
  return response;
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch('/api/v1/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) return false;
    const session = (await response.json()) as { authenticated: boolean; csrfToken?: string };
    setCsrfToken(session.authenticated && session.csrfToken ? session.csrfToken : null);
    return Boolean(csrfToken);
  } catch {
    return false;
  }
}

async function request<T>(method: Method, path: string, body?: Body, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, body, options, false);
  if (!response.ok) throw new ApiError(await problemFrom(response));
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await response.text()) as T;
  return (await response.json()) as T;
}

async function requestBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send('GET', path, undefined, options, false);
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return response.blob();
}

/** A multipart POST whose success is a file (e.g. a workbook generated once); refusals still throw ApiError. */
async function uploadForBlob(path: string, form: FormData, options: RequestOptions = {}): Promise<{ blob: Blob; headers: Headers }> {
  const response = await send('POST', path, form, options, false);
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return { blob: await response.blob(), headers: response.headers };
}

/** Paths are absolute, as the server declares them: `/api/v1/...`. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: Body, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: Body, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: Body, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, body?: Body, options?: RequestOptions) => request<T>('DELETE', path, body, options),
  /** Multipart upload (scanned materials, photos); the CSRF header is sent as for any POST. */
  upload: <T>(path: string, form: FormData, options?: RequestOptions & { method?: 'POST' | 'PUT' }) =>
    request<T>(options?.method ?? 'POST', path, form, options),
  /** A binary download (e.g. a generated PDF) as a Blob; refusals still throw ApiError. */
  blob: (path: string, options?: RequestOptions) => requestBlob(path, options),
  /** Multipart upload answered with a file (the body as a Blob, with the response headers). */
  uploadForBlob: (path: string, form: FormData, options?: RequestOptions) => uploadForBlob(path, form, options),
};

/**
 * Puts a problem's field errors next to the matching antd Form fields (`form.setFields`).
 * Form.Item `name`s are the API field names, so `errors[].path` names the field: the full path is
 * tried first (nested lists), then its first element. Returns the errors that matched no field,
 * so the caller can show them elsewhere.
 */
export function applyProblemToForm(form: FormInstance, error: unknown): ProblemFieldError[] {
  if (!isApiError(error) || error.errors.length === 0) return [];
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: ProblemFieldError[] = [];
  for (const e of error.errors) {
    const candidates = [e.path, e.path.slice(0, 1)].filter((p) => p.length > 0);
    const name = candidates.find((p) => registered.has(JSON.stringify(p)));
    if (!name) {
      unmatched.push(e);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(e.message)) entry.errors.push(e.message);
    byField.set(key, entry);
  }
  if (byField.size > 0) form.setFields([...byField.values()]);
  return unmatched;
}

/** The sentence to show a person for any thrown value. */
export function errorDetail(error: unknown): string {
  if (isApiError(error)) return error.detail;
  return '操作未成功，请稍后重试。';
}
