import {
  CANCELLATION_GROUND_INFO, isCancellationGround, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, getScope, regionFullName,
  type IsoDate, type PhysicianLevel, type PracticeCategory, type RegistrationStatus,
} from '@medreg/domain';
import type { SupervisionNotice } from '../supervision/public-notices';

/**
 * The public projection of a registration (domain §6 and Appendix A.2 item 12): what the 公众查询,
 * the certificate verification page and the FHIR view may show. It is built from an explicit list of
 * columns and NEVER carries 身份证号, phone, e-mail, birth date or the 资格证书编码. `id` is read to find the
 * registration's filings and is never presented.
 */
export interface PublicRegistrationRow {
  id: string;
  name: string;
  sex: 'male' | 'female';
  level: PhysicianLevel;
  category: PracticeCategory;
  scopes: string[];
  practiceLocationCode: string;
  institutionName: string;
  licenceCode: string | null;
  authorityName: string;
  approvedOn: IsoDate;
  status: RegistrationStatus;
  statusSince: Date;
  cancelledOn: IsoDate | null;
  cancellationGround: string | null;
}

/** 已注销: the day it took effect and the ground, as announced (《医师法》第二十一条); null unless cancelled. */
export function publicCancellation(r: Pick<PublicRegistrationRow, 'status' | 'cancelledOn' | 'cancellationGround'>) {
  if (r.status !== 'cancelled' || !r.cancelledOn) return null;
  const ground = isCancellationGround(r.cancellationGround) ? CANCELLATION_GROUND_INFO[r.cancellationGround].label : null;
  return { effectiveOn: r.cancelledOn, groundLabel: ground };
}

/** A multi-site filing (备案机构, domain §5.2) of a listed registration: the institution and the period, in force or to come. */
export interface PublicFilingRow {
  id: string;
  registrationId: string;
  institutionName: string;
  scopes: string[];
  validFrom: IsoDate;
  validTo: IsoDate;
}

/**
 * Status wording for the public. 《医师法》第二十一条: registrations AND cancellations are announced,
 * so a cancelled registration is shown as 已注销 rather than hidden. 变更出 covers every record that continues in
 * a new one (another 执业地点, another 主要执业机构, 助理升执业: @medreg/domain registration-status.ts).
 */
export const PUBLIC_STATUS_TEXT = {
  valid: '有效',
  cancelled: '已注销',
  suspended: '中止执业',
  filed: '注册备案',
  transferred_out: '变更出（已变更为新的执业注册）',
} as const satisfies Record<RegistrationStatus, string>;

export const SEX_LABELS = { male: '男', female: '女' } as const;

/** 执业范围 names for stored scope codes ('11' → 内科专业); an unknown value is shown as stored. */
export function scopeNames(scopes: string[]): string[] {
  return scopes.map((s) => getScope(s)?.name ?? s);
}

export function practiceLocationName(code: string): string {
  return regionFullName(code) ?? code;
}

export function presentPublicFiling(f: PublicFilingRow) {
  return { institutionName: f.institutionName, scopes: scopeNames(f.scopes), validFrom: f.validFrom, validTo: f.validTo };
}

/** What the public reads of supervision (《医师法》第二十一条): a running 暂停执业活动 with its end date, or 吊销. */
function presentSupervision(n: SupervisionNotice | undefined) {
  if (!n) return null;
  return n.kind === 'suspension'
    ? { kind: n.kind, text: n.text, startsOn: n.startsOn, endsOn: n.endsOn, decidedOn: null, documentNo: null, authorityName: n.authorityName }
    : { kind: n.kind, text: n.text, startsOn: null, endsOn: null, decidedOn: n.decidedOn, documentNo: n.documentNo, authorityName: n.authorityName };
}

export function presentPublicRegistration(r: PublicRegistrationRow, filings: readonly PublicFilingRow[] = [], notice?: SupervisionNotice) {
  const shownNotice = notice && (notice.kind === 'revocation' ? r.status === 'cancelled' : r.status === 'suspended') ? notice : undefined;
  return {
    name: r.name,
    sex: SEX_LABELS[r.sex],
    level: r.level,
    levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
    category: r.category,
    categoryLabel: PRACTICE_CATEGORY_INFO[r.category].label,
    scopes: scopeNames(r.scopes),
    practiceLocation: practiceLocationName(r.practiceLocationCode),
    institutionName: r.institutionName,
    licenceCode: r.licenceCode,
    issuingAuthority: r.authorityName,
    status: r.status,
    statusLabel: shownNotice?.kind === 'suspension' ? shownNotice.text
      : shownNotice?.kind === 'revocation' ? `${PUBLIC_STATUS_TEXT.cancelled}（吊销医师执业证书）` : PUBLIC_STATUS_TEXT[r.status],
    /** 暂停执业活动 (running) or 吊销医师执业证书, with dates and the deciding authority; null otherwise. */
    supervision: presentSupervision(shownNotice),
    /** Since when the status holds (注销日期 for a cancelled registration); null while valid. */
    statusSince: r.status === 'valid' ? null : r.statusSince.toISOString(),
    /** 注销日期 and 注销原因 of a cancelled registration; null otherwise. */
    cancellation: publicCancellation(r),
    /** 备案机构: the registration's multi-site filings in force or to come (none once it is no longer valid). */
    filings: r.status === 'valid' ? filings.filter((f) => f.registrationId === r.id).map(presentPublicFiling) : [],
  };
}

export type PublicRegistration = ReturnType<typeof presentPublicRegistration>;
