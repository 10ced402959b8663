/**
 * What a 准予注册 decision registers, read from the application as the physician submitted it and the
 * institution confirmed it (BT-01 data): level and category (= the qualification's, 《医师执业注册管理办法》),
 * 执业范围, and 执业地点 — the province for 执业医师, the county for 执业助理医师 (办法第七条), which must contain
 * the main institution. Checked once more at the decision, so a malformed record is refused, never registered.
 */
import { PHYSICIAN_LEVEL_INFO, getScope, isCountyLevel, isPracticeCategory, regionLevel, type PhysicianLevel, type PracticeCategory } from '@medreg/domain';
import { AuthorityErrors } from '../authority/errors';

export interface RegistrationIntent {
  level: PhysicianLevel;
  category: PracticeCategory;
  scopes: string[];
  practiceLocationCode: string;
}

const invalid = (detail: string, path: string[]) => AuthorityErrors.REGISTRATION_DATA_INVALID({ detail, path: ['payload', ...path] });

export function registrationIntentOf(
  payload: Record<string, unknown>,
  qualification: { level: PhysicianLevel; category: PracticeCategory },
  institution: { areaCode: string },
): RegistrationIntent {
  const level = qualification.level;
  if (payload.level !== undefined && payload.level !== level) {
    throw invalid(`申请的执业级别与医师资格（${PHYSICIAN_LEVEL_INFO[level].label}）不一致`, ['level']);
  }
  const category = payload.category;
  if (!isPracticeCategory(category)) throw invalid('申请缺少执业类别', ['category']);
  if (category !== qualification.category) throw invalid('执业类别应与医师资格类别一致', ['category']);

  const scopes = payload.scopes;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => typeof s === 'string' && getScope(s)?.category === category)) {
    throw invalid('执业范围缺失或不属于该执业类别', ['scopes']);
  }

  const location = payload.practiceLocationCode;
  if (typeof location !== 'string' || !/^\d{6}$/.test(location)) throw invalid('申请缺少执业地点', ['practiceLocationCode']);
  if (level === 'physician') {
    if (regionLevel(location) !== 'province') throw invalid('执业医师的执业地点应为省级行政区划', ['practiceLocationCode']);
    if (institution.areaCode.slice(0, 2) !== location.slice(0, 2)) throw invalid('主要执业机构不在所选执业地点内', ['practiceLocationCode']);
  } else {
    if (!isCountyLevel(location)) throw invalid('执业助理医师的执业地点应为县级行政区划', ['practiceLocationCode']);
    if (institution.areaCode !== location) throw invalid('主要执业机构不在所选执业地点内', ['practiceLocationCode']);
  }
  return { level, category, scopes: [...new Set(scopes as string[])], practiceLocationCode: location };
}
