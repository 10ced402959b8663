import { defineErrors, spec } from '@medreg/domain';

/** Refusals of the authority's 补改 (domain §2.2 BT-12). */
export const CorrectionHandlingErrors = defineErrors({
  CORRECTION_VERSION_CONFLICT: spec(409, '该资格补改申请已被他人处理，请刷新查看最新状态', 'The correction request changed meanwhile'),
  QUALIFICATION_NOT_OWN: spec(404, '未找到该医师的这条资格信息', 'Not one of the physician\'s qualification records'),
  CERT_CODE_INVALID: spec(400, '资格证书编码无效', 'Invalid qualification certificate code'),
  CERT_CODE_TAKEN: spec(409, '该资格证书编码已属于另一条资格信息', 'The certificate code belongs to another record'),
  ADMISSION_TICKET_TAKEN: spec(409, '该准考证号已属于另一条资格信息', 'The admission ticket belongs to another record'),
  QUALIFICATION_KEY_REQUIRED: spec(400, '补录资格信息须填写资格证书编码或准考证号', 'A certificate code or an admission ticket is required'),
});
