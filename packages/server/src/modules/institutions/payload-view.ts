import {
  ACADEMIC_DEGREE_LABELS, DECLARATIONS, EDUCATION_LEVEL_LABELS, PHYSICIAN_TITLE_INFO, getScope, isAcademicDegree, isEducationLevel,
  isPhysicianLevel, isPhysicianTitle, isPracticeCategory, type PhysicianLevel, type PracticeCategory,
} from '@medreg/domain';

/**
 * What an application's payload says, read defensively: the payload is JSON written by the physician's
 * wizard (first registration and the businesses built on it), so every field may be absent.
 */
export interface PayloadView {
  qualificationId?: string;
  level?: PhysicianLevel;
  category?: PracticeCategory;
  scopes: { code: string; name: string }[];
  practiceLocationCode?: string;
  department?: string;
  startDate?: string;
  education: { education?: string; degree?: string; school?: string; major?: string; graduationDate?: string };
  title?: string;
  photoSha256?: string;
  declarations: { key: string; text: string; confirmed: boolean }[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Stored codes are shown by their labels (本科, 学士, 住院医师); free text as it was typed. */
function educationLabel(v: string | undefined) {
  return v && isEducationLevel(v) ? EDUCATION_LEVEL_LABELS[v] : v;
}
function degreeLabel(v: string | undefined) {
  return v && isAcademicDegree(v) ? ACADEMIC_DEGREE_LABELS[v] : v;
}
export function titleLabel(v: string | null | undefined) {
  return v && isPhysicianTitle(v) ? PHYSICIAN_TITLE_INFO[v].label : (v ?? undefined);
}

export function readPayload(payload: Record<string, unknown>): PayloadView {
  const education = (payload.education && typeof payload.education === 'object' ? payload.education : {}) as Record<string, unknown>;
  const declarations = (payload.declarations && typeof payload.declarations === 'object' ? payload.declarations : {}) as Record<string, unknown>;
  const scopes = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === 'string') : [];
  return {
    qualificationId: str(payload.qualificationId),
    level: isPhysicianLevel(payload.level) ? payload.level : undefined,
    category: isPracticeCategory(payload.category) ? payload.category : undefined,
    scopes: scopes.map((code) => ({ code, name: getScope(code)?.name ?? code })),
    practiceLocationCode: str(payload.practiceLocationCode),
    department: str(payload.department),
    startDate: str(payload.startDate),
    education: {
      education: educationLabel(str(education.education)),
      degree: degreeLabel(str(education.degree)),
      school: str(education.school),
      major: str(education.major),
      graduationDate: str(education.graduationDate),
    },
    title: titleLabel(str(payload.title)),
    photoSha256: str(payload.photoSha256),
    declarations: DECLARATIONS.map((d) => ({ key: d.key, text: d.text, confirmed: declarations[d.key] === true })),
  };
}
