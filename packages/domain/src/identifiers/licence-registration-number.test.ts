import { describe, it, expect } from 'vitest';
import { checkLicenceRegistrationNumber } from './licence-registration-number';

describe('licence registration number (§4.7)', () => {
  it('accepts the real 22-character examples without warning', () => {
    for (const n of ['44488501443010511A1001', '41580048041010111G1001', '08818209861011311A5181']) {
      expect(checkLicenceRegistrationNumber(n)).toEqual({ valid: true, normalized: n });
    }
  });

  it('accepts the printed variant with the organisation code hyphen', () => {
    expect(checkLicenceRegistrationNumber('49850124-X45010611G1001')).toEqual({ valid: true, normalized: '49850124X45010611G1001' });
  });

  it('accepts a 12-digit clinic code', () => {
    expect(checkLicenceRegistrationNumber('110108000112')).toEqual({ valid: true, normalized: '110108000112' });
  });

  it('warns when the embedded organisation code has a wrong check character', () => {
    const r = checkLicenceRegistrationNumber('44488501543010511A1001');
    expect(r.valid).toBe(true);
    expect(r.warning).toMatch(/组织机构代码/);
  });

  it('warns when the first 9 characters are not an organisation code', () => {
    const r = checkLicenceRegistrationNumber('PDYA1234B11010811A1001');
    expect(r.valid).toBe(true);
    expect(r.warning).toMatch(/无法校验/);
  });

  it('warns about an unusual length', () => {
    expect(checkLicenceRegistrationNumber('44488501443010511A10').warning).toMatch(/22位/);
  });

  it('refuses a wrong character set or length', () => {
    for (const bad of ['', '12345', '44488501443010511A1001X123456789', '444885014/3010511A1001', '4448850144-3010511A1001', '44488501443010511A100中']) {
      expect(checkLicenceRegistrationNumber(bad).valid).toBe(false);
    }
  });
});
