import { defineErrors, spec } from '@medreg/domain';

export const LifecycleErrors = defineErrors({
  RECORD_CHANGED: spec(409, '记录已被其他操作更改', 'The record was changed by someone else'),
});
