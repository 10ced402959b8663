import { PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO } from '@medreg/domain';
import type { Qualification } from '../../db/schema/index';
import { openCertCode } from '../../security/cert-code';
import type { PiiCipher } from '../../security/pii';

export const QUALIFICATION_STATUS_LABELS = { valid: '有效', revoked: '已撤销' } as const satisfies Record<Qualification['status'], string>;
export const QUALIFICATION_SOURCE_LABELS = {
  exam: '医师资格考试',
  expertise: '师承和确有专长考核',
  military: '军队转换',
  admin_supplement: '行政补录',
} as const satisfies Record<Qualification['source'], string>;

/** 资格信息 as the owner sees it: 资格证书编码, 级别, 类别, 取得时间, 准考证号 (the owner may see their own codes). */
export function presentQualification(q: Qualification, pii: PiiCipher) {
  return {
    id: q.id,
    certCode: openCertCode(pii, q),
    admissionTicketNo: q.admissionTicketNo,
    name: q.name,
    level: q.level,
    levelLabel: PHYSICIAN_LEVEL_INFO[q.level].label,
    category: q.category,
    categoryLabel: PRACTICE_CATEGORY_INFO[q.category].fullLabel,
    speciality: q.speciality,
    examCategoryCode: q.examCategoryCode,
    examYear: q.examYear,
    obtainedDate: q.obtainedDate,
    status: q.status,
    statusLabel: QUALIFICATION_STATUS_LABELS[q.status],
    source: q.source,
    sourceLabel: QUALIFICATION_SOURCE_LABELS[q.source],
    /** Pushed by the exam centre but no certificate issued yet (seed question 一). */
    certificatePending: q.certCodeHash === null,
  };
}

export type QualificationView = ReturnType<typeof presentQualification>;

/**
 * Before activation the account has only shown that someone knows a name and an ID number: say what was
 * found, without the 资格证书编码, 准考证号 or dates that would help to guess the code that activates it.
 */
export function presentQualificationSummary(q: Qualification) {
  return {
    id: q.id,
    levelLabel: PHYSICIAN_LEVEL_INFO[q.level].label,
    categoryLabel: PRACTICE_CATEGORY_INFO[q.category].fullLabel,
    statusLabel: QUALIFICATION_STATUS_LABELS[q.status],
    certificatePending: q.certCodeHash === null,
  };
}
