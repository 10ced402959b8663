import { defineErrors, spec } from '@medreg/domain';

export const QualificationImportErrors = defineErrors({
  QUALIFICATION_IMPORT_FILE_MISSING: spec(400, '请选择要导入的资格信息文件', 'No file was sent'),
  QUALIFICATION_IMPORT_FILE_UNREADABLE: spec(400, '无法读取资格信息文件', 'The file cannot be read'),
  QUALIFICATION_IMPORT_FILE_TOO_LARGE: spec(413, '资格信息文件过大', 'The file is too large'),
  QUALIFICATION_IMPORT_COLUMNS_MISSING: spec(400, '资格信息文件缺少必填列', 'Required columns are missing'),
  QUALIFICATION_IMPORT_NOT_FOUND: spec(404, '未找到该导入记录', 'No such import'),
  QUALIFICATION_IMPORT_CURSOR_INVALID: spec(400, '分页参数无效，请从第一页重新查询', 'Invalid cursor'),
  QUALIFICATION_IMPORT_FORBIDDEN: spec(403, '只有省级（或国家）卫生健康行政部门管理员可以导入国家医师资格信息', 'Only provincial or national authority administrators import qualification data'),
});
