/**
 * 医疗机构执业许可证登记号 (institution practice-licence registration number), domain §4.7.
 * Usual form: 9-character 组织机构代码 (GB 11714) + 13-character attribute code (6 area + 2 economic type
 * + 4 WS 218 category + 1 classification) = 22 characters, sometimes printed with the organisation
 * code's hyphen (23). Clinics and village clinics use a 12-digit code. Newer licences may carry other
 * forms [U], so the number is stored as free text: only its length and character set are enforced,
 * and the embedded organisation-code check character is checked (warning only) when the first
 * 9 characters fit that pattern.
 */
import { organizationCodeCheckChar } from './organization-code';

/** Bounds for free-text numbers of unknown newer forms (the known forms have 12 and 22 characters). */
export const LICENCE_REGISTRATION_NUMBER_LENGTH = { min: 12, max: 30 } as const;

export interface LicenceRegistrationNumberCheck {
  valid: boolean;
  warning?: string;
  /** Upper-case, without spaces and without the organisation code's hyphen. */
  normalized?: string;
}

const CLINIC_CODE = /^\d{12}$/;
const ORG_CODE_PREFIX = /^[0-9A-Z]{8}[0-9X]/;

export function checkLicenceRegistrationNumber(s: string): LicenceRegistrationNumberCheck {
  const raw = s.replace(/\s+/g, '').toUpperCase();
  // The only hyphen allowed is the organisation code's own, after its 8th character.
  const normalized = raw.length > 9 && raw[8] === '-' ? raw.slice(0, 8) + raw.slice(9) : raw;
  const { min, max } = LICENCE_REGISTRATION_NUMBER_LENGTH;
  if (!/^[0-9A-Z]+$/.test(normalized) || normalized.length < min || normalized.length > max) return { valid: false };

  // 诊所、卫生所、医务室、卫生站、村卫生室: 6-digit division + 4-digit serial + 2-digit attribute (§4.7).
  if (CLINIC_CODE.test(normalized)) return { valid: true, normalized };

  if (!ORG_CODE_PREFIX.test(normalized)) {
    return { valid: true, normalized, warning: '登记号前9位不是组织机构代码格式，无法校验，请核对许可证原件。' };
  }
  const warnings: string[] = [];
  if (organizationCodeCheckChar(normalized.slice(0, 8)) !== normalized[8]) {
    warnings.push('登记号前9位（组织机构代码）校验位不符，请核对许可证原件');
  }
  if (normalized.length !== 22) warnings.push(`登记号通常为22位，当前为${normalized.length}位，请核对许可证原件`);
  return warnings.length ? { valid: true, normalized, warning: `${warnings.join('；')}。` } : { valid: true, normalized };
}
