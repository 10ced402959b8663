/** The rows of the 医师执业注册申请审核表 a business shows, each as old → new (review-rows.ts fills them in). */
export const REVIEW_FIELDS = [
  'level', 'practiceLocation', 'mainInstitution', 'category', 'scopes', 'licenceCode',
  'filingInstitution', 'filingScopes', 'filingPeriod', 'certificate',
  'registrationStatus', 'assessment', 'training', 'cancellationGround', 'cancellationTrigger',
] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

export const REVIEW_FIELD_LABELS = {
  level: '执业级别',
  practiceLocation: '执业地点',
  mainInstitution: '主要执业机构',
  category: '执业类别',
  scopes: '执业范围',
  licenceCode: '执业证书编码',
  filingInstitution: '备案机构',
  filingScopes: '备案执业范围',
  filingPeriod: '备案有效期',
  certificate: '执业证书',
  registrationStatus: '注册状态',
  assessment: '考核合格证明',
  training: '培训经历',
  cancellationGround: '注销原因',
  cancellationTrigger: '事件发生日期',
} as const satisfies Record<ReviewField, string>;
