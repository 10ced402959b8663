/**
 * 导入模板: the column headers of the import file, with one example row, as Excel or CSV (the same export spec as
 * every list). Required columns carry a ＊ in their header; the reader ignores it.
 */
import { makeQualificationCode, makeResidentId, QUALIFICATION_IMPORT_COLUMNS, type QualificationImportColumn } from '@medreg/domain';
import type { ExportColumn, ExportTable } from '../../http/export/table';

type Example = Record<QualificationImportColumn, string>;

const EXAMPLE_ID = makeResidentId({ areaCode: '110108', birthDate: '1996-05-12', seq: 123 });
const EXAMPLE: Example = {
  name: '张三', idNumber: EXAMPLE_ID,
  certCode: makeQualificationCode({ year: 2024, provinceCode: '11', level: 'physician', category: 'clinical', idNumber: EXAMPLE_ID }),
  admissionTicketNo: '24110101234', level: '执业医师', category: '临床', examCategoryCode: '110', examYear: '2024', obtainedDate: '2024-12-20', speciality: '',
};

const COLUMNS: readonly ExportColumn<Example>[] = (Object.keys(QUALIFICATION_IMPORT_COLUMNS) as QualificationImportColumn[]).map((key) => ({
  header: `${QUALIFICATION_IMPORT_COLUMNS[key].label}${QUALIFICATION_IMPORT_COLUMNS[key].required ? '＊' : ''}`,
  width: key === 'certCode' ? 30 : key === 'idNumber' ? 22 : 14,
  value: (row: Example) => row[key],
}));

async function* exampleRows(): AsyncGenerator<Example> {
  yield EXAMPLE;
}

export function templateSheet(): ExportTable<Example> {
  return { name: '医师资格信息', columns: COLUMNS, rows: exampleRows() };
}
