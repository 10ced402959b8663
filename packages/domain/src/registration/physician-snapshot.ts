/**
 * What the business rules read about a physician: plain data the server loads (no database types), the web can
 * hold, and tests build by hand. Everything a rule of ../business needs is here — qualifications, registrations,
 * filings, certificates and the applications still pending — so eligibility, the deciding authority and the
 * effect on approval are pure functions of it.
 */
import type { BusinessType } from '../business-types';
import type { IsoDate } from '../calendar/iso-date';
import type { PhysicianLevel } from '../reference/physician-levels';
import type { PracticeCategory } from '../reference/practice-categories';
import type { CancellationGround } from './cancellation-grounds';
import type { CertificateStatus } from './certificate-lifecycle';
import type { FilingStatus } from './filing-lifecycle';
import type { RegistrationBar } from './registration-bars';
import type { RegistrationStatus } from './registration-status';

/** 医师资格 status (domain §3.1 A): 撤销 when obtained by improper means (《医师法》第五十四条). */
export const QUALIFICATION_STATUSES = ['valid', 'revoked'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

export const QUALIFICATION_STATUS_LABELS = { valid: '有效', revoked: '撤销' } as const satisfies Record<QualificationStatus, string>;

/** A health authority: its id and GB/T 2260 area (the issuing area of a 执业证书编码, §4.2). */
export interface AuthorityRef {
  id: string;
  areaCode: string;
  name?: string;
}

export interface InstitutionRef {
  id: string;
  name: string;
  /** The county-level area the institution lies in. */
  areaCode: string;
  /**
   * Where physicians at this institution register (《医师执业注册管理办法》第九条, domain §1.3): the authority that
   * approved its practice; for a prevention institution, the authority at its level.
   */
  registeringAuthority: AuthorityRef;
  /** County level or below (乡镇卫生院, 社区卫生服务机构): up to 3 clinical scopes (卫医发〔2001〕169号). */
  grassroots?: boolean;
  /** false when the institution's account is closed or its licence lapsed. */
  active?: boolean;
}

export interface QualificationSnapshot {
  id: string;
  level: PhysicianLevel;
  category: PracticeCategory;
  status: QualificationStatus;
  obtainedOn?: IsoDate;
}

/** 注册事项: what a registration holds (domain §5.1: 执业地点 + 执业类别 + 执业范围, and its main institution). */
export interface RegistrationItems {
  level: PhysicianLevel;
  category: PracticeCategory;
  scopes: readonly string[];
  /** The province (执业医师) or county (assistant) code, 《医师执业注册管理办法》第七条. */
  practiceLocationCode: string;
  mainInstitution: InstitutionRef;
}

export interface RegistrationSnapshot extends RegistrationItems {
  id: string;
  qualificationId: string | null;
  status: RegistrationStatus;
  /** 准予注册的卫生健康主管部门 — the authority that granted it. */
  authority: AuthorityRef;
  licenceCode: string | null;
  /** 审核日期: the day it was approved (domain §5.5). */
  approvedOn: IsoDate;
}

export interface FilingItems {
  institution: InstitutionRef;
  scopes: readonly string[];
  validFrom: IsoDate;
  validTo: IsoDate;
}

export interface FilingSnapshot extends FilingItems {
  id: string;
  registrationId: string;
  status: FilingStatus;
}

export interface CertificateSnapshot {
  id: string;
  registrationId: string;
  status: CertificateStatus;
  licenceCode: string | null;
  issuedOn: IsoDate;
}

/** An application submitted and not yet decided, and the record it starts from. */
export interface PendingBusiness {
  type: BusinessType;
  registrationId: string | null;
  filingId?: string | null;
}

/** 注销注册 record of one of the physician's registrations (registration_cancellations). */
export interface CancellationSnapshot {
  registrationId: string;
  ground: CancellationGround;
  /** 注销日期: the day the registration ended. */
  effectiveOn: IsoDate;
}

export interface PhysicianSnapshot {
  qualifications: readonly QualificationSnapshot[];
  registrations: readonly RegistrationSnapshot[];
  filings: readonly FilingSnapshot[];
  certificates: readonly CertificateSnapshot[];
  pending: readonly PendingBusiness[];
  /** 不予注册的期限 recorded against the physician, running or lapsed (registration-bars.ts). */
  bars: readonly RegistrationBar[];
  /** How and when each cancelled registration ended. */
  cancellations: readonly CancellationSnapshot[];
}
