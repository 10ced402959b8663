/**
 * The registration-side personal data as they stand (domain §2.2 BT-11): what the last approved 个人信息修改 wrote
 * (registration_profiles), else what the application that created the registration said (首次注册: 学历信息, 任职资格,
 * 照片), the account's phone and e-mail and the physician's photo. A registration that continues an earlier one
 * (变更出 → a new record, registrations.replaces_registration_id) carries the earlier one's data.
 */
import { sql } from 'drizzle-orm';
import {
  ACADEMIC_DEGREE_LABELS, EDUCATION_LEVEL_LABELS, PHYSICIAN_TITLE_INFO, isAcademicDegree, isEducationLevel, isPhysicianTitle,
  type InfoEditValues,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import { rowsOf } from '../../db/rows';

interface ChainRow {
  depth: number;
  profiled: boolean;
  education: string | null;
  degree: string | null;
  school: string | null;
  major: string | null;
  graduation_date: string | null;
  title: string | null;
  photo_sha256: string | null;
  phone: string | null;
  email: string | null;
  payload: Record<string, unknown> | null;
  account_phone: string | null;
  account_email: string | null;
  physician_photo: string | null;
}

/** Earlier records followed at most this far back (a chain of changes is short). */
const MAX_CHAIN = 20;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const educationLabel = (v: string | null) => (v && isEducationLevel(v) ? EDUCATION_LEVEL_LABELS[v] : v);
const degreeLabel = (v: string | null) => (v && isAcademicDegree(v) ? ACADEMIC_DEGREE_LABELS[v] : v);
const titleLabel = (v: string | null) => (v && isPhysicianTitle(v) ? PHYSICIAN_TITLE_INFO[v].label : v);

function fromPayload(payload: Record<string, unknown>) {
  const e = (payload.education && typeof payload.education === 'object' ? payload.education : {}) as Record<string, unknown>;
  return {
    education: educationLabel(str(e.education)), degree: degreeLabel(str(e.degree)), school: str(e.school), major: str(e.major),
    graduationDate: str(e.graduationDate), title: titleLabel(str(payload.title)), photoSha256: str(payload.photoSha256),
  };
}

/** The current values of one registration (one query: the registration, the records it continues, their profiles). */
export async function currentInfoValues(c: Ctx, registrationId: string): Promise<InfoEditValues> {
  const rows = await rowsOf<ChainRow>(c.tx, sql`
    WITH RECURSIVE chain (id, application_id, replaces, physician_id, depth) AS (
      SELECT id, application_id, replaces_registration_id, physician_id, 0 FROM registrations WHERE id = ${registrationId}
      UNION ALL
      SELECT r.id, r.application_id, r.replaces_registration_id, r.physician_id, chain.depth + 1
      FROM registrations r JOIN chain ON r.id = chain.replaces
      WHERE chain.depth < ${MAX_CHAIN}
    )
    SELECT chain.depth, p.registration_id IS NOT NULL AS profiled, p.education, p.degree, p.school, p.major,
      to_char(p.graduation_date, 'YYYY-MM-DD') AS graduation_date, p.title, p.photo_sha256, p.phone, p.email,
      a.payload, acc.phone AS account_phone, acc.email AS account_email, ph.photo_sha256 AS physician_photo
    FROM chain
    LEFT JOIN registration_profiles p ON p.registration_id = chain.id
    LEFT JOIN applications a ON a.id = chain.application_id
    JOIN physicians ph ON ph.id = chain.physician_id
    LEFT JOIN accounts acc ON acc.id = ph.account_id
    ORDER BY chain.depth`);
  const profiled = rows.find((r) => r.profiled);
  if (profiled) {
    return {
      education: profiled.education, degree: profiled.degree, school: profiled.school, major: profiled.major,
      graduationDate: profiled.graduation_date, title: profiled.title, photoSha256: profiled.photo_sha256,
      phone: profiled.phone, email: profiled.email,
    };
  }
  const first = rows[0];
  const origin = rows.map((r) => (r.payload ? fromPayload(r.payload) : null)).find((p) => p && (p.education || p.title || p.photoSha256 || p.school));
  return {
    education: origin?.education ?? null, degree: origin?.degree ?? null, school: origin?.school ?? null, major: origin?.major ?? null,
    graduationDate: origin?.graduationDate ?? null, title: origin?.title ?? null,
    photoSha256: origin?.photoSha256 ?? first?.physician_photo ?? null,
    phone: first?.account_phone ?? null, email: first?.account_email ?? null,
  };
}
