// Shared set-up for the supervision tests: a jurisdiction, an institution, staff, physicians with registrations.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { registrations } from '../../src/db/schema/index';
import type { Agent } from '../helpers/agent';
import { multipart } from '../helpers/applications-factories';
import type { TestApp } from '../helpers/test-app';

export const HEADER = '执业证书编码,身份证号,姓名,考核周期,考核结果,考核日期,考核机构';

export function csvFile(lines: string[]): Buffer {
  return Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
}

export async function xlsxFile(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('考核结果');
  sheet.addRow(HEADER.split(','));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function importFile(agent: Agent, portal: 'authority' | 'institution', data: Buffer, filename = 'results.csv') {
  const { payload, headers } = multipart(data, filename, 'file', filename.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
  return agent.request('POST', `/api/v1/${portal}/assessments/import`, payload, { headers });
}

export async function statusOf(t: TestApp, registrationId: string) {
  const [r] = await t.deps.db.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, registrationId));
  return r!.status;
}
