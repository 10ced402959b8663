import svgCaptcha from 'svg-captcha';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { captchas } from '../../db/schema/index';
import { safeEqual, sha256 } from '../../security/tokens';
import { AccountErrors } from './errors';

const TTL_MS = 5 * 60 * 1000;
/** Answer accepted when MEDREG_TEST_CAPTCHA is on (never in production: the config refuses it). */
export const TEST_CAPTCHA_ANSWER = 'test';

function answerHash(answer: string): Buffer {
  return sha256(answer.trim().toLowerCase());
}

/** Issues an image captcha; only the hash of its answer is stored, in the database. */
export async function issueCaptcha(c: Ctx): Promise<{ id: string; svg: string; testAnswer?: string }> {
  const captcha = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1ilI', color: true, background: '#f4f6fa' });
  const now = c.now();
  await c.tx.delete(captchas).where(lt(captchas.expiresAt, now));
  const [row] = await c.tx
    .insert(captchas)
    .values({ answerHash: answerHash(captcha.text), expiresAt: new Date(now.getTime() + TTL_MS) })
    .returning({ id: captchas.id });
  return { id: row!.id, svg: captcha.data, ...(c.config.MEDREG_TEST_CAPTCHA ? { testAnswer: captcha.text } : {}) };
}

/** Checks and consumes a captcha (single use). Throws CAPTCHA_INVALID. */
export async function consumeCaptcha(c: Ctx, id: string, answer: string, path: string[] = ['captchaAnswer']): Promise<void> {
  const [row] = await c.tx
    .delete(captchas)
    .where(and(eq(captchas.id, id), gt(captchas.expiresAt, c.now())))
    .returning({ answerHash: captchas.answerHash });
  const ok = row !== undefined && (safeEqual(row.answerHash, answerHash(answer)) || (c.config.MEDREG_TEST_CAPTCHA && answer === TEST_CAPTCHA_ANSWER));
  if (!ok) throw AccountErrors.CAPTCHA_INVALID({ path });
}
