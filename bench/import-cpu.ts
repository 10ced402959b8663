// The JavaScript half of the 国家医师资格信息导入 alone, without a database: reads a CSV of the import template
// (e.g. the file bench/import.ts generated), checks every row and builds the COPY batches (encryption, keyed
// hashes) exactly as the import does, and prints µs per row — for profiling with `node --cpu-prof`.
//   node --import tsx bench/import-cpu.ts --file /tmp/medreg-import-1000000.csv --rows 200000
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { importColumnIndexes, parseImportRow, todayInChina, type ColumnIndexes, type DomainError } from '@medreg/domain';
import type { Engine } from '../packages/server/src/db/engine';
import { StagingWriter } from '../packages/server/src/modules/qualification-import/staging-writer';
import { PiiCipher } from '../packages/server/src/security/pii';
import { readSheetRows } from '../packages/server/src/spreadsheet/read-rows';

const { values } = parseArgs({ options: { file: { type: 'string' }, rows: { type: 'string', default: '1000000000' } } });
const limit = Number(values.rows);
const fail = (detail: string) => new Error(detail) as DomainError;
let copied = 0;
const engine = { copyFrom: async (_t: string, bytes: Buffer) => { copied += bytes.length; } } as unknown as Engine;

async function main(): Promise<void> {
  const writer = new StagingWriter(engine, new PiiCipher(Buffer.alloc(32, 9)), '00000000-0000-4000-8000-000000000000');
  const today = todayInChina(new Date());
  let at: ColumnIndexes | undefined;
  let n = 0;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for await (const { rowNumber, cells } of readSheetRows(createReadStream(values.file!, { highWaterMark: 1024 * 1024 }), { filename: 'x.csv', maxBytes: 1e12, maxColumns: 40, unreadable: fail, tooLarge: () => fail('too large') })) {
    if (!at) { at = importColumnIndexes(cells).at; continue; }
    if (++n > limit) break;
    const parsed = parseImportRow(rowNumber, cells, at, today);
    if (parsed.ok) writer.addValid(parsed.row); else writer.addRejected(parsed.errors);
    if (writer.buffered >= 5000) await writer.send();
  }
  await writer.finish();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  console.log(`${Math.min(n, limit)} rows in ${(ms / 1000).toFixed(2)} s: ${((ms * 1000) / Math.min(n, limit)).toFixed(1)} µs/row wall, ${((cpu.user + cpu.system) / Math.min(n, limit)).toFixed(1)} µs/row CPU, ${(copied / 1e6).toFixed(0)} MB of COPY text`);
}
main().catch((e: unknown) => { console.error(e); process.exit(1); });
