import { maskResidentId } from '@medreg/domain';
import type { PiiCipher } from './pii';

/**
 * 资格证书编码 (27 characters) = 9 characters + the holder's full 18-character 身份证号 (domain §4.1), so it is
 * protected like the ID itself: AES-256-GCM encrypted, an HMAC keyed hash of the normalised code for exact
 * look-ups, and a masked copy for display (issue 7 point 4).
 */
export interface SealedCertCode {
  certCodeEnc: Buffer | null;
  certCodeHash: Buffer | null;
  certCodeMasked: string | null;
}

/** How codes are compared: trimmed, upper-case (the check character may be an x). */
export function normalizeCertCode(code: string): string {
  return code.trim().toUpperCase();
}

/** 资格证书编码 with its embedded 身份证号 masked, e.g. 20241111011010********002X. */
export function maskQualificationCode(code: string): string {
  const s = normalizeCertCode(code);
  return s.length > 18 ? s.slice(0, -18) + maskResidentId(s.slice(-18)) : maskResidentId(s);
}

export function sealCertCode(pii: PiiCipher, code: string | null | undefined): SealedCertCode {
  if (!code) return { certCodeEnc: null, certCodeHash: null, certCodeMasked: null };
  const s = normalizeCertCode(code);
  return { certCodeEnc: pii.encrypt(s), certCodeHash: certCodeHash(pii, s), certCodeMasked: maskQualificationCode(s) };
}

export function certCodeHash(pii: PiiCipher, code: string): Buffer {
  return pii.hash(normalizeCertCode(code));
}

/** The full code, for the holder and the authority only. */
export function openCertCode(pii: PiiCipher, q: { certCodeEnc: Buffer | null }): string | null {
  return q.certCodeEnc ? pii.decrypt(q.certCodeEnc) : null;
}
