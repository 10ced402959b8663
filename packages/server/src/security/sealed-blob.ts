import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PiiCipher } from './pii';

const LABEL = 'medreg:sealed-blob:v1';

/**
 * Files that carry a full 身份证号 (the printed 审核表) are kept encrypted like the number itself:
 * AES-256-GCM under a key of their own derived from the PII key. Layout: iv(12) ‖ tag(16) ‖ ciphertext.
 */
export function sealBlob(pii: PiiCipher, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', pii.deriveKey(LABEL), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openSealedBlob(pii: PiiCipher, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', pii.deriveKey(LABEL), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}
