import { and, asc, eq } from 'drizzle-orm';
import {
  PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, REGISTRATION_STATUS_LABELS, expectedPracticeLocationCode, getScope, regionFullName,
} from '@medreg/domain';
import { reading, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import { authorities, institutions, physicians, registrations } from '../../db/schema/index';
import { hitRateLimit } from '../../security/rate-limit';
import { audit } from '../audit/service';
import { institutionIdOf } from './policy';

/** Look-ups per staff account per window: enough for a desk, too few to walk the register. */
export const VERIFICATION_RATE_LIMIT = { hits: 30, windowSeconds: 600 };

/** Registrations that still bind the physician to their main institution (中止 keeps it, §3.3). */
const CURRENT = new Set(['valid', 'suspended']);

const NOT_FOUND_TEXT = '未查询到该医师的执业注册信息，请核对姓名和身份证号是否正确。';

/**
 * 医师验证 (seed question 四): when the institution cannot find a physician in 医师账户激活, it checks whether
 * the registration's 执业地点 and 主要执业机构 match its own standard name and location; if not,
 * 「请联系卫生健康委处理」— the commission that registered the physician.
 * 执业地点 rule: 《医师执业注册管理办法》第七条 (province for 执业医师, county for 执业助理医师).
 */
export async function verifyPhysician(deps: Deps, actor: AccountActor, input: { name: string; idNumber: string }) {
  const institutionId = institutionIdOf(actor);
  const c = reading(deps);
  await hitRateLimit(c, `institution-verify:${actor.accountId}`, VERIFICATION_RATE_LIMIT.hits, VERIFICATION_RATE_LIMIT.windowSeconds);

  const [institution] = await c.tx.select({ name: institutions.name, areaCode: institutions.areaCode }).from(institutions).where(eq(institutions.id, institutionId));
  const [physician] = await c.tx
    .select({ id: physicians.id, name: physicians.name, sex: physicians.sex, idNumberMasked: physicians.idNumberMasked })
    .from(physicians)
    .where(and(eq(physicians.idNumberHash, c.pii.hash(input.idNumber)), eq(physicians.name, input.name)));
  const rows = physician
    ? await c.tx
        .select({
          registration: registrations,
          mainInstitutionName: institutions.name,
          authorityName: authorities.name,
        })
        .from(registrations)
        .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
        .innerJoin(authorities, eq(authorities.id, registrations.authorityId))
        .where(eq(registrations.physicianId, physician.id))
        .orderBy(asc(registrations.approvedOn))
    : [];
  await audit(c, actor, 'physician.verify', 'physician', physician?.id ?? null, { found: rows.length > 0 });
  if (!physician || rows.length === 0 || !institution) return { found: false as const, message: NOT_FOUND_TEXT };

  const present = rows.map(({ registration: r, mainInstitutionName, authorityName }) => {
    const expectedLocation = expectedPracticeLocationCode(r.level, institution.areaCode);
    const institutionMatches = r.mainInstitutionId === institutionId && mainInstitutionName === institution.name;
    const locationMatches = r.practiceLocationCode === expectedLocation;
    const current = CURRENT.has(r.status);
    const problems = [
      ...(locationMatches ? [] : [`执业地点「${regionFullName(r.practiceLocationCode) ?? r.practiceLocationCode}」与本机构所在地（应为「${regionFullName(expectedLocation) ?? expectedLocation}」）不一致`]),
      ...(institutionMatches ? [] : [`主要执业机构「${mainInstitutionName}」与本机构标准名称「${institution.name}」不一致`]),
    ];
    return {
      id: r.id,
      level: r.level,
      levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
      category: r.category,
      categoryLabel: PRACTICE_CATEGORY_INFO[r.category].label,
      scopes: r.scopes.map((code) => getScope(code)?.name ?? code),
      practiceLocationCode: r.practiceLocationCode,
      practiceLocation: regionFullName(r.practiceLocationCode) ?? r.practiceLocationCode,
      mainInstitutionName,
      status: r.status,
      statusLabel: REGISTRATION_STATUS_LABELS[r.status],
      current,
      licenceCode: r.licenceCode,
      approvedOn: r.approvedOn,
      authorityName,
      institutionMatches,
      locationMatches,
      message: problems.length === 0 ? '注册信息与本机构一致' : `${problems.join('；')}，请联系${authorityName}处理。`,
    };
  });

  const currentOnes = present.filter((r) => r.current);
  const matching = currentOnes.find((r) => r.institutionMatches && r.locationMatches);
  const summary = matching
    ? { result: 'match' as const, message: `该医师的注册信息与本机构一致（执业地点：${matching.practiceLocation}，主要执业机构：${matching.mainInstitutionName}），可在「医师账户激活」中办理激活。` }
    : currentOnes.length > 0
      ? { result: 'mismatch' as const, message: `该医师注册信息中的执业地点或主要执业机构与本机构的标准名称不一致，请联系${currentOnes[0]!.authorityName}处理。` }
      : {
          result: 'no_current_registration' as const,
          message: `该医师当前没有有效的执业注册（${present.map((r) => r.statusLabel).join('、')}），不能由机构发放激活码；医师可在个人端通过资格证书编码自行激活。`,
        };
  return {
    found: true as const,
    physician: { name: physician.name, sexLabel: physician.sex === 'male' ? '男' : '女', idNumberMasked: physician.idNumberMasked },
    institution: { name: institution.name, areaName: regionFullName(institution.areaCode) ?? institution.areaCode },
    registrations: present,
    summary,
  };
}
