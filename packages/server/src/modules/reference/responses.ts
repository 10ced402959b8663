import { z } from 'zod';
import { BUSINESS_TYPES, INELIGIBLE_CASES, INSTITUTION_KINDS, PHYSICIAN_LEVELS, PRACTICE_CATEGORIES, REGION_LEVELS } from '@medreg/domain';

/** The declared success bodies of the reference look-ups (service.ts). */

const Region = z.object({
  code: z.string().describe('行政区划代码（6位）'),
  name: z.string(),
  level: z.enum(REGION_LEVELS).describe('级别：省、市、县'),
});

export const ProvinceList = z.object({
  items: z.array(Region.extend({ eRegistrationEnabled: z.boolean().describe('已实施电子化注册') })),
});

export const RegionChildren = z.object({
  region: Region.extend({ fullName: z.string().describe('完整地区名称') }),
  items: z.array(Region).describe('下级行政区划'),
});

export const PracticeScopeCatalogue = z.object({
  categories: z.array(z.object({
    category: z.enum(PRACTICE_CATEGORIES).describe('执业类别'),
    label: z.string(),
    fullLabel: z.string(),
    scopes: z.array(z.object({ code: z.string(), name: z.string(), label: z.string() })).describe('该类别的执业范围'),
  })),
  rules: z.object({
    maxDefault: z.number().int().describe('一般可注册的执业范围数'),
    maxGrassroots: z.number().int().describe('县级及以下医疗机构临床类别医师可注册的执业范围数'),
    texts: z.array(z.string()).readonly().describe('执业范围数量规则（表单中显示的文字）'),
  }),
});

export const EducationAndTitleOptions = z.object({
  educationLevels: z.array(z.string()).describe('学历'),
  degrees: z.array(z.string()).describe('学位'),
  titles: z.array(z.object({ label: z.string(), grade: z.string().describe('级别：初级、中级、副高级、正高级') })).describe('任职资格'),
});

export const BusinessTypeCatalogue = z.object({
  businessTypes: z.array(z.object({
    type: z.enum(BUSINESS_TYPES),
    id: z.string().describe('业务类型编号（BT-01 等）'),
    label: z.string(),
    levels: z.array(z.enum(PHYSICIAN_LEVELS)).readonly().describe('可办理的医师级别'),
    available: z.boolean().describe('已开放在线办理'),
  })),
  ineligibleCases: z.array(z.object({
    case: z.enum(INELIGIBLE_CASES),
    label: z.string(),
    explanation: z.string().describe('为何无法电子化注册、应到何处办理'),
  })).describe('无法进行电子化注册的情形'),
});

export const InstitutionSearchPage = z.object({
  items: z.array(z.object({
    id: z.string(),
    name: z.string().describe('标准名称'),
    areaCode: z.string(),
    provinceCode: z.string(),
    kind: z.enum(INSTITUTION_KINDS).describe('机构类别'),
    grassroots: z.boolean().describe('基层医疗机构（县级及以下）'),
    areaName: z.string().describe('所在地区（完整名称）'),
  })),
  nextCursor: z.string().nullable().describe('下一页游标（无更多时为空）'),
});
