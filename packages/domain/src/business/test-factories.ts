/**
 * Factories for physician snapshots in tests (style.md: factories with overrides). Not exported from the package.
 * Ids are UUIDs because the forms require them.
 */
import type {
  AuthorityRef, CertificateSnapshot, FilingSnapshot, InstitutionRef, PhysicianSnapshot, QualificationSnapshot, RegistrationSnapshot,
} from '../registration/physician-snapshot';

export const uid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const authority = (areaCode: string, name = `${areaCode}卫生健康委员会`): AuthorityRef => ({ id: `authority-${areaCode}`, areaCode, name });

export function makeInstitution(n: number, areaCode: string, overrides: Partial<InstitutionRef> = {}): InstitutionRef {
  return { id: uid(100 + n), name: `第${n}医院（${areaCode}）`, areaCode, registeringAuthority: authority(areaCode), grassroots: false, active: true, ...overrides };
}

/** 北京市海淀区, 朝阳区, 东城区; 上海市浦东新区; 广东省深圳市南山区. */
export const HAIDIAN = makeInstitution(1, '110108');
export const CHAOYANG = makeInstitution(2, '110105');
export const DONGCHENG = makeInstitution(3, '110101');
export const PUDONG = makeInstitution(4, '310115');
export const NANSHAN = makeInstitution(5, '440305');
export const HAIDIAN_CLINIC = makeInstitution(6, '110108', { name: '海淀区某社区卫生服务中心', grassroots: true });

export function makeQualification(overrides: Partial<QualificationSnapshot> = {}): QualificationSnapshot {
  return { id: uid(1), level: 'physician', category: 'clinical', status: 'valid', obtainedOn: '2018-08-31', ...overrides };
}

export function makeRegistration(overrides: Partial<RegistrationSnapshot> = {}): RegistrationSnapshot {
  return {
    id: uid(11), qualificationId: uid(1), status: 'valid', level: 'physician', category: 'clinical', scopes: ['11'],
    practiceLocationCode: '110000', mainInstitution: HAIDIAN, authority: authority('110108'), licenceCode: '110110108000001',
    approvedOn: '2019-12-20', ...overrides,
  };
}

export function makeFiling(overrides: Partial<FilingSnapshot> = {}): FilingSnapshot {
  return { id: uid(21), registrationId: uid(11), status: 'active', institution: DONGCHENG, scopes: ['11'], validFrom: '2026-01-01', validTo: '2027-12-31', ...overrides };
}

export function certificateOf(r: RegistrationSnapshot, n = 31): CertificateSnapshot {
  return { id: uid(n), registrationId: r.id, status: 'issued', licenceCode: r.licenceCode, issuedOn: r.approvedOn };
}

/** A physician; registrations get an issued certificate each unless `certificates` is given. */
export function makePhysician(overrides: Partial<PhysicianSnapshot> = {}): PhysicianSnapshot {
  const registrations = overrides.registrations ?? [];
  return {
    qualifications: [makeQualification()],
    filings: [],
    certificates: registrations.map((r, i) => certificateOf(r, 31 + i)),
    pending: [],
    bars: [],
    cancellations: [],
    ...overrides,
    registrations,
  };
}

/** An assistant registered in 海淀区 (a county: 《医师执业注册管理办法》第七条) who now holds the 执业医师 qualification. */
export function makeUpgradingAssistant(overrides: Partial<PhysicianSnapshot> = {}): PhysicianSnapshot {
  const registration = makeRegistration({ level: 'assistant', practiceLocationCode: '110108', licenceCode: '210110108000007', qualificationId: uid(2) });
  return makePhysician({
    qualifications: [makeQualification({ id: uid(2), level: 'assistant', obtainedOn: '2017-08-31' }), makeQualification({ id: uid(3), obtainedOn: '2023-08-31' })],
    registrations: [registration],
    ...overrides,
  });
}

export const DECLARED = {
  civilCapacity: true, noCriminalPenalty: true, noRevocation: true, noAssessmentCancellation: true, noOtherBar: true, truthful: true,
} as const;

export const PDF = 'a'.repeat(64);

/** The codes of a list of refusals. */
export const codesOf = (errors: readonly { code: string }[]): string[] => errors.map((e) => e.code);

export const TODAY = '2026-10-08';
