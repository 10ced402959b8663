/**
 * 医师账户状态 as the institution's 医师账户激活 list shows it (domain §1.2 item 1 column 医师账户状态, §3.1 D):
 * a registered physician may have no e-registration account yet (未注册账户), or one that is
 * 已注册未校验 → 已校验 → 已激活.
 */
import { ACTIVATION_STATUS_LABELS, type ActivationStatus } from '../activation';

export const PHYSICIAN_ACCOUNT_STATUSES = ['no_account', 'unverified', 'verified', 'active'] as const;
export type PhysicianAccountStatus = (typeof PHYSICIAN_ACCOUNT_STATUSES)[number];

export const PHYSICIAN_ACCOUNT_STATUS_LABELS = {
  no_account: '未注册账户',
  ...ACTIVATION_STATUS_LABELS,
} as const satisfies Record<PhysicianAccountStatus, string>;

export function physicianAccountStatus(hasAccount: boolean, activation: ActivationStatus): PhysicianAccountStatus {
  return hasAccount ? activation : 'no_account';
}

/** Why the institution cannot issue a code to a physician of its list; null when it can. */
export type ActivationCodeRefusal = 'no_account' | 'already_active' | 'contact_unverified';

export const ACTIVATION_CODE_REFUSAL_TEXT = {
  no_account: '该医师尚未注册电子化账户，请提醒其先在个人端【注册新账号】',
  already_active: '该医师账户已激活，无需激活码',
  contact_unverified: '该医师尚未验证手机号或电子邮箱，激活码无法送达，请提醒其先完成手机号验证',
} as const satisfies Record<ActivationCodeRefusal, string>;

/** §3.3 path 1: the code goes to a verified phone or e-mail of an account that is not active yet. */
export function activationCodeRefusal(status: PhysicianAccountStatus): ActivationCodeRefusal | null {
  switch (status) {
    case 'no_account': return 'no_account';
    case 'active': return 'already_active';
    case 'unverified': return 'contact_unverified';
    default: return null;
  }
}
