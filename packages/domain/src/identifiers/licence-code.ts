/**
 * 医师执业证书编码 (practice certificate code), domain §4.2 — 15 digits, read from real certificates [I]:
 * level digit (1 执业医师, 2 执业助理医师) + 2-digit category (10 临床, 20 口腔, 30 公共卫生, 40 中医; see
 * practice-categories.ts for the choice) + 6-digit GB/T 2260 code of the issuing authority's area + 6-digit serial.
 */
import { PHYSICIAN_LEVEL_INFO, physicianLevelFromDigit, type PhysicianLevel } from '../reference/physician-levels';
import { PRACTICE_CATEGORY_INFO, practiceCategoryFromCode, type PracticeCategory } from '../reference/practice-categories';
import { IdentifierErrors } from './identifier-errors';

export const LICENCE_CODE_PATTERN = /^\d{15}$/;
export const LICENCE_SERIAL_MAX = 999_999;

export interface LicenceCodeParts {
  level: PhysicianLevel;
  category: PracticeCategory;
  /** GB/T 2260 code of the issuing authority's area (county, city or province). */
  areaCode: string;
}

export interface LicenceCode extends LicenceCodeParts {
  code: string;
  /** The 2 digits as written (41/42 are older 中医-class codes). */
  categoryCode: string;
  serial: number;
}

export type LicenceCodeFailure = 'format' | 'level' | 'category';
export type LicenceCodeResult = { ok: true; value: LicenceCode } | { ok: false; reason: LicenceCodeFailure };

/** The first 9 digits: level + category + issuing area. Serials are counted per prefix. */
export function licenceCodePrefix(parts: LicenceCodeParts): string {
  if (!/^\d{6}$/.test(parts.areaCode)) throw IdentifierErrors.REGION_CODE_INVALID({ detail: `发证机关行政区划代码无效：${parts.areaCode}` });
  return `${PHYSICIAN_LEVEL_INFO[parts.level].digit}${PRACTICE_CATEGORY_INFO[parts.category].categoryCode}${parts.areaCode}`;
}

/** The full 15-digit code; `serial` is 1–999999. */
export function formatLicenceCode(parts: LicenceCodeParts & { serial: number }): string {
  if (!Number.isInteger(parts.serial) || parts.serial < 1 || parts.serial > LICENCE_SERIAL_MAX) {
    throw IdentifierErrors.LICENCE_CODE_INVALID({ detail: `执业证书编码序号应为1–${LICENCE_SERIAL_MAX}：${parts.serial}` });
  }
  return licenceCodePrefix(parts) + String(parts.serial).padStart(6, '0');
}

export function parseLicenceCode(s: string): LicenceCodeResult {
  const code = s.trim();
  if (!LICENCE_CODE_PATTERN.test(code)) return { ok: false, reason: 'format' };
  const level = physicianLevelFromDigit(code[0]!);
  if (!level) return { ok: false, reason: 'level' };
  const categoryCode = code.slice(1, 3);
  const category = practiceCategoryFromCode(categoryCode);
  if (!category) return { ok: false, reason: 'category' };
  return { ok: true, value: { code, level, category, categoryCode, areaCode: code.slice(3, 9), serial: Number(code.slice(9)) } };
}
