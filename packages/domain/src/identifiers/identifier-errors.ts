/** Refusal codes for identifiers: 身份证号, 统一社会信用代码, 组织机构代码, 证书编码, 行政区划代码. */
import { defineErrors, spec } from '../errors';

export const IDENTIFIER_ERROR_CODES = {
  /** One stable code for every invalid 身份证号; `extra.reason` says which check failed (format / checksum / birth_date). */
  ID_NUMBER_INVALID: spec(400, '身份证号无效', 'Invalid resident ID number'),
  CREDIT_CODE_INVALID: spec(400, '统一社会信用代码格式不正确', 'Unified social credit code: wrong format'),
  ORGANIZATION_CODE_INVALID: spec(400, '组织机构代码无效', 'Organisation code invalid'),
  LICENCE_REGISTRATION_NUMBER_INVALID: spec(400, '医疗机构执业许可证登记号格式不正确', 'Institution licence registration number: wrong format'),
  QUALIFICATION_CODE_INVALID: spec(400, '医师资格证书编码格式不正确', 'Qualification certificate code: wrong format'),
  QUALIFICATION_CODE_ID_MISMATCH: spec(400, '医师资格证书编码与本人身份证号不一致', 'Qualification certificate code does not match the ID number'),
  LICENCE_CODE_INVALID: spec(400, '医师执业证书编码格式不正确', 'Practice certificate code: wrong format'),
  REGION_CODE_INVALID: spec(400, '行政区划代码应为6位数字', 'Administrative division code must be 6 digits'),
} as const;

export const IdentifierErrors = defineErrors(IDENTIFIER_ERROR_CODES);
