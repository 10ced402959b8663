import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { checkLicenceRegistrationNumber } from '../identifiers/licence-registration-number';
import { makeCreditCode } from '../identifiers/credit-code';
import {
  CreateInstitution, INSTITUTION_STATUS_TABLE, allowedInstitutionEvents, institutionIdentifierWarnings, institutionStatusTransition,
  institutionTakesApplications,
} from './index';

const base = {
  name: '北京市东城区新桥医院', creditCode: makeCreditCode({ areaCode: '110101', organizationBody: '40071254' }),
  licenceRegNo: '44488501443010511A1001', kind: 'medical', grade: '2A', grassroots: false, address: '北京市东城区新桥路1号',
  areaCode: '110101', approvingAuthorityId: '00000000-0000-4000-8000-000000000001', departments: ['内科', '外科'],
  admin: { loginName: 'xq_admin', displayName: '张管理' },
};

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('医疗机构状态 table (正常 → 暂停 → 正常)', () => {
  it('registers an institution as 正常, suspends it with a reason and reopens it', () => {
    const created = institutionStatusTransition(null, 'register');
    expect(created).toBe('normal');
    const suspended = institutionStatusTransition(created, 'suspend', '停业整顿');
    expect(suspended).toBe('suspended');
    expect(institutionStatusTransition(suspended, 'reopen')).toBe('normal');
  });

  it('refuses to suspend a suspended institution, naming what is allowed now', () => {
    const e = refusal(() => institutionStatusTransition('suspended', 'suspend', '再次暂停'));
    expect(e.code).toBe('INSTITUTION_STATUS_NOT_ALLOWED');
    expect(e.status).toBe(409);
    expect(e.message).toBe('当前状态「暂停」不允许「暂停」。可执行的操作：恢复');
  });

  it('refuses a 暂停 without a reason (path reason)', () => {
    const e = refusal(() => institutionStatusTransition('normal', 'suspend', '  '));
    expect(e.code).toBe('INSTITUTION_REASON_MISSING');
    expect(e.path).toEqual(['reason']);
  });

  it('lets only a 正常 institution receive new applications', () => {
    expect(institutionTakesApplications('normal')).toBe(true);
    expect(institutionTakesApplications('suspended')).toBe(false);
    expect(allowedInstitutionEvents('normal')).toEqual(['suspend']);
    expect(allowedInstitutionEvents('suspended')).toEqual(['reopen']);
    expect(Object.keys(INSTITUTION_STATUS_TABLE)).toEqual(['register', 'suspend', 'reopen']);
  });
});

describe('医疗机构执业许可证登记号 (domain §4.7)', () => {
  it('accepts the 22-character form and the printed form with the organisation code hyphen', () => {
    expect(checkLicenceRegistrationNumber('44488501443010511A1001')).toEqual({ valid: true, normalized: '44488501443010511A1001' });
    expect(checkLicenceRegistrationNumber('49850124-X45010611G1001')).toEqual({ valid: true, normalized: '49850124X45010611G1001' });
  });

  it('accepts the 12-digit clinic form and refuses a wrong character set or length', () => {
    expect(checkLicenceRegistrationNumber('110101000112').valid).toBe(true);
    expect(checkLicenceRegistrationNumber('4448850144301051-A1001').valid).toBe(false);
    expect(checkLicenceRegistrationNumber('12345').valid).toBe(false);
  });

  it('normalises the number in the form and refuses a bad one with its own code on licenceRegNo', () => {
    const ok = CreateInstitution.parse({ ...base, licenceRegNo: ' 49850124-x45010611g1001 ' });
    expect(ok.licenceRegNo).toBe('49850124X45010611G1001');
    const bad = CreateInstitution.safeParse({ ...base, licenceRegNo: '登记号' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['licenceRegNo']);
  });
});

describe('医疗机构 form (domain §4.5, §4.8)', () => {
  it('refuses a credit code of the wrong format on creditCode, but only warns on a wrong check character (§4.5 caveat)', () => {
    const bad = CreateInstitution.safeParse({ ...base, creditCode: '12110101I0071254XX' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path)).toEqual([['creditCode']]);
    const good = base.creditCode;
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(CreateInstitution.safeParse({ ...base, creditCode: wrongCheck }).success).toBe(true);
    expect(institutionIdentifierWarnings({ creditCode: wrongCheck, licenceRegNo: base.licenceRegNo })).toEqual([
      { path: ['creditCode'], message: expect.stringContaining('校验位不符') },
    ]);
  });

  it('asks for a county-level area that exists in GB/T 2260', () => {
    for (const areaCode of ['110000', '999999', '1101']) {
      const r = CreateInstitution.safeParse({ ...base, areaCode });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['areaCode']);
    }
  });

  it('refuses the same department twice', () => {
    const r = CreateInstitution.safeParse({ ...base, departments: ['内科', '内科'] });
    expect(r.error!.issues[0]!.message).toBe('科室不能重复');
  });
});
