import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkCreditCode, creditCodeCheckChar, makeCreditCode } from './credit-code';
import { isValidOrganizationCode } from './organization-code';

const CHARSET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const first17Arb = fc.tuple(
  fc.array(fc.constantFrom(...CHARSET), { minLength: 2, maxLength: 2 }),
  fc.stringMatching(/^\d{6}$/),
  fc.array(fc.constantFrom(...CHARSET), { minLength: 9, maxLength: 9 }),
).map(([a, b, c]) => a.join('') + b + c.join(''));

describe('credit code (GB 32100)', () => {
  it('accepts the §4.5 vectors', () => {
    for (const code of ['91350100M000100Y43', '12440100123456788G', '91110108MA01ABCD5T', '52440300500000015Q']) {
      expect(checkCreditCode(code)).toEqual({ valid: true, checksumOk: true });
    }
  });

  it('computes the check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('12440100123456788')).toBe('G');
  });

  it('only warns about a wrong check character (legacy pilot codes)', () => {
    const r = checkCreditCode('91350100M000100Y44');
    expect(r.valid).toBe(true);
    expect(r.checksumOk).toBe(false);
    expect(r.warning).toMatch(/校验位/);
  });

  it('refuses a wrong format: length, excluded letters I O Z S V, letters in the area code', () => {
    for (const bad of ['91350100M000100Y4', '91350100M000100Y433', '91350100M000100I43', '9135010OM000100Y43', '91ABCDEFM000100Y43', '']) {
      expect(checkCreditCode(bad).valid).toBe(false);
    }
  });

  it('accepts lower case and spaces around', () => {
    expect(checkCreditCode(' 91110108ma01abcd5t ')).toEqual({ valid: true, checksumOk: true });
  });

  it('validates every first-17 with its computed check character', () => {
    fc.assert(fc.property(first17Arb, (first17) => checkCreditCode(first17 + creditCodeCheckChar(first17)).checksumOk));
  });

  it('makeCreditCode builds a code whose organisation code is valid too', () => {
    const code = makeCreditCode({ areaCode: '440305', organizationBody: '45575032' });
    expect(checkCreditCode(code)).toEqual({ valid: true, checksumOk: true });
    expect(code.slice(0, 8)).toBe('12440305');
    expect(isValidOrganizationCode(code.slice(8, 17))).toBe(true);
  });
});
