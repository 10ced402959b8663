/**
 * 组织机构代码 (organisation code) — GB 11714-1997 (domain §4.6): 8 body characters [0-9A-Z] + 1 check character,
 * often printed as XXXXXXXX-X. It is the 9-character body of the 统一社会信用代码 and of the 医疗机构执业许可证登记号.
 */
import { IdentifierErrors } from './identifier-errors';

// GB 11714-1997: value of a body character = its index in 0-9A-Z; weights 3 7 9 10 5 8 4 2;
// C9 = 11 − (Σ mod 11), where 10 is written 'X' and 11 is written '0'.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export const ORGANIZATION_CODE_PATTERN = /^[0-9A-Z]{8}-?[0-9X]$/;

/** The check character of an 8-character organisation-code body. */
export function organizationCodeCheckChar(first8: string): string {
  const body = first8.toUpperCase();
  if (!/^[0-9A-Z]{8}$/.test(body)) {
    throw IdentifierErrors.ORGANIZATION_CODE_INVALID({ detail: '组织机构代码本体应为8位数字或大写字母' });
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ALPHABET.indexOf(body[i]!) * WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Whether `s` is a valid organisation code, written 'XXXXXXXX-X' or as 9 characters (case-insensitive). */
export function isValidOrganizationCode(s: string): boolean {
  const code = s.trim().toUpperCase();
  if (!ORGANIZATION_CODE_PATTERN.test(code)) return false;
  return organizationCodeCheckChar(code.slice(0, 8)) === code.slice(-1);
}

/** The 9-character form without the hyphen, upper-case. */
export function normalizeOrganizationCode(s: string): string {
  return s.trim().toUpperCase().replace('-', '');
}
