/** Contact details of an account: mainland mobile number (for SMS codes) and e-mail (seed step 5). */
import { z } from 'zod';

export const PHONE_MESSAGE = '请输入有效的中国大陆手机号码（11位，以1开头）';
export const EMAIL_MESSAGE = '请输入有效的电子邮箱地址';

/** Mainland mobile numbers: 11 digits, 号段 13x–19x allocated by 工业和信息化部. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Drops spaces and hyphens and a leading +86 / 0086 / 86 country code. */
export function normalizePhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  return compact.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
}

export const phoneSchema = z.string().transform(normalizePhone).pipe(z.string().regex(MAINLAND_MOBILE, { error: PHONE_MESSAGE }));

export const emailSchema = z.string().trim().max(254, { error: EMAIL_MESSAGE }).pipe(z.email({ error: EMAIL_MESSAGE }));
