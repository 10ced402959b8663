/**
 * 居民身份证号码 (resident ID number) — GB 11643-1999 公民身份号码 (domain §4.4).
 * Layout: 6-digit address code + 8-digit birth date YYYYMMDD + 3-digit sequence (odd = male) + check character.
 * The address code is NOT checked against GB/T 2260: codes of abolished areas stay valid in old IDs.
 */
import { z } from 'zod';
import { isRealDate, todayInChina, type IsoDate } from '../calendar/iso-date';
import { IdentifierErrors } from './identifier-errors';

export type Sex = 'male' | 'female';

export interface ResidentId {
  /** Normalised 18 characters, upper-case X. */
  idNumber: string;
  birthDate: IsoDate;
  sex: Sex;
  /** The 6-digit address code (户籍所在地 at issue). */
  areaCode: string;
}

export type ResidentIdFailure = 'format' | 'checksum' | 'birth_date';
export type ResidentIdResult = { ok: true; value: ResidentId } | { ok: false; reason: ResidentIdFailure };

/** What each failure tells the user, after '身份证号无效：'. */
export const RESIDENT_ID_FAILURE_TEXT = {
  format: '格式不正确（应为18位，前17位为数字，最后一位为数字或X）',
  checksum: '校验码不正确，请逐位核对',
  birth_date: '出生日期不正确',
} as const satisfies Record<ResidentIdFailure, string>;

// GB 11643-1999 校验码: ISO 7064 MOD 11-2, weights Wi = 2^(18-i) mod 11 over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const ID18 = /^\d{17}[\dX]$/;
const ID15 = /^\d{15}$/;
/** Birth dates before this are taken as errors (no living applicant was born earlier). */
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The GB 11643 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw IdentifierErrors.ID_NUMBER_INVALID({ detail: '计算校验码需要17位数字', path: ['idNumber'], extra: { reason: 'format' } });
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Upgrades a 15-digit ID (issued before 1999, birth year written as YY of the 1900s)
 * to 18 characters: insert '19' after the address code and append the check character.
 */
export function upgradeResidentId15(id15: string): string {
  const s = id15.trim();
  if (!ID15.test(s)) throw IdentifierErrors.ID_NUMBER_INVALID({ detail: '15位身份证号应为15位数字', path: ['idNumber'], extra: { reason: 'format' } });
  const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

function birthDateOf(id18: string, today: IsoDate): IsoDate | undefined {
  const y = Number(id18.slice(6, 10));
  const m = Number(id18.slice(10, 12));
  const d = Number(id18.slice(12, 14));
  if (!isRealDate(y, m, d)) return undefined;
  const iso = `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
  return iso < EARLIEST_BIRTH_DATE || iso > today ? undefined : iso;
}

/**
 * Parses and validates an ID number (18 characters, or the old 15 digits which are upgraded).
 * Surrounding spaces and a lower-case x are accepted. Checks: format, a real birth date
 * (not before 1900, not after today in Beijing time), then the check character.
 */
export function parseResidentId(input: string, opts: { today?: IsoDate } = {}): ResidentIdResult {
  const s = input.trim().toUpperCase();
  const today = opts.today ?? todayInChina();
  let id18: string;
  if (ID18.test(s)) id18 = s;
  else if (ID15.test(s)) id18 = `${s.slice(0, 6)}19${s.slice(6)}`; // check character added below
  else return { ok: false, reason: 'format' };

  const birthDate = birthDateOf(id18, today);
  if (!birthDate) return { ok: false, reason: 'birth_date' };
  if (s.length === 15) id18 = id18 + residentIdCheckChar(id18);
  else if (residentIdCheckChar(id18.slice(0, 17)) !== id18[17]) return { ok: false, reason: 'checksum' };

  return {
    ok: true,
    value: {
      idNumber: id18,
      birthDate,
      // GB 11643-1999 顺序码: odd for men, even for women.
      sex: Number(id18[16]) % 2 === 1 ? 'male' : 'female',
      areaCode: id18.slice(0, 6),
    },
  };
}

/** Parses an ID or throws ID_NUMBER_INVALID (path ['idNumber'], extra.reason = format | checksum | birth_date). */
export function assertResidentId(input: string, opts: { today?: IsoDate; path?: (string | number)[] } = {}): ResidentId {
  const r = parseResidentId(input, opts);
  if (r.ok) return r.value;
  throw IdentifierErrors.ID_NUMBER_INVALID({
    detail: `身份证号无效：${RESIDENT_ID_FAILURE_TEXT[r.reason]}`,
    path: opts.path ?? ['idNumber'],
    extra: { reason: r.reason },
  });
}

/**
 * Masks an ID for display: keeps the first 6 (area) and last 4 characters,
 * e.g. 110105********002X. Too-short input is masked entirely.
 */
export function maskResidentId(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

/**
 * Form and API schema: trims, upper-cases, validates and outputs the normalised 18-character ID
 * (a 15-digit ID comes out upgraded).
 */
export const residentIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const r = parseResidentId(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `身份证号无效：${RESIDENT_ID_FAILURE_TEXT[r.reason]}`, params: { reason: r.reason, errorCode: 'ID_NUMBER_INVALID' } });
  })
  .transform((value) => {
    const r = parseResidentId(value);
    return r.ok ? r.value.idNumber : value;
  });

/**
 * Test and demo helper: builds a valid 18-character ID.
 * Defaults: area 110101 (北京市东城区), born 1980-01-01, sequence 1 (male; an even sequence is female).
 */
export function makeResidentId(opts: { areaCode?: string; birthDate?: IsoDate | string; seq?: number | string } = {}): string {
  const areaCode = opts.areaCode ?? '110101';
  const birth = (opts.birthDate ?? '1980-01-01').replace(/-/g, '');
  const seq = String(opts.seq ?? 1).padStart(3, '0');
  const first17 = `${areaCode}${birth}${seq}`;
  if (!/^\d{6}$/.test(areaCode) || !/^\d{8}$/.test(birth) || !/^\d{3}$/.test(seq)) {
    throw IdentifierErrors.ID_NUMBER_INVALID({ detail: `无法生成身份证号：${first17}`, extra: { reason: 'format' } });
  }
  return first17 + residentIdCheckChar(first17);
}
