import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date';
import {
  assertResidentId, makeResidentId, maskResidentId, parseResidentId, residentIdCheckChar, residentIdSchema, upgradeResidentId15,
} from './resident-id';

const TODAY = '2026-06-01';

/** Any real birth date from 1900-01-01 to 2025-12-31. */
const birthDateArb = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2025-12-31') }).map(fromDayNumber);
const areaArb = fc.stringMatching(/^[1-8]\d{5}$/);
const validIdArb = fc.record({ areaCode: areaArb, birthDate: birthDateArb, seq: fc.integer({ min: 0, max: 999 }) }).map(makeResidentId);

describe('residentIdCheckChar (GB 11643 ISO 7064 MOD 11-2)', () => {
  it('computes the check characters of the §4.4 test vectors', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44030019790101123')).toBe('4');
    expect(residentIdCheckChar('34052419800101001')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrowError(expect.objectContaining({ code: 'ID_NUMBER_INVALID' }));
  });
});

describe('parseResidentId', () => {
  it('accepts the §4.4 vectors and derives birth date, sex and area', () => {
    expect(parseResidentId('11010519491231002X', { today: TODAY })).toEqual({
      ok: true, value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', areaCode: '110105' },
    });
    expect(parseResidentId('440300197901011234', { today: TODAY })).toEqual({
      ok: true, value: { idNumber: '440300197901011234', birthDate: '1979-01-01', sex: 'male', areaCode: '440300' },
    });
    expect(parseResidentId('34052419800101001X', { today: TODAY })).toMatchObject({ ok: true, value: { sex: 'male' } });
  });

  it('normalises a lower-case x and surrounding spaces', () => {
    expect(parseResidentId(' 11010519491231002x ', { today: TODAY })).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } });
  });

  it('upgrades a 15-digit ID to 18 characters', () => {
    expect(upgradeResidentId15('110105491231002')).toBe('11010519491231002X');
    expect(parseResidentId('110105491231002', { today: TODAY })).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X', birthDate: '1949-12-31' } });
  });

  it('refuses a wrong format', () => {
    for (const bad of ['', '1101051949123100', '11010519491231002Y', '1101051949123100X2', 'X1010519491231002X', '1101051949123100２']) {
      expect(parseResidentId(bad, { today: TODAY })).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('refuses a wrong check character', () => {
    expect(parseResidentId('110105194912310021', { today: TODAY })).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses impossible, future and pre-1900 birth dates', () => {
    const withDate = (d: string) => { const f17 = `110105${d}002`; return f17 + residentIdCheckChar(f17); };
    expect(parseResidentId(withDate('19990230'), { today: TODAY })).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseResidentId(withDate('20230229'), { today: TODAY })).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseResidentId(withDate('20260602'), { today: TODAY })).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseResidentId(withDate('18991231'), { today: TODAY })).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseResidentId(withDate('20240229'), { today: TODAY })).toMatchObject({ ok: true });
    expect(parseResidentId('110105991302002', { today: TODAY })).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('accepts every ID built by makeResidentId and reads back its parts', () => {
    fc.assert(fc.property(areaArb, birthDateArb, fc.integer({ min: 0, max: 999 }), (areaCode, birthDate, seq) => {
      const r = parseResidentId(makeResidentId({ areaCode, birthDate, seq }), { today: TODAY });
      return r.ok && r.value.areaCode === areaCode && r.value.birthDate === birthDate && r.value.sex === (seq % 2 ? 'male' : 'female');
    }));
  });

  it('detects any single changed character', () => {
    fc.assert(fc.property(validIdArb, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, pos, ch) => {
      fc.pre(id[pos] !== ch && (pos === 17 || ch !== 'X'));
      const changed = id.slice(0, pos) + ch + id.slice(pos + 1);
      return !parseResidentId(changed, { today: TODAY }).ok;
    }));
  });
});

describe('assertResidentId', () => {
  it('throws a coded DomainError on the idNumber path', () => {
    expect(() => assertResidentId('110105194912310021')).toThrowError(
      expect.objectContaining({ code: 'ID_NUMBER_INVALID', status: 400, path: ['idNumber'], extra: { reason: 'checksum' } }),
    );
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
    expect(maskResidentId('110105491231002')).toBe('110105*****1002');
  });
});

describe('residentIdSchema', () => {
  it('outputs the normalised ID', () => {
    expect(residentIdSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(residentIdSchema.parse('110105491231002')).toBe('11010519491231002X');
  });

  it('says which part is wrong', () => {
    const message = (s: string) => residentIdSchema.safeParse(s).error?.issues[0]?.message;
    expect(message('12345')).toMatch(/^身份证号无效：格式/);
    expect(message('110105194912310021')).toMatch(/^身份证号无效：校验码/);
    const f17 = '11010519990230002';
    expect(message(f17 + residentIdCheckChar(f17))).toMatch(/^身份证号无效：出生日期/);
  });
});

describe('makeResidentId', () => {
  it('builds the standard example from its parts', () => {
    expect(makeResidentId({ areaCode: '110105', birthDate: '1949-12-31', seq: 2 })).toBe('11010519491231002X');
  });
});
