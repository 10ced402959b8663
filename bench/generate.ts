// Generates a national-scale data set on PostgreSQL for the benchmarks, set-based (INSERT … SELECT
// generate_series), so millions of rows take minutes, not hours.
//   DATABASE_URL=postgres://… node --import tsx bench/generate.ts --physicians 1000000 --institutions 50000 [--work-items 30000]
// The database must be empty (fresh `npm run migrate`); reference data is seeded here.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { postgresEngine } from '../packages/server/src/db/engine';
import { migrate } from '../packages/server/src/db/migrate';
import { seedReferenceData } from '../packages/server/src/seed/reference';
import { hashPassword } from '../packages/server/src/modules/accounts/passwords';

const { values } = parseArgs({
  options: {
    physicians: { type: 'string', default: '200000' },
    institutions: { type: 'string', default: '20000' },
    'work-items': { type: 'string', default: '30000' },
    /** Resume a failed run at the step with this label (the steps before it are skipped). */
    from: { type: 'string' },
  },
});
const physicians = Number(values.physicians);
const institutionCount = Number(values.institutions);
const workItems = Number(values['work-items']);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (a PostgreSQL database for the benchmark)');
  process.exit(1);
}

async function main(): Promise<void> {
  if (!values.from) {
    const engine = postgresEngine(url!, 2);
    await migrate(engine);
    await seedReferenceData(engine.db);
    await engine.close();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let skipping = values.from !== undefined;
  const run = async (label: string, sql: string, params: unknown[] = []) => {
    if (skipping && label !== values.from) return;
    skipping = false;
    const t = Date.now();
    const res = await client.query(sql, params);
    console.log(`${label.padEnd(34)} ${String(res.rowCount ?? '').padStart(9)} rows  ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  const password = await hashPassword('Bench@2026');

  // One county-level commission per county, one provincial commission per province.
  await run('authorities (province)', `
    INSERT INTO authorities (name, area_code, level)
    SELECT name || '卫生健康委员会', code, 'province' FROM regions WHERE level = 'province'
    ON CONFLICT DO NOTHING`);
  await run('authorities (county)', `
    INSERT INTO authorities (name, area_code, level)
    SELECT r.name || '卫生健康委员会(' || r.code || ')', r.code, 'county' FROM regions r WHERE r.level = 'county'
    ON CONFLICT DO NOTHING`);
  await run('institutions', `
    WITH counties AS (SELECT row_number() OVER (ORDER BY code) AS n, code FROM regions WHERE level = 'county'),
         total AS (SELECT count(*) AS c FROM counties)
    INSERT INTO institutions (name, credit_code, licence_reg_no, area_code, province_code, approving_authority_id, departments)
    SELECT '基准医院' || i, 'B' || lpad(i::text, 17, '0'), 'R' || lpad(i::text, 21, '0'), c.code, substr(c.code, 1, 2) || '0000',
           a.id, ARRAY['内科','外科','儿科']
    FROM generate_series(1, $1::int) i
    JOIN total ON true
    JOIN counties c ON c.n = 1 + (i % total.c)
    JOIN authorities a ON a.area_code = c.code AND a.level = 'county'`, [institutionCount]);
  await run('institution clerks', `
    INSERT INTO accounts (kind, role, login_name, password_hash, display_name, institution_id)
    SELECT 'institution', 'institution_clerk', 'bench_clerk_' || row_number() OVER (ORDER BY id), $1, '经办人', id FROM institutions`, [password]);
  await run('authority reviewers', `
    INSERT INTO accounts (kind, role, login_name, password_hash, display_name, authority_id)
    SELECT 'authority', 'authority_reviewer', 'bench_rev_' || area_code || '_' || level, $1, '审核员', id FROM authorities`, [password]);

  const surnames = "ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗']";
  const given = "ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','华','晓明','建国','雨桐','子涵','浩然']";
  await run('physicians', `
    INSERT INTO physicians (name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, activation_status)
    SELECT (${surnames})[1 + i % 20] || (${given})[1 + (i / 20) % 24] || CASE WHEN i % 7 = 0 THEN (${given})[1 + (i / 480) % 24] ELSE '' END,
           decode(md5('enc' || i), 'hex'), decode(md5('id' || i) || md5('x' || i), 'hex'), '110105********' || lpad((i % 10000)::text, 4, '0'),
           CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, date '1960-01-01' + (i % 14000), 'active'
    FROM generate_series(1, $1::int) i`, [physicians]);
  await run('applications', `
    WITH p AS (SELECT id, name, id_number_hash, row_number() OVER (ORDER BY id) AS n FROM physicians),
         inst AS (SELECT id, approving_authority_id, row_number() OVER (ORDER BY id) AS n FROM institutions)
    INSERT INTO applications (business_code, business_type, physician_id, physician_name, id_number_hash, institution_id, authority_id,
                              state, submitted_at, accepted_at, due_date, payload, decision_reasons)
    SELECT 'BT01' || to_char(now() - (p.n % 700) * interval '1 day', 'YYYYMMDD') || lpad(p.n::text, 8, '0'), 'first_registration',
           p.id, p.name, p.id_number_hash, inst.id, inst.approving_authority_id,
           (ARRAY['pending_institution','pending_authority','accepted','approved','approved','approved','refused_by_institution','withdrawn'])[1 + p.n % 8],
           now() - (p.n % 700) * interval '1 day' - (p.n % 86400) * interval '1 second',
           CASE WHEN p.n % 8 IN (2,3,4,5) THEN now() - (p.n % 700) * interval '1 day' END,
           CASE WHEN p.n % 8 = 2 THEN (now() + (p.n % 40 - 10) * interval '1 day')::date END,
           '{}'::jsonb,
           CASE WHEN p.n % 8 = 6 THEN '材料不全' END
    FROM p JOIN inst ON inst.n = 1 + (p.n % $1::int)`, [institutionCount]);
  await run('registrations', `
    INSERT INTO registrations (physician_id, level, category, scopes, practice_location_code, main_institution_id, authority_id, licence_code, approved_on, seniority_from, verify_token)
    SELECT a.physician_id, 'physician', 'clinical', ARRAY['11'], i.province_code, a.institution_id, a.authority_id,
           '110' || i.area_code || lpad((row_number() OVER (PARTITION BY i.area_code ORDER BY a.id))::text, 6, '0'),
           (a.submitted_at + interval '15 days')::date, (a.submitted_at + interval '15 days')::date, md5(a.id::text)
    FROM applications a JOIN institutions i ON i.id = a.institution_id
    WHERE a.state = 'approved'`);
  await run('certificates', `
    INSERT INTO certificates (registration_id, licence_code, verify_token, status, issued_on)
    SELECT id, licence_code, verify_token, 'issued', approved_on FROM registrations`);
  // Work for the write scenarios of bench/ratios.ts: one institution (and its commission) gets a deep queue of
  // applications waiting for 同意 and for 准予注册, taken from the spread-out ones, so a few signed-in clerks and
  // reviewers can act on thousands of distinct applications without running out.
  await run('bench work: 待机构确认 in one place', `
    UPDATE applications SET institution_id = h.id, authority_id = h.approving_authority_id
    FROM (SELECT id, approving_authority_id FROM institutions ORDER BY credit_code LIMIT 1) h
    WHERE applications.id IN (SELECT id FROM applications WHERE state = 'pending_institution' ORDER BY id LIMIT $1::int)`, [workItems]);
  await run('bench work: 已受理 in one place', `
    UPDATE applications SET institution_id = h.id, authority_id = h.approving_authority_id
    FROM (SELECT id, approving_authority_id FROM institutions ORDER BY credit_code LIMIT 1) h
    WHERE applications.id IN (SELECT id FROM applications WHERE state = 'accepted' ORDER BY id LIMIT $1::int)`, [workItems]);
  await run('bench work: 已受理 payload for 准予注册', `
    UPDATE applications a SET payload = jsonb_build_object('category', 'clinical', 'scopes', jsonb_build_array('11'), 'practiceLocationCode', i.province_code)
    FROM institutions i WHERE i.id = a.institution_id AND a.state = 'accepted'
      AND a.institution_id = (SELECT id FROM institutions ORDER BY credit_code LIMIT 1)`);
  await run('bench work: 医师资格 of those applicants', `
    INSERT INTO qualifications (name, id_number_enc, id_number_hash, id_number_masked, level, category, obtained_date, physician_id, admission_ticket_no)
    SELECT p.name, p.id_number_enc, p.id_number_hash, p.id_number_masked, 'physician', 'clinical', date '2020-08-01', p.id, 'BENCH' || a.business_code
    FROM applications a JOIN physicians p ON p.id = a.physician_id
    WHERE a.state = 'accepted' AND a.institution_id = (SELECT id FROM institutions ORDER BY credit_code LIMIT 1)`);
  await run('analyze', 'ANALYZE');
  await client.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
