/**
 * Evidence for a new 执业范围 (domain §2.2 BT-03, §4.10 rule 4; [S10][M]). Each scope added, or brought in by a
 * replacement, needs one of:
 *  - a higher-level medical degree, recognised at provincial level, in another speciality OF THE SAME CATEGORY;
 *  - a certificate of ≥ 2 years' systematic training in that speciality at an institution designated at provincial
 *    level (《医师法》第十四条: 经相关专业培训和考核合格，可以增加执业范围).
 * 全科医学专业 is the exception: it follows 全科转岗培训 (general-practice conversion training, usually one year) or a
 * ≥ 2-year 全科 training; a degree alone does not give it, and a conversion certificate gives no other scope.
 * The institution's consent is its confirmation of the application (§2.1).
 */
import { z } from 'zod';
import type { DomainError } from '../errors';
import { PRACTICE_CATEGORY_INFO, type PracticeCategory } from '../reference/practice-categories';
import { getScope, type PracticeScope } from '../reference/practice-scopes';
import { nameText, plainText } from '../text/plain-text';
import { BusinessErrors } from './business-errors';
import { isoDateField, sha256Field } from './form-fields';

export const SCOPE_EVIDENCE_KINDS = ['degree', 'training', 'gp_conversion'] as const;
export type ScopeEvidenceKind = (typeof SCOPE_EVIDENCE_KINDS)[number];

export const SCOPE_EVIDENCE_LABELS = {
  degree: '省级以上教育行政部门认可的同类别其他专业高一层次医学学历',
  training: '省级卫生健康行政部门指定培训机构二年以上系统培训合格证明',
  gp_conversion: '全科医生转岗培训合格证书',
} as const satisfies Record<ScopeEvidenceKind, string>;

export const MIN_SCOPE_TRAINING_MONTHS = 24;

export const ScopeEvidence = z.object({
  /** The scope (catalogue code) this document supports. */
  scope: plainText().max(10),
  kind: z.enum(SCOPE_EVIDENCE_KINDS, '请选择证明类型'),
  issuer: nameText().trim().min(1, '请填写发证单位').max(100),
  issuedOn: isoDateField,
  /** Length of the training, for 'training' and 'gp_conversion'. */
  trainingMonths: z.int().min(1).max(240).optional(),
  fileSha256: sha256Field,
});
export type ScopeEvidence = z.infer<typeof ScopeEvidence>;

/** 全科医学专业, in the 临床 or the 中医 category. */
export function isGeneralPracticeScope(scope: PracticeScope): boolean {
  return scope.name === '全科医学专业';
}

function supports(e: ScopeEvidence, scope: PracticeScope, category: PracticeCategory): boolean {
  const longTraining = e.kind === 'training' && (e.trainingMonths ?? 0) >= MIN_SCOPE_TRAINING_MONTHS;
  if (isGeneralPracticeScope(scope)) return e.kind === 'gp_conversion' || longTraining;
  if (e.kind === 'degree') return scope.category === category;
  return longTraining;
}

function insufficient(scope: PracticeScope, category: PracticeCategory): string {
  if (isGeneralPracticeScope(scope)) return `增加「${scope.name}」须提交${SCOPE_EVIDENCE_LABELS.gp_conversion}，或二年以上全科专业系统培训合格证明`;
  return `增加「${scope.name}」须提交${PRACTICE_CATEGORY_INFO[category].fullLabel}其他专业的高一层次医学学历，`
    + `或该专业${MIN_SCOPE_TRAINING_MONTHS / 12}年以上系统培训合格证明`;
}

/** Refusals for the scopes in `added` that no document in `evidence` supports. Path ['evidence']. */
export function scopeEvidenceRefusals(category: PracticeCategory, added: readonly string[], evidence: readonly ScopeEvidence[]): DomainError[] {
  const errors: DomainError[] = [];
  for (const code of added) {
    const scope = getScope(code);
    if (!scope) continue; // an unknown code is refused by the scope rules
    const documents = evidence.filter((e) => e.scope === code);
    if (documents.length === 0) {
      errors.push(BusinessErrors.SCOPE_EVIDENCE_REQUIRED({ path: ['evidence'], detail: `请为「${scope.name}」上传证明材料。${insufficient(scope, category)}` }));
    } else if (!documents.some((e) => supports(e, scope, category))) {
      errors.push(BusinessErrors.SCOPE_EVIDENCE_INSUFFICIENT({ path: ['evidence'], detail: insufficient(scope, category) }));
    }
  }
  return errors;
}
