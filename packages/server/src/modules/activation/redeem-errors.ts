import { defineErrors, spec } from '@medreg/domain';

/** Refusals of 账户激活 (domain §3.3). QUALIFICATION_CODE_INVALID is the identifier catalogue's code. */
export const ActivationErrors = defineErrors({
  PHONE_NOT_VERIFIED: spec(403, '请先验证您的手机号（手机收不到短信时可通过邮箱验证），再激活账户', 'Verify the phone (or e-mail) first'),
  ACTIVATION_CODE_INVALID: spec(400, '激活码不正确、已使用或已过期，请核对或向主要执业机构重新索取', 'Activation code wrong, used or expired'),
  ACTIVATION_METHOD_NOT_ALLOWED: spec(409, '您的账户不能使用这种方式激活', 'This activation path does not apply'),
  ACCOUNT_ALREADY_ACTIVATED: spec(409, '您的账户已激活，无需重复激活', 'Account already activated'),
});
