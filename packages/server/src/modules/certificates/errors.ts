import { defineErrors, spec } from '@medreg/domain';

export const CertificateErrors = defineErrors({
  CERTIFICATE_NOT_AVAILABLE: spec(409, '该执业注册当前不是有效状态，不能下载电子化医师执业证书', 'No certificate for a registration that is not valid'),
});
