import { defineErrors, spec } from '@medreg/domain';

export const RegisterErrors = defineErrors({
  REGISTER_INSTITUTION_AMBIGUOUS: spec(400, '所在医疗机构名称对应多家医疗机构，请输入完整的机构标准名称', 'Institution name matches several institutions'),
  CERTIFICATE_NOT_FOUND: spec(404, '未查询到该证书', 'Certificate not found'),
});
