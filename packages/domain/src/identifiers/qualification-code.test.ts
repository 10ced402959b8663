import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { makeQualificationCode, parseQualificationCode } from './qualification-code';
import { makeResidentId } from './resident-id';

describe('parseQualificationCode (§4.1)', () => {
  it('splits the §4.1 synthetic example', () => {
    expect(parseQualificationCode('200944110440300197901011234')).toEqual({
      ok: true,
      value: { year: '2009', provinceCode: '44', levelDigit: '1', categoryCode: '10', idNumber: '440300197901011234' },
    });
  });

  it('matches the holder ID case-insensitively', () => {
    expect(parseQualificationCode('20151121011010519491231002x', '11010519491231002X')).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } });
  });

  it('refuses a code of another holder', () => {
    expect(parseQualificationCode('200944110440300197901011234', '11010519491231002X')).toEqual({ ok: false, reason: 'id_mismatch' });
  });

  it('refuses an embedded ID with a wrong check character', () => {
    expect(parseQualificationCode('200944110440300197901011235')).toEqual({ ok: false, reason: 'id_invalid' });
  });

  it('refuses a wrong length or character set', () => {
    for (const bad of ['20094411044030019790101123', '2009441104403001979010112345', '2009-4110440300197901011234', '']) {
      expect(parseQualificationCode(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('accepts the 24-character legacy form with a 15-digit ID and compares it upgraded', () => {
    expect(parseQualificationCode('199911110110105491231002', '11010519491231002X')).toEqual({
      ok: true, value: { year: '1999', provinceCode: '11', levelDigit: '1', categoryCode: '10', idNumber: '11010519491231002X' },
    });
  });

  it('does not refuse unknown category codes (tables changed over time)', () => {
    expect(parseQualificationCode('201644199440300197901011234')).toMatchObject({ ok: true, value: { levelDigit: '1', categoryCode: '99' } });
  });
});

describe('makeQualificationCode', () => {
  it('builds the §4.1 example', () => {
    expect(makeQualificationCode({ year: 2009, provinceCode: '440300', level: 'physician', category: 'clinical', idNumber: '440300197901011234' }))
      .toBe('200944110440300197901011234');
  });

  it('uses 2 for assistants and the category code', () => {
    expect(makeQualificationCode({ year: '2012', provinceCode: '11', level: 'assistant', category: 'tcm', idNumber: '11010519491231002x' }))
      .toBe('20121124011010519491231002X');
  });

  it('round-trips through parseQualificationCode', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1999, max: 2030 }), fc.constantFrom('11', '44', '65'), fc.constantFrom('physician', 'assistant' as const),
      fc.constantFrom('clinical', 'dental', 'public_health', 'tcm' as const), fc.integer({ min: 0, max: 999 }),
      (year, provinceCode, level, category, seq) => {
        const idNumber = makeResidentId({ seq });
        const r = parseQualificationCode(makeQualificationCode({ year, provinceCode, level, category, idNumber }), idNumber);
        return r.ok && r.value.year === String(year) && r.value.levelDigit === (level === 'physician' ? '1' : '2');
      },
    ));
  });
});
