/**
 * 执业地点 (practice location) of a registration at an institution — 《医师执业注册管理办法》(2017) 第七条:
 * 执业医师的执业地点 is the province (省级行政区划), 执业助理医师的 the county (县级行政区划) where the
 * institution is. 医师验证 (seed question 四) compares a registration against this.
 */
import type { PhysicianLevel } from '../reference/physician-levels';
import { provinceCodeOf } from '../regions/regions';

/** The 执业地点 code a registration at an institution in `institutionAreaCode` must carry. */
export function expectedPracticeLocationCode(level: PhysicianLevel, institutionAreaCode: string): string {
  return level === 'physician' ? provinceCodeOf(institutionAreaCode) : institutionAreaCode;
}
