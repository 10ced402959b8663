import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PRACTICE_CATEGORIES, nameText } from '@medreg/domain';
import type { Deps } from '../../context';
import { problemResponses } from '../../http/problem-schema';
import { reading } from '../../context';
import {
  businessTypeCatalogue, educationAndTitleOptions, institutionDepartments, listProvinces, listRegionChildren, practiceScopeCatalogue, searchInstitutions,
} from './service';
import {
  BusinessTypeCatalogue, EducationAndTitleOptions, InstitutionSearchPage, PracticeScopeCatalogue, ProvinceList, RegionChildren,
} from './responses';

const RegionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');
const STAFF_AND_PHYSICIANS = ['physician', 'institution', 'authority'] as const;

/** Reference look-ups: regions, the 执业范围 catalogue, institutions and their departments, form choice lists. */
export async function referenceRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/reference/regions/provinces', {
    config: { audience: ['public'] },
    schema: { tags: ['参考数据'], summary: '省级行政区划（含是否实施电子化注册）', response: { 200: ProvinceList } },
  }, async () => listProvinces(reading(deps)));

  app.get('/api/v1/reference/regions/:code/children', {
    config: { audience: ['public'] },
    schema: { tags: ['参考数据'], summary: '下级行政区划', params: z.object({ code: RegionCode }), response: { 200: RegionChildren } },
  }, async (req) => listRegionChildren(reading(deps), req.params.code));

  app.get('/api/v1/reference/practice-scopes', {
    config: { audience: ['public'] },
    schema: {
      tags: ['参考数据'], summary: '执业范围目录（卫医发〔2001〕169号）及执业范围数量规则',
      querystring: z.object({ category: z.enum(PRACTICE_CATEGORIES, '执业类别无效').optional() }),
      response: { 200: PracticeScopeCatalogue },
    },
  }, async (req) => practiceScopeCatalogue(req.query.category));

  app.get('/api/v1/reference/education-and-titles', {
    config: { audience: ['public'] },
    schema: { tags: ['参考数据'], summary: '学历、学位、任职资格', response: { 200: EducationAndTitleOptions } },
  }, async () => educationAndTitleOptions());

  app.get('/api/v1/reference/business-types', {
    config: { audience: ['public'] },
    schema: { tags: ['参考数据'], summary: '业务类型，以及无法进行电子化注册的情形', response: { 200: BusinessTypeCatalogue } },
  }, async () => businessTypeCatalogue());

  app.get('/api/v1/reference/institutions', {
    config: { audience: [...STAFF_AND_PHYSICIANS] },
    schema: {
      tags: ['参考数据'], summary: '在执业地点内按标准名称查找医疗机构（每页20条）',
      querystring: z.object({
        place: RegionCode,
        q: nameText().trim().max(50, '机构名称不超过50字').optional(),
        cursor: z.string().max(400).optional(),
      }),
      response: { 200: InstitutionSearchPage },
    },
  }, async (req) => searchInstitutions(reading(deps), req.query));

  app.get('/api/v1/reference/institutions/:id/departments', {
    config: { audience: [...STAFF_AND_PHYSICIANS] },
    schema: { tags: ['参考数据'], summary: '医疗机构设置的科室', params: z.object({ id: z.uuid('机构编号无效') }), response: { 200: z.object({ institutionId: z.string(), institutionName: z.string(), departments: z.array(z.string()) }), ...problemResponses({ 409: ['INSTITUTION_SUSPENDED'] }) } },
  }, async (req) => institutionDepartments(reading(deps), req.params.id));
}
