import svgCaptcha from 'svg-captcha';
import { and, eq, gt } from 'drizzle-orm';
import { reading, type Ctx, type Deps } from '../../context';
import { captchas } from '../../db/schema/index';
import { hitRateLimit } from '../../security/rate-limit';
import { safeEqual, sha256 } from '../../security/tokens';
import { AccountErrors } from './errors';

const TTL_MS = 5 * 60 * 1000;
/** Answer accepted when MEDREG_TEST_CAPTCHA is on (never in production: the config refuses it). */
export const TEST_CAPTCHA_ANSWER = 'test';
/** Captchas one client address may fetch per minute (each is a row until it expires or the cleanup job runs). */
export const CAPTCHA_RATE_LIMIT = { hits: 60, windowSeconds: 60 };

function answerHash(answer: string): Buffer {
  return sha256(answer.trim().toLowerCase());
}

/**
 * Issues an image captcha; only the hash of its answer is stored, in the database. Rate limited per client
 * (counted outside any transaction, so that the refusal does not roll the count back); expired rows are
 * deleted by the cleanup job.
 */
export async function issueCaptcha(deps: Deps, client: { ip: string }): Promise<{ id: string; svg: string; testAnswer?: string }> {
  const c = reading(deps);
  await hitRateLimit(c, `captcha:${client.ip}`, CAPTCHA_RATE_LIMIT.hits, CAPTCHA_RATE_LIMIT.windowSeconds);
  const captcha = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1ilI', color: true, background: '#f4f6fa' });
  const [row] = await c.tx
    .insert(captchas)
    .values({ answerHash: answerHash(captcha.text), expiresAt: new Date(c.now().getTime() + TTL_MS) })
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
