/**
 * Every definition walked through its happy path (architecture § Business types as definitions): the form parses,
 * the physician may apply, the rules pass, the confirming institution and the deciding authority resolve, and the
 * effect on approval — applied through the lifecycle tables — leaves the records as the business says.
 */
import { describe, expect, it } from 'vitest';
import type { PhysicianSnapshot, InstitutionRef } from '../registration/physician-snapshot';
import { applyPlan } from './apply-plan';
import type { BusinessDefinition } from './definition';
import { eligibilityRefusals } from './eligibility';
import { confirmingInstitutionOf, decidingAuthorityOf } from './parties';
import { planEffects } from './plan-approval';
import { reviewRows } from './review-rows';
import { BUSINESS_DEFINITIONS, DEFINED_BUSINESS_TYPES } from './registry';
import {
  CHAOYANG, DECLARED, DONGCHENG, HAIDIAN, HAIDIAN_CLINIC, NANSHAN, PDF, PUDONG, makeFiling, makePhysician, makeQualification, makeRegistration,
  makeUpgradingAssistant, uid,
} from './test-factories';

const TODAY = '2026-10-08';

interface Walk {
  name: string;
  def: BusinessDefinition<unknown>;
  physician: PhysicianSnapshot;
  form: unknown;
  institution?: InstitutionRef;
  confirms: string;
  decides: string;
  expect: (after: PhysicianSnapshot, openedId: string | undefined) => void;
}

const d = (type: keyof typeof BUSINESS_DEFINITIONS) => BUSINESS_DEFINITIONS[type] as unknown as BusinessDefinition<unknown>;
const reg = (p: PhysicianSnapshot, id: string | undefined) => p.registrations.find((r) => r.id === id)!;
const REG = uid(11);
const withFiling = (filing = makeFiling()) => makePhysician({ registrations: [makeRegistration()], filings: [filing] });

const WALKS: Walk[] = [
  {
    name: 'BT-01 首次注册', def: d('first_registration'), physician: makePhysician(), institution: HAIDIAN,
    form: {
      practiceLocationCode: '110000', institutionId: HAIDIAN.id, category: 'clinical', scopes: ['11'], startDate: '2026-10-01', department: '内科',
      education: { education: '本科', degree: '学士', school: '北京大学医学部', major: '临床医学', graduationDate: '2018-07-01' },
      title: '住院医师', photoSha256: PDF, declarations: DECLARED,
    },
    confirms: HAIDIAN.id, decides: 'authority-110108',
    expect: (after, opened) => {
      expect(reg(after, opened)).toMatchObject({ status: 'valid', level: 'physician', practiceLocationCode: '110000', mainInstitution: HAIDIAN, approvedOn: TODAY });
      expect(after.certificates.filter((c) => c.registrationId === opened && c.status === 'issued')).toHaveLength(1);
    },
  },
  {
    name: 'BT-02 增加执业地点注册', def: d('additional_registration'), physician: makePhysician({ registrations: [makeRegistration()] }), institution: NANSHAN,
    form: { registrationId: REG, practiceLocationCode: '440000', institutionId: NANSHAN.id, department: '内科', startDate: '2026-10-01', declarations: DECLARED },
    confirms: NANSHAN.id, decides: 'authority-440305',
    expect: (after, opened) => {
      expect(reg(after, REG).status).toBe('valid');
      expect(reg(after, opened)).toMatchObject({ status: 'valid', practiceLocationCode: '440000', category: 'clinical', scopes: ['11'], mainInstitution: NANSHAN });
    },
  },
  {
    name: 'BT-03 变更执业地点', def: d('change_registration'), physician: withFiling(), institution: PUDONG,
    form: { kind: 'practice_location', registrationId: REG, reason: '工作调动', practiceLocationCode: '310000', institutionId: PUDONG.id, department: '内科', startDate: '2026-11-01' },
    confirms: PUDONG.id, decides: 'authority-310115',
    expect: (after, opened) => {
      expect(reg(after, REG).status).toBe('transferred_out');
      expect(reg(after, opened)).toMatchObject({ status: 'valid', practiceLocationCode: '310000', mainInstitution: PUDONG });
      expect(after.filings[0]).toMatchObject({ status: 'revoked' }); // 东城区 lies outside 上海市
      expect(after.certificates.find((c) => c.registrationId === REG)?.status).toBe('superseded');
    },
  },
  {
    name: 'BT-03 变更主要执业机构', def: d('change_registration'), physician: withFiling(), institution: CHAOYANG,
    form: { kind: 'main_institution', registrationId: REG, reason: '调入新单位', institutionId: CHAOYANG.id, department: '内科', startDate: '2026-11-01' },
    confirms: CHAOYANG.id, decides: 'authority-110105',
    expect: (after, opened) => {
      expect(reg(after, REG).status).toBe('transferred_out');
      expect(reg(after, opened)).toMatchObject({ status: 'valid', practiceLocationCode: '110000', mainInstitution: CHAOYANG });
      expect(after.filings[0]).toMatchObject({ status: 'active', registrationId: opened }); // still inside 北京市
    },
  },
  {
    name: 'BT-03 变更执业类别', def: d('change_registration'),
    physician: makePhysician({ registrations: [makeRegistration()], qualifications: [makeQualification(), makeQualification({ id: uid(4), category: 'public_health' })] }),
    form: { kind: 'category', registrationId: REG, reason: '从事疾病预防控制工作', qualificationId: uid(4), category: 'public_health', scopes: ['41'] },
    confirms: HAIDIAN.id, decides: 'authority-110108',
    expect: (after, opened) => {
      expect(opened).toBeUndefined();
      expect(reg(after, REG)).toMatchObject({ status: 'valid', category: 'public_health', scopes: ['41'], qualificationId: uid(4) });
      expect(after.certificates.map((c) => c.status).sort()).toEqual(['issued', 'superseded']);
    },
  },
  {
    name: 'BT-03 增加执业范围', def: d('change_registration'),
    physician: makePhysician({ registrations: [makeRegistration({ mainInstitution: HAIDIAN_CLINIC })] }),
    form: {
      kind: 'scopes', registrationId: REG, reason: '社区全科诊疗', operation: 'add', scopes: ['21'],
      evidence: [{ scope: '21', kind: 'gp_conversion', issuer: '北京市全科医学培训中心', issuedOn: '2026-06-30', trainingMonths: 12, fileSha256: PDF }],
    },
    confirms: HAIDIAN_CLINIC.id, decides: 'authority-110108',
    expect: (after) => expect(reg(after, REG)).toMatchObject({ status: 'valid', scopes: ['11', '21'] }),
  },
  {
    name: 'BT-04 助理升执业（原机构）', def: d('assistant_upgrade'),
    physician: makeUpgradingAssistant({ filings: [makeFiling({ institution: HAIDIAN_CLINIC })] }),
    form: { mode: 'same_institution', registrationId: REG, qualificationId: uid(3), scopes: ['11'], declarations: DECLARED },
    confirms: HAIDIAN.id, decides: 'authority-110108',
    expect: (after, opened) => {
      expect(reg(after, REG).status).toBe('transferred_out');
      expect(reg(after, opened)).toMatchObject({ status: 'valid', level: 'physician', practiceLocationCode: '110000', qualificationId: uid(3), mainInstitution: HAIDIAN });
      expect(after.filings[0]).toMatchObject({ status: 'active', registrationId: opened });
    },
  },
  {
    name: 'BT-04 助理升执业（变更机构）', def: d('assistant_upgrade'), physician: makeUpgradingAssistant(), institution: NANSHAN,
    form: {
      mode: 'new_institution', registrationId: REG, qualificationId: uid(3), scopes: ['11'], declarations: DECLARED,
      practiceLocationCode: '440000', institutionId: NANSHAN.id, department: '内科', startDate: '2026-11-01',
    },
    confirms: NANSHAN.id, decides: 'authority-440305',
    expect: (after, opened) => {
      expect(reg(after, REG).status).toBe('transferred_out');
      expect(reg(after, opened)).toMatchObject({ level: 'physician', practiceLocationCode: '440000', mainInstitution: NANSHAN });
    },
  },
  {
    name: 'BT-05 新增备案', def: d('multi_site_filing'), physician: makePhysician({ registrations: [makeRegistration()] }), institution: DONGCHENG,
    form: { action: 'add', registrationId: REG, institutionId: DONGCHENG.id, scopes: ['11'], validFrom: '2026-11-01', validTo: '2027-10-31' },
    confirms: DONGCHENG.id, decides: 'authority-110101',
    expect: (after) => {
      expect(after.filings).toEqual([expect.objectContaining({ status: 'active', registrationId: REG, institution: DONGCHENG, validTo: '2027-10-31' })]);
      expect(reg(after, REG).status).toBe('valid');
    },
  },
  {
    name: 'BT-05 修改备案', def: d('multi_site_filing'), physician: withFiling(),
    form: { action: 'modify', filingId: uid(21), scopes: ['11'], validFrom: '2026-01-01', validTo: '2028-12-31' },
    confirms: DONGCHENG.id, decides: 'authority-110101',
    expect: (after) => expect(after.filings[0]).toMatchObject({ status: 'active', validTo: '2028-12-31' }),
  },
  {
    name: 'BT-05 终止备案', def: d('multi_site_filing'), physician: withFiling(),
    form: { action: 'end', filingId: uid(21), reason: '不再在该机构执业' },
    confirms: DONGCHENG.id, decides: 'authority-110101',
    expect: (after) => expect(after.filings[0]?.status).toBe('revoked'),
  },
  {
    name: 'BT-09 补发执业证书', def: d('certificate_reissue'), physician: makePhysician({ registrations: [makeRegistration()] }),
    form: { registrationId: REG, reason: 'lost', note: '搬家时遗失' },
    confirms: HAIDIAN.id, decides: 'authority-110108',
    expect: (after) => {
      expect(after.certificates.map((c) => [c.status, c.licenceCode])).toEqual([['superseded', '110110108000001'], ['issued', '110110108000001']]);
      expect(reg(after, REG).status).toBe('valid');
    },
  },
  {
    name: 'BT-07 注销注册（本人申请）', def: d('cancellation'), physician: withFiling(),
    form: { initiator: 'physician', registrationId: REG, reason: '出国定居，不再执业' },
    confirms: HAIDIAN.id, decides: 'authority-110108',
    expect: (after) => {
      expect(reg(after, REG).status).toBe('cancelled');
      expect(after.certificates.map((c) => c.status)).toEqual(['voided']);
      expect(after.filings.map((f) => f.status)).toEqual(['revoked']);
    },
  },
  {
    name: 'BT-08 重新注册', def: d('re_registration'),
    physician: makePhysician({ registrations: [makeRegistration({ status: 'cancelled' })], certificates: [] }), institution: CHAOYANG,
    form: {
      registrationId: REG, qualificationId: uid(1), practiceLocationCode: '110000', institutionId: CHAOYANG.id, category: 'clinical', scopes: ['11'],
      department: '内科', startDate: '2026-10-01', declarations: DECLARED,
      assessment: { assessedBy: '北京市卫生健康委员会', passedOn: '2026-09-01', fileSha256: PDF },
      training: { institution: '北京协和医院', from: '2026-01-05', to: '2026-07-04', fileSha256: PDF },
    },
    confirms: CHAOYANG.id, decides: 'authority-110105',
    expect: (after, opened) => {
      expect(reg(after, REG).status).toBe('cancelled');
      expect(reg(after, opened)).toMatchObject({ status: 'valid', level: 'physician', mainInstitution: CHAOYANG, practiceLocationCode: '110000' });
      expect(after.certificates.filter((c) => c.registrationId === opened && c.status === 'issued')).toHaveLength(1);
    },
  },
];

describe('business definitions, happy path', () => {
  it('walks every defined type', () => {
    expect(new Set(WALKS.map((w) => w.def.type))).toEqual(new Set(DEFINED_BUSINESS_TYPES));
  });

  it.each(WALKS)('$name', (walk) => {
    const form = walk.def.form.parse(walk.form);
    const proposal = walk.def.proposal(form, walk.physician);
    let ctx = { physician: walk.physician, form, institution: walk.institution, today: TODAY };
    expect(eligibilityRefusals(walk.def, walk.physician, proposal).map((e) => e.message)).toEqual([]);
    expect(walk.def.checkApplication(ctx).map((e) => e.message)).toEqual([]);
    expect(confirmingInstitutionOf(walk.def, ctx)?.id).toBe(walk.confirms);
    expect(decidingAuthorityOf(walk.def, ctx).authority.id).toBe(walk.decides);
    expect(reviewRows(walk.def, ctx).some((row) => row.changed)).toBe(true);

    const submitted = applyPlan(walk.physician, planEffects(walk.def, ctx, 'submit')).physician;
    ctx = { ...ctx, physician: submitted };
    expect(walk.def.checkApplication({ ...ctx, stage: 'decision' }).map((e) => e.message)).toEqual([]);
    const { physician: after, openedRegistrationId } = applyPlan(submitted, planEffects(walk.def, ctx, 'approve'));
    walk.expect(after, openedRegistrationId);
  });
});
