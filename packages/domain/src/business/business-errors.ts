/** Refusals of the business definitions: who may apply, and the rules over what they ask for. */
import { defineErrors, spec } from '../errors';

export const BusinessErrors = defineErrors({
  // who may apply
  QUALIFICATION_REQUIRED: spec(409, '没有有效的医师资格，不能申请执业注册', 'No valid qualification'),
  ALREADY_REGISTERED: spec(409, '您已有执业注册，不能再申请首次注册', 'Already registered'),
  RE_REGISTRATION_REQUIRED: spec(409, '您的执业注册已注销，请申请重新注册', 'Registration cancelled: apply for re-registration'),
  APPLICATION_PENDING: spec(409, '已有同类申请正在办理', 'An application of this type is in progress'),
  REGISTRATION_BUSY: spec(409, '该注册有正在办理的申请，办结后才能申请此项业务', 'The registration has an application in progress'),
  REGISTRATION_NOT_FOUND: spec(404, '未找到该执业注册', 'Registration not found'),
  REGISTRATION_NOT_VALID: spec(409, '该执业注册当前状态不能办理此项业务', 'The registration\'s status does not allow this business'),
  ADDITIONAL_REGISTRATION_PHYSICIAN_ONLY: spec(409, '执业助理医师只能注册一个执业地点，不能增加执业地点注册', 'An assistant registers one practice location only'),
  UPGRADE_ASSISTANT_ONLY: spec(409, '助理升执业只适用于执业助理医师的注册', 'Only an assistant registration can be upgraded'),
  UPGRADE_QUALIFICATION_REQUIRED: spec(409, '须取得同一类别的执业医师资格，才能申请助理升执业', 'A physician qualification of the same category is required'),
  TRIGGER_DATE_IN_FUTURE: spec(400, '事件发生日期不能晚于今天', 'The triggering event lies in the future'),
  CANCELLATION_FILED_BY_OTHERS: spec(400, '本人只能以「本人主动申请」申请注销；死亡、受刑事处罚等情形由执业机构报告或卫生健康主管部门依职权注销', 'A physician applies on the own-application ground only'),
  CERTIFICATE_NOT_ISSUED: spec(409, '该注册没有有效的执业证书，无需补发或换领', 'No certificate in force'),
  // the proposal
  INSTITUTION_REQUIRED: spec(400, '请选择医疗机构', 'Choose an institution'),
  INSTITUTION_INACTIVE: spec(409, '所选医疗机构当前不能办理执业注册业务', 'The institution cannot take registrations now'),
  INSTITUTION_UNCHANGED: spec(400, '新的主要执业机构与当前主要执业机构相同', 'Same main institution'),
  PROVINCE_ALREADY_REGISTERED: spec(409, '您在该省级行政区划已有执业注册', 'Already registered in that province'),
  LOCATION_UNCHANGED: spec(400, '新的执业地点与当前执业地点相同，请改为申请变更主要执业机构', 'Same practice location'),
  CATEGORY_UNCHANGED: spec(400, '新的执业类别与当前执业类别相同', 'Same practice category'),
  CATEGORY_QUALIFICATION_REQUIRED: spec(409, '变更执业类别须具有该类别的医师资格', 'A qualification of that category is required'),
  SCOPES_UNCHANGED: spec(400, '执业范围没有变化', 'The practice scopes are unchanged'),
  SCOPE_EVIDENCE_REQUIRED: spec(400, '增加或变更执业范围须提交相应的学历或培训证明', 'Evidence is required for a new scope'),
  SCOPE_EVIDENCE_INSUFFICIENT: spec(400, '所附证明不足以增加该执业范围', 'The evidence does not support the scope'),
  FILING_NOT_FOUND: spec(404, '未找到该备案', 'Filing not found'),
  FILING_NOT_ACTIVE: spec(409, '该备案当前状态不能修改或终止', 'The filing is not in force'),
  FILING_OUTSIDE_PRACTICE_LOCATION: spec(400, '备案机构须在执业地点内', 'The filed institution must lie in the practice location'),
  FILING_AT_MAIN_INSTITUTION: spec(400, '该机构已是主要执业机构，无需备案', 'The institution is the main institution'),
  FILING_DUPLICATE: spec(409, '在该机构已有备案或备案申请', 'Already filed at that institution'),
  FILING_SCOPE_NOT_REGISTERED: spec(400, '备案的执业范围须在注册的执业范围之内', 'Filed scopes must be registered scopes'),
  FILING_PERIOD_INVALID: spec(400, '备案有效期无效', 'Invalid filing period'),
  FILING_UNCHANGED: spec(400, '备案内容没有变化', 'The filing is unchanged'),
  // re-checked at the decision
  QUALIFICATION_NO_LONGER_VALID: spec(409, '申请所依据的医师资格已不再有效', 'The qualification is no longer valid'),
  REGISTRATION_CHANGED_SINCE_SUBMISSION: spec(409, '提交申请后该注册已发生变化，请退回申请人重新确认', 'The registration changed since submission'),
  FILING_CHANGED_SINCE_SUBMISSION: spec(409, '提交申请后该备案已发生变化，请退回申请人重新确认', 'The filing changed since submission'),
});
