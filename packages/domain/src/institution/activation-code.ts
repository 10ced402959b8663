/**
 * 激活码 — the activation code a physician's main institution issues (domain §3.3 path 1, [S11][S13]):
 * sent to the physician's verified phone or e-mail, entered on 【激活我的账户】.
 * 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so it can be read from an SMS
 * and typed without mistakes. Only its SHA-256 (of the upper-cased code) is stored.
 */
export const ACTIVATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACTIVATION_CODE_LENGTH = 8;
/** A code is valid for 7 days; issuing a new one invalidates the physician's older unused codes. */
export const ACTIVATION_CODE_TTL_DAYS = 7;

/**
 * Builds a code from a source of random indexes (the server passes crypto.randomInt, tests a fixed one).
 * `randomIndex(n)` must return an integer in [0, n).
 */
export function generateActivationCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i++) code += ACTIVATION_CODE_ALPHABET[randomIndex(ACTIVATION_CODE_ALPHABET.length)]!;
  return code;
}

/** What the physician typed, as it is hashed: spaces and hyphens dropped, upper case. */
export function normalizeActivationCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether a (normalised) input can be an activation code at all, before any look-up. */
export function isActivationCodeShape(input: string): boolean {
  const s = normalizeActivationCode(input);
  return s.length === ACTIVATION_CODE_LENGTH && [...s].every((ch) => ACTIVATION_CODE_ALPHABET.includes(ch));
}
