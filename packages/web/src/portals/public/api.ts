/** Shapes of the public register API (packages/server/src/modules/register/schemas.ts). */

export type RegistrationStatus = 'valid' | 'transferred_out' | 'filed' | 'suspended' | 'cancelled';

/** One registration as the public may see it: never 身份证号, phone, e-mail, birth date or 资格证书编码. */
export interface PublicRegistration {
  name: string;
  sex: '男' | '女';
  level: 'physician' | 'assistant';
  levelLabel: string;
  category: string;
  categoryLabel: string;
  scopes: string[];
  practiceLocation: string;
  institutionName: string;
  licenceCode: string | null;
  issuingAuthority: string;
  status: RegistrationStatus;
  statusLabel: string;
  statusSince: string | null;
  /** 注销日期 and 注销原因 (《医师法》第二十一条) of a cancelled registration. */
  cancellation: { effectiveOn: string; groundLabel: string | null } | null;
  /** 备案机构: multi-site filings in force or to come (empty unless the registration is valid). */
  filings: PublicFiling[];
}

export interface PublicFiling {
  institutionName: string;
  scopes: string[];
  validFrom: string;
  validTo: string;
}

export interface RegisterSearchInput {
  provinceCode: string;
  name: string;
  institutionName: string;
  captchaId: string;
  captchaAnswer: string;
}

export interface RegisterSearchResult {
  items: PublicRegistration[];
}

/** What the QR page says of the certificate (server: register/verification.ts). */
export type VerifyState = 'valid' | 'superseded' | 'voided' | 'registration_not_valid';

export interface VerifiedCertificate {
  licenceCode: string | null;
  /** 证书核发日期. */
  issuedOn: string;
  status: 'issued' | 'superseded' | 'voided';
  statusLabel: string;
  statusSince: string | null;
}

export interface VerifyResult {
  valid: boolean;
  state: VerifyState;
  /** 有效, 已换发, 已废止, or the registration's status (中止执业, 注册备案, 变更出, 已注销). */
  verdict: string;
  reason: string;
  checkedAt: string;
  certificate: VerifiedCertificate;
  /** For a replaced certificate: the one to rely on now. */
  replacedBy: (VerifiedCertificate & { valid: boolean; verdict: string }) | null;
  registrationOf: 'certificate' | 'replacement';
  registration: PublicRegistration;
}

export interface Province {
  code: string;
  name: string;
}

/** Tag colour of a registration status: green only for 有效. */
export function statusColor(status: RegistrationStatus): string {
  if (status === 'valid') return 'success';
  if (status === 'cancelled') return 'error';
  return 'warning';
}

/** 注册公告 (《医师法》第二十一条; server: announcements/schemas.ts). */
export type AnnouncementKind = 'registration' | 'cancellation';

export interface Announcement {
  date: string;
  name: string;
  licenceCode: string | null;
  levelLabel: string;
  categoryLabel: string;
  institutionName: string;
  kindLabel: string;
  groundLabel: string | null;
}

export interface AnnouncementPage {
  authority: { id: string; name: string };
  kind: AnnouncementKind;
  kindLabel: string;
  items: Announcement[];
  nextCursor: string | null;
}

export interface PublicAuthority { id: string; name: string; areaCode: string; level: string }
