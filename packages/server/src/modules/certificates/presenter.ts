import { PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO } from '@medreg/domain';
import type { CertificateData } from '../../pdf/certificate';
import { SEX_LABELS, practiceLocationName, scopeNames } from '../register/presenter';
import type { CertificateSource } from './queries';

/** The public verification page a certificate's QR code opens (domain §6; BT-10). */
export function verifyUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/public/verify/${encodeURIComponent(token)}`;
}

/** What the certificate prints: the public items plus the holder's birth date and masked 身份证号 (never the full number). */
export function toCertificateData(s: CertificateSource, extra: { licenceCode: string; verifyUrl: string; photo: Buffer | null; issuedOn: string }): CertificateData {
  return {
    licenceCode: extra.licenceCode,
    physician: { name: s.physicianName, sex: SEX_LABELS[s.sex], birthDate: s.birthDate, idNumberMasked: s.idNumberMasked },
    levelLabel: PHYSICIAN_LEVEL_INFO[s.level].label,
    categoryLabel: PRACTICE_CATEGORY_INFO[s.category].label,
    scopes: scopeNames(s.scopes),
    practiceLocation: practiceLocationName(s.practiceLocationCode),
    institutionName: s.institutionName,
    issuingAuthority: s.authorityName,
    approvedOn: s.approvedOn,
    verifyUrl: extra.verifyUrl,
    photo: extra.photo,
    issuedOn: extra.issuedOn,
  };
}

/** `inline` with an ASCII fallback name and the Chinese name (RFC 6266 / RFC 5987). */
export function certificateContentDisposition(licenceCode: string): string {
  const chinese = encodeURIComponent(`医师执业证书-${licenceCode}.pdf`);
  return `inline; filename="certificate-${licenceCode}.pdf"; filename*=UTF-8''${chinese}`;
}
