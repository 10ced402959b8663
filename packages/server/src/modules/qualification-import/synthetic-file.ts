/**
 * A synthetic qualification file of `rows` valid, distinct rows (CSV text in the template's columns), generated as
 * a stream — for the benchmark (bench/import.ts) and the large-file tests; never held in memory whole.
 */
import { fromDayNumber, makeQualificationCode, makeResidentId, QUALIFICATION_IMPORT_TEMPLATE_HEADER, toDayNumber } from '@medreg/domain';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const FIRST_DAY = toDayNumber('1970-01-01');

/** Row `i`'s cells: a unique 身份证号 (area, birth date and sequence from i) and the 资格证书编码 that embeds it. */
export function syntheticRow(i: number): string[] {
  const areaCode = String(110101 + Math.floor(i / 12_000_000));
  const birthDate = fromDayNumber(FIRST_DAY + (Math.floor(i / 1000) % 12_000));
  const idNumber = makeResidentId({ areaCode, birthDate, seq: i % 1000 });
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${GIVEN[Math.floor(i / 400) % GIVEN.length]}`;
  const level = i % 5 === 0 ? 'assistant' : 'physician';
  const category = (['clinical', 'clinical', 'tcm', 'dental', 'public_health'] as const)[i % 5]!;
  const certCode = makeQualificationCode({ year: 2024, provinceCode: '11', level, category, idNumber });
  return [name, idNumber, certCode, `T${String(i).padStart(12, '0')}`, level === 'physician' ? '执业医师' : '执业助理医师',
    { clinical: '临床', tcm: '中医', dental: '口腔', public_health: '公共卫生' }[category], '', '2024', '2024-12-20', ''];
}

/** The file as CSV chunks (header first), `batch` rows a chunk. */
export async function* syntheticCsv(rows: number, batch = 2000): AsyncGenerator<Buffer> {
  yield Buffer.from(`\uFEFF${QUALIFICATION_IMPORT_TEMPLATE_HEADER.join(',')}\r\n`);
  for (let i = 0; i < rows; i += batch) {
    let text = '';
    for (let j = i; j < Math.min(rows, i + batch); j++) text += `${syntheticRow(j).join(',')}\r\n`;
    yield Buffer.from(text);
  }
}
