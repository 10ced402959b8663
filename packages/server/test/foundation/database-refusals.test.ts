// The last resort behind the request schemas: a value the database cannot take is the user's mistake (400),
// recognised by its SQLSTATE however the query layer wraps the error, on either engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { toProblem } from '../../src/http/problem';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t?.close());

const req = { headers: {}, id: 'req-1' } as unknown as FastifyRequest;

async function failureOf(query: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await t.deps.db.execute(query);
  } catch (error) {
    return error;
  }
  throw new Error('the query did not fail');
}

describe('database errors a user can cause', () => {
  const cases: [string, ReturnType<typeof sql>][] = [
    ['a NUL character (22021)', sql`SELECT ${'北京\u0000医院'}::text`],
    ['a date that is no date (22007)', sql`SELECT ${'abc'}::date`],
    ['a date out of range (22008)', sql`SELECT ${'2026-13-45T99:99:99Z'}::timestamptz`],
    ['an unknown time zone (22023)', sql`SELECT ${'2026-01-01 00:00 Mars/Olympus'}::timestamptz`],
    ['a malformed uuid (22P02)', sql`SELECT ${'not-a-uuid'}::uuid`],
    ['a number out of range (22003)', sql`SELECT ${'99999999999'}::int`],
  ];
  for (const [what, query] of cases) {
    it(`answers ${what} with a 400 refusal, not a 500`, async () => {
      const problem = toProblem(await failureOf(query), req);
      expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: '输入有误，请检查后重试' });
    });
  }

  it('keeps a genuine server fault a 500 that hides its internals', async () => {
    const problem = toProblem(await failureOf(sql`SELECT * FROM no_such_table`), req);
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', detail: '系统繁忙，请稍后再试' });
  });
});
