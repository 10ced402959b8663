/**
 * Which 执业范围 a registration may hold — rules of 卫医发〔2001〕169号 (domain §4.10, Appendix A.2 items 3–4):
 *  rule 1: the scopes follow the registered category, one speciality by default;
 *  rule 1(a): clinicians (临床类别) in county-level-and-below institutions (mainly 乡镇卫生院 and 社区卫生服务机构)
 *    may register up to 3 specialities of the same category;
 *  rule 1(b): at such institutions a clinician who also holds the public-health qualification may add a
 *    公共卫生 scope, and a public-health physician who also holds the clinical qualification a 临床 scope.
 * Provinces may configure a different maximum (the 2025 guide says 1–3, [U]) through `maxSameCategory`.
 */
import { defineErrors, spec } from '../errors';
import { PRACTICE_CATEGORY_INFO, type PracticeCategory } from './practice-categories';
import { getScope, type PracticeScope } from './practice-scopes';

export const MAX_SCOPES_DEFAULT = 1;
export const MAX_SCOPES_GRASSROOTS = 3;

export const SCOPE_ERROR_CODES = {
  SCOPE_REQUIRED: spec(400, '请选择执业范围', 'Choose a practice scope'),
  SCOPE_UNKNOWN: spec(400, '执业范围不存在', 'Unknown practice scope'),
  SCOPE_NOT_IN_CATEGORY: spec(400, '执业范围与执业类别不符', 'Practice scope is not in the registered category'),
  SCOPE_TOO_MANY: spec(400, '执业范围数量超过规定', 'Too many practice scopes'),
  SCOPE_DUPLICATE: spec(400, '执业范围重复', 'Duplicate practice scope'),
} as const;

export const ScopeErrors = defineErrors(SCOPE_ERROR_CODES);

export interface ScopeSelection {
  category: PracticeCategory;
  scopeCodes: readonly string[];
  /** The institution is county-level or below (乡镇卫生院, 社区卫生服务中心/站). */
  grassroots: boolean;
  /** Also holds a 公共卫生 qualification (rule 1(b), for a clinician). */
  hasPublicHealthQualification?: boolean;
  /** Also holds a 临床 qualification (rule 1(b), for a public-health physician). */
  hasClinicalQualification?: boolean;
  /** Provincial override of the same-category maximum. */
  maxSameCategory?: number;
}

/** The most scopes of the registered category itself. */
export function maxScopesOf(sel: Pick<ScopeSelection, 'category' | 'grassroots' | 'maxSameCategory'>): number {
  if (sel.maxSameCategory !== undefined) return sel.maxSameCategory;
  return sel.grassroots && sel.category === 'clinical' ? MAX_SCOPES_GRASSROOTS : MAX_SCOPES_DEFAULT;
}

/** The one other category whose scope rule 1(b) lets this selection add, if any. */
function crossCategoryAllowed(sel: ScopeSelection): PracticeCategory | undefined {
  if (!sel.grassroots) return undefined;
  if (sel.category === 'clinical' && sel.hasPublicHealthQualification) return 'public_health';
  if (sel.category === 'public_health' && sel.hasClinicalQualification) return 'clinical';
  return undefined;
}

/**
 * Validates a scope selection and returns the scopes in the given order.
 * Throws SCOPE_REQUIRED, SCOPE_UNKNOWN, SCOPE_DUPLICATE, SCOPE_NOT_IN_CATEGORY or SCOPE_TOO_MANY
 * with the path of the offending entry (['scopes', i]).
 */
export function checkScopeSelection(sel: ScopeSelection): PracticeScope[] {
  if (sel.scopeCodes.length === 0) throw ScopeErrors.SCOPE_REQUIRED({ path: ['scopes'] });
  const categoryLabel = PRACTICE_CATEGORY_INFO[sel.category].fullLabel;
  const cross = crossCategoryAllowed(sel);
  const max = maxScopesOf(sel);
  const seen = new Set<string>();
  const scopes: PracticeScope[] = [];
  let own = 0;
  let crossCount = 0;

  sel.scopeCodes.forEach((code, i) => {
    const path = ['scopes', i];
    const scope = getScope(code);
    if (!scope) throw ScopeErrors.SCOPE_UNKNOWN({ path, detail: `执业范围代码「${code}」不存在` });
    if (seen.has(code)) throw ScopeErrors.SCOPE_DUPLICATE({ path, detail: `「${scope.name}」重复选择` });
    seen.add(code);
    if (scope.category === sel.category) {
      own += 1;
      if (own > max) {
        throw ScopeErrors.SCOPE_TOO_MANY({
          path,
          detail: max === MAX_SCOPES_DEFAULT
            ? `${categoryLabel}只能注册1个执业范围；县级及以下医疗机构的临床医师可注册同一类别的至多${MAX_SCOPES_GRASSROOTS}个专业`
            : `${categoryLabel}至多可注册${max}个执业范围`,
          extra: { max },
        });
      }
    } else if (scope.category === cross) {
      crossCount += 1;
      if (crossCount > 1) {
        throw ScopeErrors.SCOPE_TOO_MANY({ path, detail: `只能加注1个${PRACTICE_CATEGORY_INFO[cross].fullLabel}执业范围`, extra: { max: 1 } });
      }
    } else {
      throw ScopeErrors.SCOPE_NOT_IN_CATEGORY({
        path,
        detail: `「${scope.name}」属于${PRACTICE_CATEGORY_INFO[scope.category].fullLabel}，与注册的${categoryLabel}不符`,
      });
    }
    scopes.push(scope);
  });

  if (own === 0) {
    throw ScopeErrors.SCOPE_REQUIRED({ path: ['scopes'], detail: `须至少选择1个${categoryLabel}的执业范围` });
  }
  return scopes;
}
