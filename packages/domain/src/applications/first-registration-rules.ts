/**
 * 首次注册 (BT-01) rules that need no database: where the physician may practise, which institution fits that
 * place, the category, and the choice lists of the form. The server applies them to every draft save and
 * again, all together, at submission; the web shows the same texts.
 *
 *  - 执业地点: the province for 执业医师, the county for 执业助理医师 (《医师执业注册管理办法》第七条, domain §5.1).
 *    An assistant's county is the county of the chosen institution (the physician first picks where to search).
 *  - 主要执业机构: must lie in that 执业地点 (Appendix A.2 items 5–6).
 *  - 执业类别: must equal the qualification's category (卫医发〔2001〕169号, §4.10 rule 1).
 */
import { defineErrors, spec } from '../errors';
import { addCalendarDays, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { PRACTICE_CATEGORY_INFO, type PracticeCategory } from '../reference/practice-categories';
import type { PhysicianLevel } from '../reference/physician-levels';
import { ACADEMIC_DEGREE_LABELS, EDUCATION_LEVEL_LABELS } from '../reference/education';
import { PHYSICIAN_TITLE_INFO } from '../reference/titles';
import { getRegion, isCountyLevel, parentChain, regionFullName } from '../regions/regions';

export const FirstRegistrationErrors = defineErrors({
  PRACTICE_LOCATION_INVALID: spec(400, '执业地点无效', 'Invalid practice location'),
  INSTITUTION_OUTSIDE_PRACTICE_LOCATION: spec(400, '所选主要执业机构不在执业地点内', 'The institution is outside the practice location'),
  CATEGORY_MISMATCH: spec(400, '执业类别须与医师资格的类别一致', 'The practice category must equal the qualification category'),
  DEPARTMENT_NOT_AVAILABLE: spec(400, '所选科室不在该机构设置的科室中', 'The institution has no such department'),
  DEPARTMENT_NEEDS_INSTITUTION: spec(400, '请先选择主要执业机构，再选择科室', 'Choose the institution before the department'),
  TITLE_UNKNOWN: spec(400, '请从列表中选择任职资格', 'Unknown professional title'),
  EDUCATION_UNKNOWN: spec(400, '请从列表中选择学历', 'Unknown education level'),
  DEGREE_UNKNOWN: spec(400, '请从列表中选择学位', 'Unknown academic degree'),
  START_DATE_OUT_OF_RANGE: spec(400, '拟在该机构执业时间不在允许的范围内', 'The start date is out of range'),
  GRADUATION_DATE_IN_FUTURE: spec(400, '毕业时间不能晚于今天', 'The graduation date is in the future'),
});

/** 「拟在该机构执业时间」 may lie at most this many days ahead (a planned start; past dates are fine — seed 第三步). */
export const START_DATE_MAX_DAYS_AHEAD = 366;

/** The seed's hint for 「拟在该机构执业时间」 (第三步, 助理升执业 paragraph). */
export const START_DATE_HINT = '有助理证的可以填助理证注册时间，首次注册填写当前日期';

/** The seed's photo guidance (domain §2.2 BT-01 data). */
export const PHOTO_GUIDANCE = '近6个月2寸白底免冠正面半身照片';

/** What the 执业地点 is for a level, in words (for hints and messages). */
export function practiceLocationRule(level: PhysicianLevel): string {
  return level === 'physician'
    ? '执业医师的执业地点为省级行政区划（《医师执业注册管理办法》第七条）'
    : '执业助理医师的执业地点为县级行政区划，由所选主要执业机构所在的县（区）确定（《医师执业注册管理办法》第七条）';
}

/**
 * Checks the place the physician chose: a province for 执业医师; for 执业助理医师 a province, city or county to search
 * in (the county itself then comes from the institution). Path ['practiceLocationCode'].
 */
export function checkPracticePlace(level: PhysicianLevel, code: string): void {
  const region = getRegion(code);
  const ok = level === 'physician' ? region?.level === 'province' : region !== undefined;
  if (!ok) throw FirstRegistrationErrors.PRACTICE_LOCATION_INVALID({ path: ['practiceLocationCode'], detail: practiceLocationRule(level) });
}

/** Whether `areaCode` (an institution's county) lies in `place` (a province, city or county code). */
export function placeContains(place: string, areaCode: string): boolean {
  if (place === areaCode) return true;
  const chain = parentChain(areaCode);
  if (chain.length > 0) return chain.some((r) => r.code === place);
  // Unknown (abolished) area code: fall back on the code's prefixes.
  if (place.endsWith('0000')) return place.slice(0, 2) === areaCode.slice(0, 2);
  if (place.endsWith('00')) return place.slice(0, 4) === areaCode.slice(0, 4);
  return false;
}

/**
 * The 执业地点 of a registration at an institution in `institutionAreaCode`, given the place the physician chose
 * (if any): the province for 执业医师, the institution's county for 执业助理医师. Throws
 * INSTITUTION_OUTSIDE_PRACTICE_LOCATION (path ['institutionId']) when the institution is not in the chosen place.
 */
export function resolvePracticeLocation(level: PhysicianLevel, place: string | undefined, institutionAreaCode: string): string {
  if (place !== undefined && !placeContains(place, institutionAreaCode)) {
    throw FirstRegistrationErrors.INSTITUTION_OUTSIDE_PRACTICE_LOCATION({
      path: ['institutionId'],
      detail: `所选机构位于${regionFullName(institutionAreaCode) ?? institutionAreaCode}，不在所选执业地点（${regionFullName(place) ?? place}）内，请在执业地点内按标准名称查找机构`,
    });
  }
  if (level === 'physician') return `${institutionAreaCode.slice(0, 2)}0000`;
  if (!isCountyLevel(institutionAreaCode)) {
    throw FirstRegistrationErrors.PRACTICE_LOCATION_INVALID({ path: ['institutionId'], detail: '该机构的所在地不是县级行政区划，无法作为执业助理医师的执业地点，请联系注册主管部门' });
  }
  return institutionAreaCode;
}

/** 执业类别 = the qualification's category. Path ['category']. */
export function checkCategory(category: PracticeCategory, qualificationCategory: PracticeCategory): void {
  if (category !== qualificationCategory) {
    throw FirstRegistrationErrors.CATEGORY_MISMATCH({
      path: ['category'],
      detail: `您的医师资格为${PRACTICE_CATEGORY_INFO[qualificationCategory].fullLabel}，执业类别只能选择${PRACTICE_CATEGORY_INFO[qualificationCategory].fullLabel}`,
    });
  }
}

/** 科室: one of the institution's departments when it has set any up (机构「科室设置」). Path ['department']. */
export function checkDepartment(department: string, departments: readonly string[]): void {
  if (departments.length > 0 && !departments.includes(department)) {
    throw FirstRegistrationErrors.DEPARTMENT_NOT_AVAILABLE({ path: ['department'], detail: `该机构设置的科室为：${departments.join('、')}` });
  }
}

export const EDUCATION_LABELS: readonly string[] = Object.values(EDUCATION_LEVEL_LABELS);
export const DEGREE_LABELS: readonly string[] = Object.values(ACADEMIC_DEGREE_LABELS);
export const TITLE_LABELS: readonly string[] = Object.values(PHYSICIAN_TITLE_INFO).map((t) => t.label);

/** 任职资格, stored as its label (住院医师 …). Path ['title']. */
export function checkTitle(title: string): void {
  if (!TITLE_LABELS.includes(title)) throw FirstRegistrationErrors.TITLE_UNKNOWN({ path: ['title'] });
}

/** 学历/学位/毕业时间, stored as labels (本科, 学士). Paths under ['education']. */
export function checkEducation(e: { education?: string; degree?: string; graduationDate?: string }, today: IsoDate): void {
  if (e.education !== undefined && !EDUCATION_LABELS.includes(e.education)) {
    throw FirstRegistrationErrors.EDUCATION_UNKNOWN({ path: ['education', 'education'] });
  }
  if (e.degree !== undefined && e.degree !== '' && !DEGREE_LABELS.includes(e.degree)) {
    throw FirstRegistrationErrors.DEGREE_UNKNOWN({ path: ['education', 'degree'] });
  }
  if (e.graduationDate !== undefined) {
    if (!isIsoDate(e.graduationDate)) throw FirstRegistrationErrors.GRADUATION_DATE_IN_FUTURE({ path: ['education', 'graduationDate'], detail: '毕业时间不是有效日期' });
    if (e.graduationDate > today) throw FirstRegistrationErrors.GRADUATION_DATE_IN_FUTURE({ path: ['education', 'graduationDate'] });
  }
}

/** 拟在该机构执业时间: a real date, not before 1950 and at most a year ahead. Path ['startDate']. */
export function checkStartDate(startDate: string, today: IsoDate): void {
  const latest = addCalendarDays(today, START_DATE_MAX_DAYS_AHEAD);
  if (!isIsoDate(startDate) || startDate < '1950-01-01' || startDate > latest) {
    throw FirstRegistrationErrors.START_DATE_OUT_OF_RANGE({ path: ['startDate'], detail: `拟在该机构执业时间应为有效日期，且不晚于${latest}（${START_DATE_HINT}）` });
  }
}
