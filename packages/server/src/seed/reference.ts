// Reference data every installation needs, production included: GB/T 2260 regions,
// the 执业范围 catalogue and the working-day calendar (statutory holidays and 调休).
import { sql } from 'drizzle-orm';
import { PRACTICE_CATEGORIES, allRegions, calendarOverridesFromChineseDays, scopesOfCategory } from '@medreg/domain';
import type { Db, Executor } from '../db/engine';
import { calendarDays, practiceScopes, regions } from '../db/schema/index';

const LEVEL_ORDER = { province: 0, city: 1, county: 2 } as const;

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Idempotent: inserts what is missing, keeps administrators' changes (e.g. e-registration flags, added holidays). */
export async function seedReferenceData(db: Db | Executor): Promise<void> {
  const regionRows = [...allRegions()]
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }));
  await insertChunks(regionRows, 500, (chunk) => db.insert(regions).values(chunk).onConflictDoNothing());

  let sort = 0;
  const scopeRows = PRACTICE_CATEGORIES.flatMap((category) =>
    scopesOfCategory(category).map((s) => ({ code: s.code, category, name: s.name, label: s.label, sort: sort++ })));
  await insertChunks(scopeRows, 500, (chunk) => db.insert(practiceScopes).values(chunk).onConflictDoNothing());

  const days = calendarOverridesFromChineseDays().map((d) => ({ day: d.date, kind: d.kind, name: d.name ?? null }));
  await insertChunks(days, 500, (chunk) => db.insert(calendarDays).values(chunk).onConflictDoNothing());
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const result = (await db.execute(sql`SELECT NOT EXISTS (SELECT 1 FROM accounts) AS empty`)) as unknown as { rows: { empty: boolean }[] };
  return result.rows[0]?.empty ?? true;
}
