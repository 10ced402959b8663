import {
  ACADEMIC_DEGREE_LABELS, BUSINESS_TYPES, BUSINESS_TYPE_INFO, EDUCATION_LEVEL_LABELS, INELIGIBLE_CASES, INELIGIBLE_CASE_INFO,
  MAX_SCOPES_DEFAULT, MAX_SCOPES_GRASSROOTS, PHYSICIAN_TITLES, PHYSICIAN_TITLE_INFO, PRACTICE_CATEGORIES, PRACTICE_CATEGORY_INFO,
  getRegion, institutionSuspendedText, isCountyLevel, regionFullName, scopesOfCategory, type PracticeCategory,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { ReferenceErrors } from './errors';
import { decodeInstitutionCursor, encodeInstitutionCursor } from './institution-cursor';
import { FORM_BUSINESS_TYPES } from '../lifecycle/business-context';
import { institutionSearchQuery, selectChildren, selectInstitutionDepartments, selectProvinces, selectRegion, type SearchPlace } from './queries';

export const INSTITUTION_PAGE_SIZE = 20;

export async function listProvinces(c: Ctx) {
  return { items: await selectProvinces(c) };
}

export async function listRegionChildren(c: Ctx, code: string) {
  const region = await selectRegion(c, code);
  if (!region) throw ReferenceErrors.REGION_NOT_FOUND({ path: ['code'] });
  return { region: { code: region.code, name: region.name, level: region.level, fullName: regionFullName(region.code) ?? region.name }, items: await selectChildren(c, code) };
}

/**
 * The rules of 卫医发〔2001〕169号 on how many 执业范围 a registration holds (domain §4.10 rules 1, 1(a), 1(b)),
 * in the words the form shows next to the catalogue; `checkScopeSelection` enforces them.
 */
export const SCOPE_RULE_TEXTS = [
  '执业类别应与医师资格的类别一致，执业范围从该类别的目录中选择（《关于医师执业注册中执业范围的暂行规定》卫医发〔2001〕169号）。',
  `医师一般注册${MAX_SCOPES_DEFAULT}个执业范围。`,
  `县级及以下医疗机构（主要是乡镇卫生院和社区卫生服务机构）的临床类别医师，因工作需要，可注册同一类别至多${MAX_SCOPES_GRASSROOTS}个专业。`,
  '在乡镇卫生院和社区卫生服务机构中，同时取得临床和公共卫生类别医师资格的，可加注另一类别的1个执业范围。',
] as const;

export function practiceScopeCatalogue(category?: PracticeCategory) {
  const categories = (category ? [category] : [...PRACTICE_CATEGORIES]).map((c) => ({
    category: c,
    label: PRACTICE_CATEGORY_INFO[c].label,
    fullLabel: PRACTICE_CATEGORY_INFO[c].fullLabel,
    scopes: scopesOfCategory(c).map((s) => ({ code: s.code, name: s.name, label: s.label })),
  }));
  return { categories, rules: { maxDefault: MAX_SCOPES_DEFAULT, maxGrassroots: MAX_SCOPES_GRASSROOTS, texts: SCOPE_RULE_TEXTS } };
}

/** 学历、学位、任职资格 as the form offers them; the application stores the labels. */
export function educationAndTitleOptions() {
  return {
    educationLevels: Object.values(EDUCATION_LEVEL_LABELS),
    degrees: Object.values(ACADEMIC_DEGREE_LABELS),
    titles: PHYSICIAN_TITLES.map((t) => ({ label: PHYSICIAN_TITLE_INFO[t].label, grade: PHYSICIAN_TITLE_INFO[t].grade })),
  };
}

/** The business catalogue (业务申请) and the cases handled offline (seed question 二). 注销 and 重新注册 are not open yet. */
export const OPEN_BUSINESS_TYPES = new Set<string>(['first_registration', ...FORM_BUSINESS_TYPES]);

export function businessTypeCatalogue() {
  return {
    businessTypes: BUSINESS_TYPES.map((t) => ({
      type: t, id: BUSINESS_TYPE_INFO[t].id, label: BUSINESS_TYPE_INFO[t].label,
      levels: BUSINESS_TYPE_INFO[t].levels, available: OPEN_BUSINESS_TYPES.has(t),
    })),
    ineligibleCases: INELIGIBLE_CASES.map((k) => ({ case: k, ...INELIGIBLE_CASE_INFO[k] })),
  };
}

/** A place code → how the institution search filters by it; 400 PLACE_INVALID for anything else. */
export function searchPlaceOf(code: string): SearchPlace {
  const region = getRegion(code);
  if (!region) throw ReferenceErrors.PLACE_INVALID({ path: ['place'] });
  if (region.level === 'province') return { kind: 'province', code };
  if (isCountyLevel(code)) return { kind: 'county', code };
  return { kind: 'city', code };
}

export async function searchInstitutions(c: Ctx, input: { place: string; q?: string; cursor?: string }) {
  const place = searchPlaceOf(input.place);
  const cursor = input.cursor ? decodeInstitutionCursor(input.cursor) : undefined;
  const rows = await institutionSearchQuery(c, { place, q: input.q, cursor, limit: INSTITUTION_PAGE_SIZE });
  const page = rows.slice(0, INSTITUTION_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...r, areaName: regionFullName(r.areaCode) ?? r.areaCode })),
    nextCursor: rows.length > INSTITUTION_PAGE_SIZE && last ? encodeInstitutionCursor({ name: last.name, id: last.id }) : null,
  };
}

export async function institutionDepartments(c: Ctx, id: string) {
  const row = await selectInstitutionDepartments(c, id);
  if (!row) throw ReferenceErrors.INSTITUTION_NOT_FOUND();
  // A suspended institution (暂停) receives no new applications: say so rather than "not found".
  if (!row.active) throw ReferenceErrors.INSTITUTION_SUSPENDED({ path: ['institutionId'], detail: institutionSuspendedText(row.name) });
  return { institutionId: row.id, institutionName: row.name, departments: row.departments };
}
