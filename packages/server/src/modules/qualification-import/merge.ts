/**
 * Merges an import's staging rows into the qualification database, all in the caller's ONE transaction:
 *  1. a 资格证书编码 or 准考证号 repeated later in the same file rejects the later row;
 *  2. each row finds its record by 资格证书编码 (keyed hash), else by 准考证号; a 准考证号 registered to another
 *     person, or already tied to another 资格证书编码, rejects the row;
 *  3. a row equal to its record is unchanged (so re-importing a file changes nothing); a differing one updates
 *     the record and writes a qualification_revisions row (before and after, the code masked — as 资格补改 does);
 *     a row without a record is inserted. Empty optional cells keep the record's value.
 * Every statement is set-based and joins by indexed keys: no query per row.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context';

export interface MergeCounts { inserted: number; updated: number; unchanged: number; rejected: number }

const S = sql.raw('qualification_import_staging');
const E = sql.raw('qualification_import_errors');

/** The record's fields as a revision keeps them (QualificationRevisionValues). */
const OLD_VALUES = sql.raw(`jsonb_build_object('name', q.name, 'level', q.level, 'category', q.category, 'certCodeMasked', q.cert_code_masked,
  'obtainedDate', q.obtained_date, 'admissionTicketNo', q.admission_ticket_no, 'source', q.source)`);
const NEW_VALUES = sql.raw(`jsonb_build_object('name', s.name, 'level', s.level, 'category', s.category, 'certCodeMasked', coalesce(s.cert_code_masked, q.cert_code_masked),
  'obtainedDate', coalesce(s.obtained_date, q.obtained_date), 'admissionTicketNo', coalesce(s.admission_ticket_no, q.admission_ticket_no), 'source', q.source)`);
const SAME = sql.raw(`q.synced AND (q.name, q.level, q.category, q.cert_code_hash, q.admission_ticket_no, q.exam_category_code, q.exam_year, q.obtained_date, q.speciality)
  IS NOT DISTINCT FROM (s.name, s.level, s.category, coalesce(s.cert_code_hash, q.cert_code_hash), coalesce(s.admission_ticket_no, q.admission_ticket_no),
  coalesce(s.exam_category_code, q.exam_category_code), coalesce(s.exam_year, q.exam_year), coalesce(s.obtained_date, q.obtained_date), coalesce(s.speciality, q.speciality))`);

async function dropRejected(c: Ctx, importId: string): Promise<void> {
  await c.tx.execute(sql`DELETE FROM ${S} s USING ${E} e WHERE s.import_id = ${importId} AND e.import_id = ${importId} AND e.row_number = s.row_number`);
}

export async function mergeStaging(c: Ctx, importId: string, actorAccountId: string): Promise<MergeCounts> {
  const now = c.now();
  // The duplicate checks group, and the look-ups hash-join, the whole file: in memory rather than in temp files.
  await c.tx.execute(sql`SET LOCAL work_mem = '256MB'`);
  // A key repeated in the file is found by grouping (a hash aggregate, only the repeated keys kept), then only the
  // rows with a repeated key are read again — instead of a window over the whole file sorted by each key.
  await c.tx.execute(sql`
    INSERT INTO ${E} (import_id, row_number, field, reason)
    SELECT ${importId}::uuid, row_number, field, reason FROM (
      SELECT s.row_number, '资格证书编码' AS field, '资格证书编码与第' || d.first_row || '行重复' AS reason
        FROM (SELECT cert_code_hash, min(row_number) AS first_row FROM ${S}
              WHERE import_id = ${importId} AND cert_code_hash IS NOT NULL GROUP BY cert_code_hash HAVING count(*) > 1) d
        JOIN ${S} s ON s.import_id = ${importId} AND s.cert_code_hash = d.cert_code_hash AND s.row_number > d.first_row
      UNION ALL
      SELECT s.row_number, '准考证号', '准考证号与第' || d.first_row || '行重复'
        FROM (SELECT admission_ticket_no, min(row_number) AS first_row FROM ${S}
              WHERE import_id = ${importId} AND admission_ticket_no IS NOT NULL GROUP BY admission_ticket_no HAVING count(*) > 1) d
        JOIN ${S} s ON s.import_id = ${importId} AND s.admission_ticket_no = d.admission_ticket_no AND s.row_number > d.first_row
    ) d ON CONFLICT DO NOTHING`);
  await dropRejected(c, importId);

  // qualifications_cert_code_hash_key, then qualifications_admission_ticket_no_key.
  await c.tx.execute(sql`UPDATE ${S} s SET target_id = q.id FROM qualifications q
    WHERE s.import_id = ${importId} AND s.cert_code_hash IS NOT NULL AND q.cert_code_hash = s.cert_code_hash`);
  await c.tx.execute(sql`UPDATE ${S} s SET target_id = q.id FROM qualifications q
    WHERE s.import_id = ${importId} AND s.target_id IS NULL AND s.admission_ticket_no IS NOT NULL AND q.admission_ticket_no = s.admission_ticket_no`);
  await c.tx.execute(sql`
    INSERT INTO ${E} (import_id, row_number, field, reason)
    SELECT ${importId}::uuid, s.row_number, '准考证号', '该准考证号已登记在另一人名下（身份证号不同），请核对'
      FROM ${S} s JOIN qualifications q ON q.id = s.target_id
     WHERE s.import_id = ${importId} AND q.id_number_hash <> s.id_number_hash
    UNION ALL
    SELECT ${importId}::uuid, s.row_number, '资格证书编码', '该准考证号已对应另一资格证书编码，请核对'
      FROM ${S} s JOIN qualifications q ON q.id = s.target_id
     WHERE s.import_id = ${importId} AND q.id_number_hash = s.id_number_hash AND s.cert_code_hash IS NOT NULL AND q.cert_code_hash IS NOT NULL AND q.cert_code_hash <> s.cert_code_hash
    UNION ALL
    SELECT ${importId}::uuid, s.row_number, '准考证号', '该准考证号已属于另一条资格记录，请核对'
      FROM ${S} s JOIN qualifications q2 ON q2.admission_ticket_no = s.admission_ticket_no
     WHERE s.import_id = ${importId} AND s.target_id IS NOT NULL AND q2.id <> s.target_id
    ON CONFLICT DO NOTHING`);
  await dropRejected(c, importId);

  // Rows without a record are inserted (target_id null); only rows with one get an outcome (one pass over fewer rows).
  await c.tx.execute(sql`UPDATE ${S} s SET outcome = CASE WHEN ${SAME} THEN 'unchanged' ELSE 'update' END
    FROM qualifications q WHERE s.import_id = ${importId} AND q.id = s.target_id`);

  await c.tx.execute(sql`
    INSERT INTO qualification_revisions (qualification_id, import_id, old_values, new_values, old_cert_code_enc, new_cert_code_enc, actor_account_id, created_at)
    SELECT q.id, ${importId}::uuid, ${OLD_VALUES}, ${NEW_VALUES}, q.cert_code_enc, coalesce(s.cert_code_enc, q.cert_code_enc), ${actorAccountId}::uuid, ${now}
      FROM ${S} s JOIN qualifications q ON q.id = s.target_id WHERE s.import_id = ${importId} AND s.outcome = 'update'`);
  await c.tx.execute(sql`
    UPDATE qualifications q SET name = s.name, level = s.level, category = s.category,
      cert_code_enc = coalesce(s.cert_code_enc, q.cert_code_enc), cert_code_hash = coalesce(s.cert_code_hash, q.cert_code_hash),
      cert_code_masked = coalesce(s.cert_code_masked, q.cert_code_masked), admission_ticket_no = coalesce(s.admission_ticket_no, q.admission_ticket_no),
      exam_category_code = coalesce(s.exam_category_code, q.exam_category_code), exam_year = coalesce(s.exam_year, q.exam_year),
      obtained_date = coalesce(s.obtained_date, q.obtained_date), speciality = coalesce(s.speciality, q.speciality), synced = true
      FROM ${S} s WHERE s.import_id = ${importId} AND s.outcome = 'update' AND q.id = s.target_id`);
  // New records in the order of qualifications_cert_code_hash_key: its inserts fill neighbouring leaf pages instead
  // of random ones (the largest of the table's indexes to keep in shared buffers).
  await c.tx.execute(sql`
    INSERT INTO qualifications (name, id_number_enc, id_number_hash, id_number_masked, cert_code_enc, cert_code_hash, cert_code_masked,
      admission_ticket_no, level, category, exam_category_code, exam_year, obtained_date, speciality, source, synced, created_at)
    SELECT name, id_number_enc, id_number_hash, id_number_masked, cert_code_enc, cert_code_hash, cert_code_masked,
      admission_ticket_no, level, category, exam_category_code, coalesce(exam_year, extract(year FROM obtained_date)::int), obtained_date, speciality, 'exam', true, ${now}
      FROM ${S} WHERE import_id = ${importId} AND target_id IS NULL ORDER BY cert_code_hash`);

  const outcomes = (await c.tx.execute(sql`SELECT CASE WHEN target_id IS NULL THEN 'insert' ELSE outcome END AS outcome, count(*)::int AS n
    FROM ${S} WHERE import_id = ${importId} GROUP BY 1`)) as unknown as { rows: { outcome: string; n: number }[] };
  const rejected = (await c.tx.execute(sql`SELECT count(DISTINCT row_number)::int AS n FROM ${E} WHERE import_id = ${importId}`)) as unknown as { rows: { n: number }[] };
  await c.tx.execute(sql`DELETE FROM ${S} WHERE import_id = ${importId}`);
  const n = (o: string) => outcomes.rows.find((r) => r.outcome === o)?.n ?? 0;
  return { inserted: n('insert'), updated: n('update'), unchanged: n('unchanged'), rejected: rejected.rows[0]?.n ?? 0 };
}
