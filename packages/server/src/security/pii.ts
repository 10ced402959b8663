import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';

/** IVs are drawn from the CSPRNG this many at a time (one system call per 1,024 encryptions, not one each). */
const IV_BYTES = 12;
const IV_POOL = 1024;

/**
 * Protection of 身份证号 (architecture: "stored encrypted (AES-256-GCM) with a keyed hash beside it").
 * Two keys are derived from one master key: one to encrypt, one for the HMAC look-up hash.
 */
export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private ivPool = Buffer.alloc(0);
  private ivAt = 0;

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('MEDREG_PII_KEY must be 32 bytes (base64)');
    this.encKey = createHmac('sha256', masterKey).update('medreg:pii:enc').digest();
    this.macKey = createHmac('sha256', masterKey).update('medreg:pii:mac').digest();
  }

  /** iv(12) ‖ tag(16) ‖ ciphertext */
  encrypt(plain: string): Buffer {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** A fresh random 96-bit IV (GCM's recommended size); each is used once. */
  private nextIv(): Buffer {
    if (this.ivAt >= this.ivPool.length) {
      this.ivPool = randomFillSync(Buffer.allocUnsafe(IV_BYTES * IV_POOL));
      this.ivAt = 0;
    }
    const iv = this.ivPool.subarray(this.ivAt, this.ivAt + IV_BYTES);
    this.ivAt += IV_BYTES;
    return iv;
  }

  decrypt(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A 32-byte key of its own for another purpose (HKDF-SHA-256 of the master key, `label` as info). */
  deriveKey(label: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.masterKey, Buffer.alloc(0), label, 32));
  }

  /** Deterministic keyed hash for exact look-ups (unique indexes, queue searches). */
  hash(plain: string): Buffer {
    return createHmac('sha256', this.macKey).update(plain).digest();
  }
}
