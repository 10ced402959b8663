import { and, asc, desc, eq, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { TERMINAL_STATES } from '@medreg/domain';
import type { Ctx } from '../../context';
import { keyset } from '../../db/keyset';
import {
  accounts, applicationEvents, applications, authorities, blobs, decisionDocuments, institutions, physicians, qualifications, registrations,
  type Level,
} from '../../db/schema/index';

/** Locks the physician row so that two 「办理」 clicks cannot open two applications at once. */
export async function lockPhysician(c: Ctx, physicianId: string): Promise<void> {
  await c.tx.select({ id: physicians.id }).from(physicians).where(eq(physicians.id, physicianId)).for('update');
}

/**
 * The physician's valid qualifications (资格库 records linked to them): linked by physician_id, or — before the
 * link is written — the synchronised record of the same 身份证号 (keyed hash) and name (domain §1.1: the name and
 * ID number are the keys that match the account to the qualification). Highest level first, newest first.
 * Indexes: qualifications_physician_idx, qualifications_id_number_hash_idx.
 */
export async function selectValidQualifications(c: Ctx, p: { id: string; idNumberHash: Buffer; name: string }) {
  return c.tx.select().from(qualifications)
    .where(and(
      eq(qualifications.status, 'valid'),
      eq(qualifications.synced, true),
      or(
        eq(qualifications.physicianId, p.id),
        and(isNull(qualifications.physicianId), eq(qualifications.idNumberHash, p.idNumberHash), eq(qualifications.name, p.name)),
      ),
    ))
    .orderBy(asc(qualifications.level), desc(qualifications.obtainedDate), asc(qualifications.id));
}

/** A valid registration of the level, if any (registrations_physician_idx). */
export async function selectValidRegistration(c: Ctx, physicianId: string, level: Level) {
  const [row] = await c.tx.select({ id: registrations.id, practiceLocationCode: registrations.practiceLocationCode }).from(registrations)
    .where(and(eq(registrations.physicianId, physicianId), eq(registrations.level, level), eq(registrations.status, 'valid')))
    .limit(1);
  return row;
}

/** The physician's open (not finished) application of a type, if any (applications_physician_idx). */
export async function selectOpenApplication(c: Ctx, physicianId: string, businessType: string) {
  const [row] = await c.tx.select({ id: applications.id, state: applications.state, businessCode: applications.businessCode }).from(applications)
    .where(and(
      eq(applications.physicianId, physicianId),
      eq(applications.businessType, businessType),
      notInArray(applications.state, [...TERMINAL_STATES]),
    ))
    .orderBy(desc(applications.createdAt))
    .limit(1);
  return row;
}

export async function selectInstitution(c: Ctx, id: string) {
  const [row] = await c.tx.select().from(institutions).where(eq(institutions.id, id)).limit(1);
  return row;
}

export async function selectQualification(c: Ctx, id: string) {
  const [row] = await c.tx.select().from(qualifications).where(eq(qualifications.id, id)).limit(1);
  return row;
}

export async function selectBlob(c: Ctx, sha256: string) {
  const [row] = await c.tx.select({ sha256: blobs.sha256, contentType: blobs.contentType, sizeBytes: blobs.sizeBytes }).from(blobs)
    .where(eq(blobs.sha256, sha256)).limit(1);
  return row;
}

/**
 * The next 业务编号 serial of a day (Beijing date), from business_code_serials: one statement that creates the
 * day's counter or increments it and returns the new value, under the row lock, so concurrent submissions get
 * distinct serials and a serial is never given twice.
 */
export async function nextBusinessSerial(c: Ctx, day: string): Promise<number> {
  const result = (await c.tx.execute(sql`
    INSERT INTO business_code_serials (day, last_serial) VALUES (${day}::date, 1)
    ON CONFLICT (day) DO UPDATE SET last_serial = business_code_serials.last_serial + 1
    RETURNING last_serial`)) as unknown as { rows: { last_serial: number }[] };
  return Number(result.rows[0]!.last_serial);
}

/**
 * Queues one message per channel to every enabled staff account of an institution (or an authority) that has a
 * phone (SMS) or an e-mail address: ONE INSERT … SELECT (accounts_institution_idx / accounts_authority_idx).
 */
export async function notifyStaff(c: Ctx, to: { institutionId?: string; authorityId?: string }, message: { template: string; subject: string; body: string }): Promise<void> {
  const owner = to.institutionId
    ? sql`a.institution_id = ${to.institutionId}::uuid`
    : sql`a.authority_id = ${to.authorityId!}::uuid`;
  await c.tx.execute(sql`
    INSERT INTO outbox (channel, recipient, subject, body, template, account_id)
    SELECT v.channel, v.recipient, CASE WHEN v.channel = 'email' THEN ${message.subject} END,
           CASE WHEN v.channel = 'sms' THEN ${`【医师电子化注册】${message.body}`} ELSE ${message.body} END,
           ${message.template}, a.id
    FROM accounts a
    CROSS JOIN LATERAL (VALUES ('sms', a.phone), ('email', a.email)) AS v (channel, recipient)
    WHERE ${owner} AND NOT a.disabled AND v.recipient IS NOT NULL AND btrim(v.recipient) <> ''`);
}

/** The account (phone, e-mail) of a physician, for notifications. */
export async function selectPhysicianContact(c: Ctx, physicianId: string) {
  const [row] = await c.tx.select({ accountId: accounts.id, phone: accounts.phone, email: accounts.email })
    .from(physicians).innerJoin(accounts, eq(accounts.id, physicians.accountId))
    .where(eq(physicians.id, physicianId)).limit(1);
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** created_at exactly as stored (microseconds, UTC) for the keyset cursor. */
const cursorAt = sql<string>`to_char(${applications.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One page of the physician's own applications, newest first, keyset by (created_at, id) (applications_physician_idx). */
export async function selectOwnApplicationsPage(c: Ctx, f: { physicianId: string; cursor?: { at: string; id: string }; limit: number }) {
  const where: SQL[] = [eq(applications.physicianId, f.physicianId)];
  const page = keyset(applications.createdAt, applications.id, 'desc', f.cursor ? { key: sql`${f.cursor.at}::timestamptz`, id: f.cursor.id } : undefined);
  if (page.where) where.push(page.where);
  return c.tx
    .select({
      id: applications.id,
      businessCode: applications.businessCode,
      businessType: applications.businessType,
      state: applications.state,
      version: applications.version,
      institutionName: institutions.name,
      authorityName: authorities.name,
      submittedAt: applications.submittedAt,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      dueDate: applications.dueDate,
      dueDateProvisional: applications.dueDateProvisional,
      cursorAt,
    })
    .from(applications)
    .leftJoin(institutions, eq(institutions.id, applications.institutionId))
    .leftJoin(authorities, eq(authorities.id, applications.authorityId))
    .where(and(...where))
    .orderBy(...page.orderBy)
    .limit(f.limit + 1);
}

export type OwnApplicationRow = Awaited<ReturnType<typeof selectOwnApplicationsPage>>[number];

/**
 * Everything a detail view shows about one application, in three queries (no loop): the application with its
 * physician, institution, authority and written decision; the qualification named in the payload; the history.
 */
export async function selectApplicationView(c: Ctx, id: string) {
  const [row] = await c.tx
    .select({
      app: applications,
      physician: {
        id: physicians.id, name: physicians.name, sex: physicians.sex, birthDate: physicians.birthDate,
        idNumberEnc: physicians.idNumberEnc, idNumberMasked: physicians.idNumberMasked, accountId: physicians.accountId,
      },
      institution: { id: institutions.id, name: institutions.name, areaCode: institutions.areaCode, grassroots: institutions.grassroots },
      authority: { id: authorities.id, name: authorities.name, areaCode: authorities.areaCode, level: authorities.level },
      decisionDocument: { documentNo: decisionDocuments.documentNo, issuedOn: decisionDocuments.issuedOn },
    })
    .from(applications)
    .innerJoin(physicians, eq(physicians.id, applications.physicianId))
    .leftJoin(institutions, eq(institutions.id, applications.institutionId))
    .leftJoin(authorities, eq(authorities.id, applications.authorityId))
    .leftJoin(decisionDocuments, eq(decisionDocuments.applicationId, applications.id))
    .where(eq(applications.id, id))
    .limit(1);
  if (!row) return undefined;
  // 首次注册 names its qualification in the payload; the generic path in its form (助理升执业, 变更执业类别).
  const form = row.app.payload.form as Record<string, unknown> | undefined;
  const named = row.app.payload.qualificationId ?? form?.qualificationId;
  const qualificationId = typeof named === 'string' ? named : undefined;
  const payloadInstitutionId = typeof row.app.payload.institutionId === 'string' ? row.app.payload.institutionId : undefined;
  const qualification = qualificationId && UUID.test(qualificationId) ? await selectQualification(c, qualificationId) : undefined;
  // A draft names its institution only in the payload until it is submitted.
  const draftInstitution = !row.institution && payloadInstitutionId && UUID.test(payloadInstitutionId)
    ? (await c.tx.select({ id: institutions.id, name: institutions.name, areaCode: institutions.areaCode, grassroots: institutions.grassroots })
      .from(institutions).where(eq(institutions.id, payloadInstitutionId)).limit(1))[0]
    : undefined;
  const events = await c.tx.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.id));
  return {
    app: row.app,
    physician: row.physician,
    institution: row.institution ?? draftInstitution ?? null,
    authority: row.authority,
    decisionDocument: row.decisionDocument,
    qualification: qualification ?? null,
    events,
  };
}

export type ApplicationView = NonNullable<Awaited<ReturnType<typeof selectApplicationView>>>;
