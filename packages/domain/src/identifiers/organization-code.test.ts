import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidOrganizationCode, normalizeOrganizationCode, organizationCodeCheckChar } from './organization-code';

describe('organization code (GB 11714)', () => {
  it('accepts the §4.6 vectors taken from real 登记号', () => {
    for (const code of ['44490745-5', '41580048-0', '08818209-8', '49850124-X', '444885014', '49850124x']) {
      expect(isValidOrganizationCode(code)).toBe(true);
    }
  });

  it('computes X for a remainder of 10 and 0 for 11', () => {
    expect(organizationCodeCheckChar('49850124')).toBe('X');
    expect(organizationCodeCheckChar('41580048')).toBe('0');
  });

  it('refuses a wrong check character or a malformed code', () => {
    expect(isValidOrganizationCode('44490745-6')).toBe(false);
    expect(isValidOrganizationCode('4449074-55')).toBe(false);
    expect(isValidOrganizationCode('44490745-A')).toBe(false);
    expect(isValidOrganizationCode('4449074')).toBe(false);
  });

  it('validates every body with its computed check character, and only that one', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9A-Z]{8}$/), fc.constantFrom(...'0123456789X'), (body, ch) => {
      const right = organizationCodeCheckChar(body);
      return isValidOrganizationCode(`${body}-${right}`) && isValidOrganizationCode(body + ch) === (ch === right);
    }));
  });

  it('normalises to 9 characters', () => {
    expect(normalizeOrganizationCode(' 49850124-x ')).toBe('49850124X');
  });
});
