// Issue 7 points 3 and 4: after a whole journey, neither the log nor any column of the database holds a full
// 身份证号 (nor the 资格证书编码 that embeds it); the log holds no phone number, e-mail, SMS code or name either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { PASSWORD } from '../helpers/factories';
import { runPersonalDataJourney, type JourneySecrets } from './personal-data-journey';

let t: TestApp;
let secrets: JourneySecrets;
const lines: string[] = [];

beforeAll(async () => {
  // A pino destination that keeps every line in memory.
  const stream = { write: (line: string) => { lines.push(line); } };
  t = await createTestApp({}, { logger: { level: 'debug', stream } });
  try {
    secrets = await runPersonalDataJourney(t);
  } catch (error) {
    // A step that failed unexpectedly: its logged error says why.
    console.error(lines.filter((l) => l.includes('request failed')).join('\n'));
    throw error;
  }
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('the log of a whole journey', () => {
  it('records every request and the failure, by path and SQLSTATE', () => {
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(50);
    expect(log).toContain('"url":"/api/v1/institution/applications/search"');
    expect(log).toContain('"url":"/api/v1/dev/inbox"');
    expect(log).toContain('"url":"/api/v1/no-such-thing"');
    const failure = lines.map((l) => JSON.parse(l) as { msg?: string; status?: number; sqlState?: string; err?: { sqlState?: string; table?: string } })
      .find((l) => l.msg === 'request failed');
    expect(failure).toMatchObject({ status: 500, sqlState: '23514', err: { sqlState: '23514', table: 'accounts' } });
  });

  it('holds no ID number, qualification code, phone, e-mail, SMS code, name, password or hash', () => {
    const log = lines.join('');
    const forbidden = [
      ...secrets.idNumbers, ...secrets.idNumbers.map((id) => id.slice(0, 17)), ...secrets.certCodes, ...secrets.phones, ...secrets.emails,
      ...secrets.smsCodes.map((c) => `"${c}"`), ...secrets.smsCodes.map((c) => `=${c}`), ...secrets.names, PASSWORD, '$argon2',
    ];
    for (const secret of forbidden) expect(log, secret).not.toContain(secret);
    expect(log).not.toContain('medreg_session=');
    expect(log).not.toMatch(/Failed query|params:/);
  });
});

describe('the database after the journey', () => {
  it('holds no full ID number nor 资格证书编码 in any column of any table', async () => {
    const columns = await t.engine.query<{ table_name: string; column_name: string; data_type: string }>(`
      SELECT c.table_name, c.column_name, c.data_type
      FROM information_schema.columns c
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')
      ORDER BY 1, 2`);
    expect(columns.length).toBeGreaterThan(50);
    const forbidden = [...secrets.idNumbers, ...secrets.certCodes].map((s) => s.toUpperCase());
    const found: string[] = [];
    let values = 0;
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      const select = type === 'bytea' ? `"${column}"` : `"${column}"::text`;
      const rows = await t.engine.query<{ v: string | Uint8Array }>(`SELECT ${select} AS v FROM "${table}" WHERE "${column}" IS NOT NULL`);
      for (const { v } of rows) {
        values++;
        for (const secret of forbidden) {
          const hit = typeof v === 'string' ? v.toUpperCase().includes(secret) : Buffer.from(v).includes(Buffer.from(secret));
          if (hit) found.push(`${table}.${column}`);
        }
      }
    }
    expect(values).toBeGreaterThan(200);
    expect(found).toEqual([]);
    // The qualification code is still there, sealed: masked for display, and the holder saw it in full.
    const [q] = await t.engine.query<{ masked: string }>('SELECT cert_code_masked AS masked FROM qualifications WHERE cert_code_hash IS NOT NULL LIMIT 1');
    expect(q?.masked).toMatch(/^\w{9}\d{6}\*{8}[\dX]{4}$/);
  });
});

describe('who sees the full ID', () => {
  it('shows the institution and the public masked IDs only, the authority the full one', () => {
    const forbidden = [...secrets.idNumbers, ...secrets.certCodes];
    for (const res of [...secrets.institutionResponses, ...secrets.publicResponses]) {
      for (const secret of forbidden) expect(res.body, res.raw.req.url).not.toContain(secret);
    }
    expect(secrets.institutionResponses.some((r) => r.body.includes(secrets.idNumbers[0]!.slice(-4)))).toBe(true);
    expect(secrets.authorityDetail.body).toContain(secrets.idNumbers[0]!);
    expect(secrets.authorityDetail.body).toContain(secrets.certCodes[0]!);
  });
});
