import { describe, expect, it } from 'vitest';
import type { InstitutionRef } from '../registration/physician-snapshot';
import type { BusinessDefinition } from './definition';
import { confirmingInstitutionOf, decidingAuthorityOf } from './parties';
import { BUSINESS_DEFINITIONS } from './registry';
import {
  CHAOYANG, DECLARED, DONGCHENG, HAIDIAN, NANSHAN, PUDONG, TODAY, authority, makeFiling, makePhysician, makeQualification,
  makeRegistration, makeUpgradingAssistant, uid,
} from './test-factories';

const REG = uid(11);
/** A registration granted by the city (北京市卫生健康委) at an institution the district approved: the two differ. */
const GRANTED_BY_CITY = makeRegistration({ authority: authority('110000') });
const physician = makePhysician({
  registrations: [GRANTED_BY_CITY], filings: [makeFiling()],
  qualifications: [makeQualification(), makeQualification({ id: uid(4), category: 'public_health' })],
});

type Row = [name: string, type: keyof typeof BUSINESS_DEFINITIONS, form: Record<string, unknown>, at: InstitutionRef | undefined, confirms: string, decides: string];
const change = { registrationId: REG, reason: '工作需要' };

const ROWS: Row[] = [
  ['BT-02 → the authority that approved the new institution (办法第九条)', 'additional_registration',
    { registrationId: REG, practiceLocationCode: '440000', institutionId: NANSHAN.id, department: '内科', startDate: '2026-11-01', declarations: DECLARED },
    NANSHAN, NANSHAN.id, 'authority-440305'],
  ['BT-03 执业地点 → the authority that approved the new institution', 'change_registration',
    { ...change, kind: 'practice_location', practiceLocationCode: '310000', institutionId: PUDONG.id, department: '内科', startDate: '2026-11-01' },
    PUDONG, PUDONG.id, 'authority-310115'],
  ['BT-03 主要执业机构 → the authority that approved the new institution', 'change_registration',
    { ...change, kind: 'main_institution', institutionId: CHAOYANG.id, department: '内科', startDate: '2026-11-01' },
    CHAOYANG, CHAOYANG.id, 'authority-110105'],
  ['BT-03 执业类别 → the authority that granted the registration (《医师法》第十八条)', 'change_registration',
    { ...change, kind: 'category', qualificationId: uid(4), category: 'public_health', scopes: ['41'] }, undefined, HAIDIAN.id, 'authority-110000'],
  ['BT-03 执业范围 → the authority that granted the registration (《医师法》第十八条)', 'change_registration',
    { ...change, kind: 'scopes', operation: 'replace', scopes: ['12'], evidence: [] }, undefined, HAIDIAN.id, 'authority-110000'],
  ['BT-05 → the authority that approved the filed institution (办法第十条)', 'multi_site_filing',
    { action: 'add', registrationId: REG, institutionId: CHAOYANG.id, scopes: ['11'], validFrom: '2026-11-01', validTo: '2027-10-31' },
    CHAOYANG, CHAOYANG.id, 'authority-110105'],
  ['BT-05 终止 → the authority that approved the filed institution', 'multi_site_filing',
    { action: 'end', filingId: uid(21), reason: '不再执业' }, undefined, DONGCHENG.id, 'authority-110101'],
  ['BT-09 → the issuing authority', 'certificate_reissue', { registrationId: REG, reason: 'lost' }, undefined, HAIDIAN.id, 'authority-110000'],
];

describe('who confirms and who decides', () => {
  it.each(ROWS)('decider per type — %s', (_name, type, rawForm, at, confirms, decides) => {
    const def = BUSINESS_DEFINITIONS[type] as unknown as BusinessDefinition<unknown>;
    const ctx = { physician, form: def.form.parse(rawForm), institution: at, today: TODAY };
    expect(decidingAuthorityOf(def, ctx).authority.id).toBe(decides);
    expect(confirmingInstitutionOf(def, ctx)?.id).toBe(confirms);
  });

  it('BT-04 in the same institution is confirmed by it and decided by the authority that approved it', () => {
    const def = BUSINESS_DEFINITIONS.assistant_upgrade;
    const form = def.form.parse({ mode: 'same_institution', registrationId: REG, qualificationId: uid(3), scopes: ['11'], declarations: DECLARED });
    const ctx = { physician: makeUpgradingAssistant(), form, today: TODAY };
    expect(confirmingInstitutionOf(def, ctx)?.id).toBe(HAIDIAN.id);
    expect(decidingAuthorityOf(def, ctx)).toMatchObject({ authority: { id: 'authority-110108' }, label: expect.stringContaining('第九条') });
  });

  it('asks for the institution when the proposed one was not loaded', () => {
    const def = BUSINESS_DEFINITIONS.change_registration;
    const form = def.form.parse({ ...change, kind: 'main_institution', institutionId: CHAOYANG.id, department: '内科', startDate: '2026-11-01' });
    expect(() => decidingAuthorityOf(def, { physician, form, today: TODAY })).toThrowError(expect.objectContaining({ code: 'INSTITUTION_REQUIRED' }));
  });
});
