import { defineErrors, spec } from '@medreg/domain';

/** Refusals of the physician account: sign-up, phone verification, name/ID correction, the activation gate. */
export const PhysicianErrors = defineErrors({
  ACCOUNT_NOT_ACTIVATED: spec(403, '您的账户尚未激活，请先在「账户激活」页面完成激活后再办理业务', 'Account not activated'),
  NOT_A_PHYSICIAN_ACCOUNT: spec(403, '当前账户不是医师账户', 'Not a physician account'),
  ID_NUMBER_ALREADY_REGISTERED: spec(409, '该身份证号已注册电子化账户，请使用已注册的登录名直接登录', 'An account already exists for this ID number'),
  SIGNUP_TOKEN_INVALID: spec(400, '注册信息已过期或已使用，请返回第一步重新填写', 'Sign-up token invalid or expired'),
  LOGIN_NAME_TAKEN: spec(409, '该登录名已被使用，请换一个', 'Login name taken'),
  PASSWORD_MISMATCH: spec(400, '两次输入的密码不一致', 'Passwords do not match'),
  PASSWORD_TOO_WEAK: spec(400, '登录密码不符合密码规则', 'Password does not meet the policy'),
  PRIVACY_NOT_ACCEPTED: spec(400, '请阅读并勾选“我同意隐私政策”', 'Privacy policy not accepted'),
  SMS_RESEND_TOO_SOON: spec(429, '校验码发送过于频繁，请稍后再试', 'Code requested too soon'),
  VERIFICATION_CODE_INVALID: spec(400, '校验码错误，请重新输入', 'Verification code wrong'),
  VERIFICATION_CODE_EXPIRED: spec(400, '校验码已失效，请重新获取', 'Verification code expired'),
  VERIFICATION_CODE_NOT_REQUESTED: spec(400, '请先点击发送校验码', 'No verification code requested'),
  PHONE_NOT_SET: spec(400, '您的账户未填写手机号，请通过邮箱验证', 'No phone on the account'),
  EMAIL_NOT_SET: spec(400, '您的账户未填写电子邮箱，无法通过邮箱验证', 'No e-mail on the account'),
  ALREADY_VERIFIED: spec(409, '该联系方式已验证，无需重复验证', 'Already verified'),
  IDENTITY_CHANGE_NOT_ALLOWED: spec(409, '账户激活后不能自行修改姓名和身份证号，如有错误请联系注册主管部门', 'Name/ID can no longer be changed'),
});
