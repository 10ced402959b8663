/** Reads and writes of the decisions (受理, 补正, 准予/不予注册) besides the transition itself. */
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import {
  accounts, applicationEvents, authorities, decisionDocuments, institutions, physicians, qualifications, type Application,
} from '../../db/schema/index';
import { rowsOf } from '../../db/rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The applicant (with the account's contact), the institution and the deciding authority of an application. */
export async function loadParties(c: Ctx, app: Application) {
  const [row] = await c.tx
    .select({
      physician: physicians,
      phone: accounts.phone,
      email: accounts.email,
      institution: institutions,
      authority: authorities,
    })
    .from(physicians)
    .leftJoin(accounts, eq(accounts.id, physicians.accountId))
    .leftJoin(institutions, eq(institutions.id, sql`${app.institutionId}::uuid`))
    .leftJoin(authorities, eq(authorities.id, sql`${app.authorityId}::uuid`))
    .where(eq(physicians.id, app.physicianId));
  return row;
}

/**
 * The qualification the application rests on: the one it names (payload.qualificationId), otherwise the
 * applicant's own record of the applied category (by physician or by 身份证号 hash), a valid one first.
 */
export async function findApplicantQualification(c: Ctx, app: Application) {
  const named = app.payload.qualificationId;
  if (typeof named === 'string' && UUID.test(named)) {
    const [row] = await c.tx.select().from(qualifications).where(eq(qualifications.id, named));
    return row;
  }
  const category = typeof app.payload.category === 'string' ? app.payload.category : null;
  const rows = await c.tx.select().from(qualifications)
    .where(or(eq(qualifications.physicianId, app.physicianId), eq(qualifications.idNumberHash, app.idNumberHash)))
    .orderBy(sql`(${qualifications.status} = 'valid') DESC`, sql`(${qualifications.category} = ${category}) DESC`, sql`(${qualifications.level} = 'physician') DESC`, desc(qualifications.obtainedDate))
    .limit(1);
  return rows[0];
}

/** The staff of an institution who can be reached (the notice goes to the institution, 《医师法》第十六条). */
export async function institutionContacts(c: Ctx, institutionId: string | null) {
  if (!institutionId) return [];
  return c.tx.select({ accountId: accounts.id, phone: accounts.phone, email: accounts.email })
    .from(accounts)
    .where(and(eq(accounts.institutionId, institutionId), eq(accounts.disabled, false), inArray(accounts.role, ['institution_admin', 'institution_clerk']),
      or(isNotNull(accounts.phone), isNotNull(accounts.email))));
}

/** The next 文号 serial of an authority in a year; the counter only grows (UPDATE … RETURNING under a row lock). */
export async function nextDocumentSerial(c: Ctx, authorityId: string, year: number): Promise<number> {
  const [row] = await rowsOf<{ last_serial: number }>(c.tx, sql`
    INSERT INTO decision_document_serials (authority_id, year, last_serial) VALUES (${authorityId}, ${year}, 1)
    ON CONFLICT (authority_id, year) DO UPDATE SET last_serial = decision_document_serials.last_serial + 1
    RETURNING last_serial`);
  return Number(row!.last_serial);
}

export async function recordDecisionDocument(c: Ctx, doc: { applicationId: string; documentNo: string; authorityId: string; sha256: string; sizeBytes: number; issuedOn: string }) {
  await c.tx.insert(decisionDocuments).values({
    applicationId: doc.applicationId, kind: 'refusal', documentNo: doc.documentNo, authorityId: doc.authorityId, sha256: doc.sha256, issuedOn: doc.issuedOn, createdAt: c.now(),
  });
}

/** Whether a request with this Idempotency-Key was already applied to the application (a double click). */
export async function alreadyApplied(c: Ctx, applicationId: string, idempotencyKey: string | undefined): Promise<boolean> {
  if (!idempotencyKey) return false;
  const [seen] = await c.tx.select({ id: applicationEvents.id }).from(applicationEvents)
    .where(and(eq(applicationEvents.idempotencyKey, idempotencyKey), eq(applicationEvents.applicationId, applicationId)));
  return seen !== undefined;
}
