import { z } from 'zod';

/**
 * A query-string field that must not be there: a 身份证号, phone number or e-mail in a URL ends up in access
 * logs, proxies and browser history. The route answers 400 with the field's path and names the POST search
 * that takes it in the request body instead.
 */
export function notInUrl(what: string, searchPath: string) {
  return z.never(`${what}不能放在网址中，请在请求体中提交查询（POST ${searchPath}）`).optional();
}
