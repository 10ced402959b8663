import { ACTIVATION_CODE_REFUSAL_TEXT, defineErrors, spec } from '@medreg/domain';

/** Refusals of 医师账户激活 on the institution side (issuing codes, the automatic-activation switch). */
export const IssueErrors = defineErrors({
  ACTIVATION_PHYSICIAN_NOT_FOUND: spec(404, '本机构医师中没有该医师（主要执业机构须为本机构且注册有效）', 'Not one of this institution\'s physicians'),
  ACTIVATION_NO_ACCOUNT: spec(409, ACTIVATION_CODE_REFUSAL_TEXT.no_account, 'The physician has no account yet'),
  ACTIVATION_ALREADY_ACTIVE: spec(409, ACTIVATION_CODE_REFUSAL_TEXT.already_active, 'The account is already active'),
  ACTIVATION_CONTACT_UNVERIFIED: spec(409, ACTIVATION_CODE_REFUSAL_TEXT.contact_unverified, 'No verified phone or e-mail to send the code to'),
  ACTIVATION_LIST_CURSOR_INVALID: spec(400, '翻页位置无效，请重新查询', 'Invalid page cursor'),
});
