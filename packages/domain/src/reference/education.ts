/**
 * 学历 (education level) and 学位 (academic degree) of the registration form (domain §2.2 BT-01 data, [M]).
 * Degree levels follow 《中华人民共和国学位法》(学士、硕士、博士).
 */
export const EDUCATION_LEVELS = ['secondary_vocational', 'junior_college', 'bachelor', 'master', 'doctorate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_LEVEL_LABELS = {
  secondary_vocational: '中专',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctorate: '博士研究生',
} as const satisfies Record<EducationLevel, string>;

export const ACADEMIC_DEGREES = ['none', 'bachelor', 'master', 'doctor'] as const;
export type AcademicDegree = (typeof ACADEMIC_DEGREES)[number];

export const ACADEMIC_DEGREE_LABELS = {
  none: '无',
  bachelor: '学士',
  master: '硕士',
  doctor: '博士',
} as const satisfies Record<AcademicDegree, string>;

export function isEducationLevel(value: unknown): value is EducationLevel {
  return (EDUCATION_LEVELS as readonly unknown[]).includes(value);
}

export function isAcademicDegree(value: unknown): value is AcademicDegree {
  return (ACADEMIC_DEGREES as readonly unknown[]).includes(value);
}
