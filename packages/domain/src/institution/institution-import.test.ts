import { describe, expect, it } from 'vitest';
import { INSTITUTION_IMPORT_HEADER, duplicatesInFile, parseInstitutionImportRow, readImportHeader, splitDepartments } from './institution-import';
import { makeCreditCode } from '../identifiers/credit-code';
import { organizationCodeCheckChar } from '../identifiers/organization-code';

const body = '47300215';
const cells = (o: Partial<Record<string, string>> = {}) => INSTITUTION_IMPORT_HEADER.map((h) => o[h] ?? ({
  标准名称: '北京市海淀区示例社区卫生服务中心', 统一社会信用代码: makeCreditCode({ areaCode: '110108', organizationBody: body }),
  医疗机构执业许可证登记号: `${body}${organizationCodeCheckChar(body)}11010811A1001`, 机构类别: '医疗机构', 机构等级: '未定级', 基层医疗卫生机构: '是',
  地址: '北京市海淀区示例路1号', 所在地区代码: '110108', 审批机关: '北京市海淀区卫生健康委员会', 科室: '全科医疗科、预防保健科',
  管理员登录名: 'hd_sqws_admin', 管理员姓名: '王某某',
} as Record<string, string>)[h]!);

describe('批量导入医疗机构 rows read with the form\'s schema', () => {
  const header = readImportHeader(INSTITUTION_IMPORT_HEADER);
  if (!header.ok) throw new Error('template header refused');

  it('reads the Chinese labels of the choices and the 、-separated departments', () => {
    const r = parseInstitutionImportRow(2, cells(), header.columns);
    expect(r).toMatchObject({ ok: true, value: { kind: 'medical', grade: 'none', grassroots: true, departments: ['全科医疗科', '预防保健科'], admin: { loginName: 'hd_sqws_admin' } } });
    expect(splitDepartments('内科、外科，儿科;; ')).toEqual(['内科', '外科', '儿科']);
  });

  it('names the column and gives the Chinese reason of each bad field', () => {
    const r = parseInstitutionImportRow(7, cells({ 机构等级: '特等', 所在地区代码: '1101' }), header.columns);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([[7, '机构等级'], [7, '所在地区代码']]);
    expect(r.errors[0]!.message).toContain('机构等级「特等」无法识别');
  });

  it('accepts the headers in another order and with aliases, and lists the missing columns', () => {
    expect(readImportHeader(['机构名称', ...INSTITUTION_IMPORT_HEADER.slice(1).reverse()]).ok).toBe(true);
    const missing = readImportHeader(INSTITUTION_IMPORT_HEADER.filter((h) => h !== '科室'));
    expect(missing.ok ? '' : missing.error.message).toMatch(/^缺少列：科室/);
  });

  it('finds the rows of one file that collide: same name in the same place, credit code, login name in any case', () => {
    const a = parseInstitutionImportRow(2, cells(), header.columns);
    const b = parseInstitutionImportRow(3, cells({ 管理员登录名: 'HD_SQWS_ADMIN' }), header.columns);
    if (!a.ok || !b.ok) throw new Error('rows refused');
    expect(duplicatesInFile([{ row: 2, value: a.value }, { row: 3, value: b.value }]).map((e) => e.field)).toEqual(['标准名称', '统一社会信用代码', '管理员登录名']);
  });
});
