// Shared set-up for the qualification import tests: files in the template's columns, upload, running the worker.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { QUALIFICATION_IMPORT_TEMPLATE_HEADER } from '@medreg/domain';
import type { Agent } from '../helpers/agent';
import { qualificationImportWorker } from '../../src/jobs/qualification-import-worker';
import type { TestApp } from '../helpers/test-app';

export const BASE = '/api/v1/authority/qualification-imports';
export const HEADER = QUALIFICATION_IMPORT_TEMPLATE_HEADER.join(',');

export function csvFile(lines: string[], header = HEADER): Buffer {
  return Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
}

export async function xlsxFile(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('医师资格信息');
  sheet.addRow([...QUALIFICATION_IMPORT_TEMPLATE_HEADER]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const BOUNDARY = '----medregQualificationImport';
const TYPES = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** A multipart body streamed around `content` (so a large file is never one buffer). */
async function* multipartBody(content: AsyncIterable<Buffer>, filename: string): AsyncGenerator<Buffer> {
  const type = filename.endsWith('.xlsx') ? TYPES.xlsx : TYPES.csv;
  yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: ${type}\r\n\r\n`);
  yield* content;
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

export function upload(agent: Agent, data: Buffer | AsyncIterable<Buffer>, filename = 'qualifications.csv') {
  const content = Buffer.isBuffer(data) ? (async function* () { yield data; })() : data;
  return agent.request('POST', BASE, Readable.from(multipartBody(content, filename)), { headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
}

/** Uploads, runs the queue and answers the finished import. */
export async function importAndRun(t: TestApp, agent: Agent, data: Buffer | AsyncIterable<Buffer>, filename?: string) {
  const res = await upload(agent, data, filename);
  if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  await qualificationImportWorker(t.deps).drain();
  const done = await agent.get(`${BASE}/${res.json().id}`);
  return done.json() as { id: string; status: string; fileBytes: number; bytesRead: number; counts: Record<string, number>; failureReason: string | null; errorReport: { csv: string; xlsx: string } | null };
}

/** The error report's CSV rows (without the header), as [行号, 列, 原因]. */
export async function errorRows(agent: Agent, url: string): Promise<string[][]> {
  const res = await agent.get(url);
  if (res.statusCode !== 200) throw new Error(`error report answered ${res.statusCode}: ${res.body}`);
  const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
}
