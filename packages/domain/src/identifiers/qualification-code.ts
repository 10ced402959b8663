/**
 * 医师资格证书编码 (qualification certificate code), domain §4.1: 27 characters =
 * year (4) + province (2, GB/T 2260) + level digit (1) + category (2) + the holder's 18-character ID.
 * The legacy form has 24 characters with the 15-digit ID. Positions 7–9 form the 3-digit exam category code (§4.3).
 * The code is treated as opaque apart from the ID: unknown category codes are not refused,
 * because the tables changed over the years.
 */
import { PHYSICIAN_LEVEL_INFO, type PhysicianLevel } from '../reference/physician-levels';
import { PRACTICE_CATEGORY_INFO, type PracticeCategory } from '../reference/practice-categories';
import { IdentifierErrors } from './identifier-errors';
import { parseResidentId } from './resident-id';

export interface QualificationCode {
  /** Positions 1–4, as written (normally the year the qualification was obtained). */
  year: string;
  /** Positions 5–6: the GB/T 2260 province prefix of the exam or registration place. */
  provinceCode: string;
  /** Position 7: 1 = 执业医师, 2 = 执业助理医师 (not checked). */
  levelDigit: string;
  /** Positions 8–9: the exam category (not checked). */
  categoryCode: string;
  /** The holder's ID, normalised to 18 characters (a 15-digit legacy ID comes out upgraded). */
  idNumber: string;
}

export type QualificationCodeFailure = 'format' | 'id_mismatch' | 'id_invalid';
export type QualificationCodeResult = { ok: true; value: QualificationCode } | { ok: false; reason: QualificationCodeFailure };

export const QUALIFICATION_CODE_FAILURE_TEXT = {
  format: '资格证书编码应为27位数字或字母（旧证为24位）',
  id_invalid: '资格证书编码中的身份证号无效',
  id_mismatch: '资格证书编码与本人身份证号不一致',
} as const satisfies Record<QualificationCodeFailure, string>;

const CODE27 = /^[0-9A-Za-z]{27}$/;
const CODE24 = /^[0-9A-Za-z]{24}$/;

/**
 * Parses a qualification code. With `holderIdNumber`, the embedded ID must equal the holder's
 * (case-insensitively, and after upgrading a 15-digit ID on either side).
 */
export function parseQualificationCode(code: string, holderIdNumber?: string): QualificationCodeResult {
  const s = code.trim();
  if (!CODE27.test(s) && !CODE24.test(s)) return { ok: false, reason: 'format' };
  const id = parseResidentId(s.slice(9));
  if (!id.ok) return { ok: false, reason: 'id_invalid' };
  if (holderIdNumber !== undefined) {
    const holder = parseResidentId(holderIdNumber);
    const holderId = holder.ok ? holder.value.idNumber : holderIdNumber.trim().toUpperCase();
    if (holderId !== id.value.idNumber) return { ok: false, reason: 'id_mismatch' };
  }
  return {
    ok: true,
    value: { year: s.slice(0, 4), provinceCode: s.slice(4, 6), levelDigit: s.slice(6, 7), categoryCode: s.slice(7, 9).toUpperCase(), idNumber: id.value.idNumber },
  };
}

/**
 * Demo and test helper: builds a 27-character code. `provinceCode` may be 'PP' or a 6-digit area code;
 * the category's 2 digits default to PRACTICE_CATEGORY_INFO[category].categoryCode (10/20/30/40),
 * override with `categoryCode` (e.g. '50' for 中西医结合 since 2015).
 */
export function makeQualificationCode(opts: {
  year: number | string;
  provinceCode: string;
  level: PhysicianLevel;
  category: PracticeCategory;
  idNumber: string;
  categoryCode?: string;
}): string {
  const year = String(opts.year);
  const province = opts.provinceCode.slice(0, 2);
  const categoryCode = opts.categoryCode ?? PRACTICE_CATEGORY_INFO[opts.category].categoryCode;
  const id = parseResidentId(opts.idNumber);
  if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(province) || !/^\d{2}$/.test(categoryCode) || !id.ok) {
    throw IdentifierErrors.QUALIFICATION_CODE_INVALID({ detail: '无法生成资格证书编码：年份、省份、类别或身份证号无效' });
  }
  return `${year}${province}${PHYSICIAN_LEVEL_INFO[opts.level].digit}${categoryCode}${id.value.idNumber}`;
}
