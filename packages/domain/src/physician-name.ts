/**
 * Real name (实名) as printed on the 居民身份证 — seed step 4: 「姓名是您的个人真实姓名而不是用户名」.
 * Chinese characters only (CJK Unified Ideographs in all extensions, so rare characters 生僻字 from
 * Extension B onward are accepted too), 2–30 characters. Names of some ethnic minorities separate their
 * parts with a middle dot (GB 18030 / 公安部 usage: U+00B7 「·」); look-alike dots are normalised to it.
 */
import { z } from 'zod';

export const PHYSICIAN_NAME_MESSAGE = '姓名须为身份证上的真实姓名（汉字，少数民族姓名可用“·”分隔）';
export const PHYSICIAN_NAME_LENGTH = { min: 2, max: 30 } as const;

const MIDDLE_DOT = '\u00B7';
/** • BULLET, ・ KATAKANA MIDDLE DOT, ‧ HYPHENATION POINT, ･ HALFWIDTH KATAKANA MIDDLE DOT. */
const LOOKALIKE_DOTS = /[\u2022\u30FB\u2027\uFF65]/g;
const NAME = /^\p{Unified_Ideograph}+(?:\u00B7\p{Unified_Ideograph}+)*$/u;

/** Trims and turns look-alike middle dots into U+00B7. */
export function normalizePhysicianName(name: string): string {
  return name.trim().replace(LOOKALIKE_DOTS, MIDDLE_DOT);
}

export function isValidPhysicianName(name: string): boolean {
  const s = normalizePhysicianName(name);
  const length = [...s].length; // code points: an Extension B character is one character
  return length >= PHYSICIAN_NAME_LENGTH.min && length <= PHYSICIAN_NAME_LENGTH.max && NAME.test(s);
}

export const physicianNameSchema = z
  .string()
  .transform(normalizePhysicianName)
  .refine(isValidPhysicianName, { error: PHYSICIAN_NAME_MESSAGE });
