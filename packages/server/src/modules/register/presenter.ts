import {
  PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, getScope, regionFullName,
  type PhysicianLevel, type PracticeCategory, type RegistrationStatus,
} from '@medreg/domain';

/**
 * The public projection of a registration (domain §6 and Appendix A.2 item 12): what the 公众查询,
 * the certificate verification page and the FHIR view may show. It is built from an explicit list of
 * columns and NEVER carries 身份证号, phone, e-mail, birth date or the 资格证书编码.
 */
export interface PublicRegistrationRow {
  name: string;
  sex: 'male' | 'female';
  level: PhysicianLevel;
  category: PracticeCategory;
  scopes: string[];
  practiceLocationCode: string;
  institutionName: string;
  licenceCode: string | null;
  authorityName: string;
  status: RegistrationStatus;
  statusSince: Date;
}

/**
 * Status wording for the public. 《医师法》第二十一条: registrations AND cancellations are announced,
 * so a cancelled registration is shown as 已注销 rather than hidden.
 */
export const PUBLIC_STATUS_TEXT = {
  valid: '有效',
  cancelled: '已注销',
  suspended: '中止执业',
  filed: '注册备案',
  transferred_out: '变更出（区内到区外变更）',
} as const satisfies Record<RegistrationStatus, string>;

export const SEX_LABELS = { male: '男', female: '女' } as const;

/** 执业范围 names for stored scope codes ('11' → 内科专业); an unknown value is shown as stored. */
export function scopeNames(scopes: string[]): string[] {
  return scopes.map((s) => getScope(s)?.name ?? s);
}

export function practiceLocationName(code: string): string {
  return regionFullName(code) ?? code;
}

export function presentPublicRegistration(r: PublicRegistrationRow) {
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
    statusLabel: PUBLIC_STATUS_TEXT[r.status],
    /** Since when the status holds (注销日期 for a cancelled registration); null while valid. */
    statusSince: r.status === 'valid' ? null : r.statusSince.toISOString(),
  };
}

export type PublicRegistration = ReturnType<typeof presentPublicRegistration>;
