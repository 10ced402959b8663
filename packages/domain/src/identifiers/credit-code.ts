/**
 * 统一社会信用代码 (unified social credit code) — GB 32100-2015 (domain §4.5):
 * 1 registration-department code + 1 organisation-type code + 6-digit GB/T 2260 area of the registering
 * authority + 9-character organisation code (GB 11714) + 1 check character.
 */
import { IdentifierErrors } from './identifier-errors';
import { organizationCodeCheckChar } from './organization-code';

// GB 32100-2015 代码字符集: digits and upper-case letters without I, O, Z, S, V; values 0–30.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 校验码: Wi = 3^(i−1) mod 31; C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Shown when the format is right but the check character is not (§4.5 caveat). */
export const CREDIT_CODE_CHECKSUM_WARNING =
  '统一社会信用代码校验位不符。部分早期试点地区赋予的代码不满足校验规则但合法有效，请核对登记证书原件后再提交。';

export interface CreditCodeCheck {
  /** The format is right (18 characters of the GB 32100 character set). */
  valid: boolean;
  /** The check character is right as well. */
  checksumOk: boolean;
  warning?: string;
}

/** The GB 32100 check character of the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  const s = first17.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/.test(s)) {
    throw IdentifierErrors.CREDIT_CODE_INVALID({ detail: '计算校验码需要统一社会信用代码的前17位' });
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(s[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Checks a credit code. A wrong format makes it invalid; a wrong check character only warns,
 * because some early pilot-area codes (e.g. 福建) are legally valid without it (§4.5).
 */
export function checkCreditCode(s: string): CreditCodeCheck {
  const code = s.trim().toUpperCase();
  if (!CREDIT_CODE_PATTERN.test(code)) return { valid: false, checksumOk: false };
  if (creditCodeCheckChar(code.slice(0, 17)) === code[17]) return { valid: true, checksumOk: true };
  return { valid: true, checksumOk: false, warning: CREDIT_CODE_CHECKSUM_WARNING };
}

/**
 * Demo and test helper: builds a valid credit code whose organisation-code part is valid too.
 * Defaults: 12 (机构编制 → 事业单位, a public hospital), area 110101, body 00000001.
 */
export function makeCreditCode(opts: { department?: string; orgType?: string; areaCode?: string; organizationBody?: string } = {}): string {
  const department = opts.department ?? '1';
  const orgType = opts.orgType ?? '2';
  const areaCode = opts.areaCode ?? '110101';
  const body = (opts.organizationBody ?? '00000001').toUpperCase();
  const first17 = `${department}${orgType}${areaCode}${body}${organizationCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}
