import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A numeric one-time code of `digits` digits (SMS codes, activation codes). */
export function numericCode(digits: number): string {
  return Array.from({ length: digits }, () => randomInt(10)).join('');
}

/**
 * The opaque token in a certificate's QR code and printed verification address: 128 bits in lower-case hex,
 * so the printed address has no '-' or '_' that a line break or a copy could lose.
 */
export function certificateVerifyToken(): string {
  return randomBytes(16).toString('hex');
}
