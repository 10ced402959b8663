// Reference data every installation needs, production included: GB/T 2260 regions,
// the 执业范围 catalogue and the working-day calendar (statutory holidays and 调休).
import { sql } from 'drizzle-orm';
import { PRACTICE_CATEGORIES, allRegions, calendarOverridesFromChineseDays, chineseDaysYears, scopesOfCategory } from '@medreg/domain';
import type { Db, Executor } from '../db/engine';
import { calendarDays, calendarYears } from '../db/schema/index';

const LEVEL_ORDER = { province: 0, city: 1, county: 2 } as const;

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Idempotent: inserts what is missing, keeps administrators' changes (e.g. e-registration flags, added holidays). */
export async function seedReferenceData(db: Db | Executor): Promise<void> {
  const regionRows = [...allRegions()]
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }));
  // One statement each, the rows as one JSON parameter: a start on a seeded database inserts nothing, and building
  // thousands of bound parameters was most of what this cost at every start.
  await db.execute(sql`
    INSERT INTO regions (code, name, level, parent_code)
    SELECT code, name, level, parent_code FROM json_to_recordset(${JSON.stringify(regionRows.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })))}::json)
      AS r(code text, name text, level text, parent_code text)
    ON CONFLICT DO NOTHING`);

  let sort = 0;
  const scopeRows = PRACTICE_CATEGORIES.flatMap((category) =>
    scopesOfCategory(category).map((s) => ({ code: s.code, category, name: s.name, label: s.label, sort: sort++ })));
  await db.execute(sql`
    INSERT INTO practice_scopes (code, category, name, label, sort)
    SELECT code, category, name, label, sort FROM json_to_recordset(${JSON.stringify(scopeRows)}::json)
      AS s(code text, category text, name text, label text, sort integer)
    ON CONFLICT DO NOTHING`);

  // Only the dataset years not known yet: a year once seeded (or entered by an administrator) keeps its corrections,
  // and a newer dataset does not overwrite a year an administrator entered.
  const known = new Set((await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
  const newYears = chineseDaysYears().filter((y) => !known.has(y));
  if (newYears.length === 0) return;
  const days = calendarOverridesFromChineseDays(newYears).map((d) => ({ day: d.date, kind: d.kind, name: d.name ?? null }));
  await insertChunks(days, 500, (chunk) => db.insert(calendarDays).values(chunk).onConflictDoNothing());
  await db.insert(calendarYears).values(newYears.map((year) => ({ year, source: 'dataset' as const }))).onConflictDoNothing();
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const result = (await db.execute(sql`SELECT NOT EXISTS (SELECT 1 FROM accounts) AS empty`)) as unknown as { rows: { empty: boolean }[] };
  return result.rows[0]?.empty ?? true;
}
