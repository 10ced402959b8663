/**
 * `business` of a presented application on the generic path (变更注册, 助理升执业, 增加执业地点, 多机构备案, 补发/换领):
 * packages/server/src/modules/lifecycle/business-view.ts. Null for 首次注册.
 */
import { DECIDER_BASIS_LABELS, DECLARATIONS, businessDefinition, isBusinessType } from '@medreg/domain';

/** One row of the 审核表: an item as registered now and as the approval would leave it. */
export interface ReviewRowView {
  field: string;
  label: string;
  old: string | null;
  new: string | null;
  changed: boolean;
}

export interface BusinessView {
  type: string;
  label: string;
  /** e.g. 变更执业范围（增加执业范围）, 新增备案, 遗失补发; null when the type has one kind only. */
  kindLabel: string | null;
  /** The form as the physician filled it. */
  form: Record<string, unknown>;
  reason: string | null;
  review: ReviewRowView[];
  subjectRegistrationId: string | null;
  subjectFilingId: string | null;
  /** GET → { items: EvidenceFile[] }. */
  attachmentsUrl: string;
}

export interface EvidenceFile {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Named by the form's evidence items (变更执业范围). */
  fileSha256: string;
  uploadedAt: string;
  url: string;
}

/** 「变更注册 · 变更执业范围（增加执业范围）」: the type and, on the generic path, the kind of change. */
export function businessTitle(typeLabel: string, kindLabel: string | null | undefined): string {
  return kindLabel ? `${typeLabel} · ${kindLabel}` : typeLabel;
}

/**
 * 申请理由 in the physician's words. 补发/换领 names its reason by a code (shown as the kind: 遗失补发 …) and keeps the
 * physician's words as `note`.
 */
export function businessReason(b: BusinessView): string | null {
  if (b.type === 'certificate_reissue') return typeof b.form.note === 'string' && b.form.note.trim() !== '' ? b.form.note : null;
  return b.reason;
}

/** Why this authority decides, from the type's definition (e.g. 准予注册的卫生健康主管部门（《医师法》第十八条）). */
export function deciderBasisLabel(b: BusinessView): string | null {
  const def = isBusinessType(b.type) ? businessDefinition(b.type) : undefined;
  if (!def) return null;
  try {
    return DECIDER_BASIS_LABELS[def.decider(b.form)];
  } catch {
    return null;
  }
}

/** The 申请人承诺 a form carries (增加执业地点, 助理升执业), each confirmed or not; null when the form has none. */
export function businessDeclarations(b: BusinessView): { key: string; text: string; accepted: boolean }[] | null {
  const d = b.form.declarations;
  if (!d || typeof d !== 'object') return null;
  const given = d as Record<string, unknown>;
  return DECLARATIONS.map((x) => ({ key: x.key, text: x.text, accepted: given[x.key] === true }));
}
