import { defineErrors, spec } from '@medreg/domain';

export const AccountErrors = defineErrors({
  CAPTCHA_INVALID: spec(400, '验证码错误或已过期，请重新输入', 'Captcha wrong or expired'),
  INVALID_CREDENTIALS: spec(401, '登录名或密码错误', 'Wrong login name or password'),
  ACCOUNT_LOCKED: spec(423, '密码错误次数过多，账户已临时锁定', 'Account temporarily locked'),
  ACCOUNT_DISABLED: spec(403, '账户已停用，请联系管理员', 'Account disabled'),
  PASSWORD_CHANGE_REQUIRED: spec(403, '首次登录须先修改初始密码', 'Change the one-time password first'),
  CURRENT_PASSWORD_WRONG: spec(400, '当前密码错误', 'Current password wrong'),
  PASSWORD_UNCHANGED: spec(400, '新密码不能与当前密码相同', 'New password equals the current one'),
});
