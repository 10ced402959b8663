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

export interface VerifyResult {
  valid: boolean;
  verdict: '有效' | '无效';
  reason: string;
  checkedAt: string;
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
