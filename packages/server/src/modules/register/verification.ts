/**
 * 证书核验 — what the page a certificate's QR code opens says about THAT certificate now (domain §2.2 BT-09, BT-10;
 * @medreg/domain certificate-lifecycle.ts). A certificate is 有效 only while it is its registration's current one
 * and the registration is valid; a replaced one says 已换发 and names the certificate to rely on instead — never 有效.
 */
import { CERTIFICATE_STATUS_LABELS, type RegistrationStatus } from '@medreg/domain';
import { chineseDate } from '../../pdf/layout';
import type { CertificateRecord } from './certificate-queries';
import { PUBLIC_STATUS_TEXT, publicCancellation, type PublicRegistrationRow } from './presenter';

export const VERIFY_STATES = ['valid', 'superseded', 'voided', 'registration_not_valid'] as const;
export type VerifyState = (typeof VERIFY_STATES)[number];

/** The verdict word of a certificate whose registration is not valid: the registration's status, short. */
const NOT_VALID_VERDICT = {
  valid: '有效',
  suspended: '中止执业',
  filed: '注册备案',
  transferred_out: '变更出',
  cancelled: '已注销',
} as const satisfies Record<RegistrationStatus, string>;

export function verifyState(certificate: CertificateRecord, registration: PublicRegistrationRow): VerifyState {
  if (certificate.status === 'superseded') return 'superseded';
  if (certificate.status === 'voided') return 'voided';
  return registration.status === 'valid' ? 'valid' : 'registration_not_valid';
}

export function verdictOf(state: VerifyState, registration: PublicRegistrationRow): string {
  switch (state) {
    case 'valid': return '有效';
    case 'superseded': return CERTIFICATE_STATUS_LABELS.superseded;
    case 'voided': return CERTIFICATE_STATUS_LABELS.voided;
    case 'registration_not_valid': return NOT_VALID_VERDICT[registration.status];
  }
}

const day = (at: Date | string) => chineseDate(typeof at === 'string' ? at : at.toISOString());

export interface Replacement {
  certificate: CertificateRecord;
  registration: PublicRegistrationRow;
}

/** The sentence under the verdict: why, since when, and for a replaced certificate which one counts now. */
export function verifyReason(state: VerifyState, certificate: CertificateRecord, registration: PublicRegistrationRow, replacement: Replacement | null): string {
  switch (state) {
    case 'valid':
      return '该证书为现行有效证书，医师执业注册当前有效';
    case 'superseded': {
      const head = `该证书已于${day(certificate.statusSince)}换发，请以新证书为准`;
      if (!replacement) return head;
      const next = replacement.certificate;
      const nextState = verifyState(next, replacement.registration);
      const nextStatus = nextState === 'valid' ? '' : `；新证书当前状态：${verdictOf(nextState, replacement.registration)}`;
      return `${head}（新证书执业证书编码：${next.licenceCode ?? '—'}，核发日期：${day(next.issuedOn)}${nextStatus}）`;
    }
    case 'voided': {
      const cancelled = publicCancellation(registration);
      const ground = cancelled?.groundLabel ? `（注销原因：${cancelled.groundLabel}）` : '';
      const why = registration.status === 'cancelled' ? `，执业注册已于${cancelled ? day(cancelled.effectiveOn) : day(registration.statusSince)}注销${ground}` : '';
      return `该证书已于${day(certificate.statusSince)}废止${why}，不能作为执业凭证`;
    }
    case 'registration_not_valid':
      return `该执业注册当前状态为“${PUBLIC_STATUS_TEXT[registration.status]}”（${day(registration.statusSince)}起），证书无效`;
  }
}
