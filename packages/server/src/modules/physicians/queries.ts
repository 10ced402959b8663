import { and, asc, eq, sql } from 'drizzle-orm';
import { maskResidentId, parseResidentId } from '@medreg/domain';
import type { Ctx } from '../../context';
import { accounts, authorities, institutions, physicians, regions, registrations, type Physician } from '../../db/schema/index';

/** The physician row of an account (physicians.account_id is unique). */
export async function physicianOfAccount(c: Ctx, accountId: string, opts: { lock?: boolean } = {}): Promise<Physician | undefined> {
  const q = c.tx.select().from(physicians).where(eq(physicians.accountId, accountId)).limit(1);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/** The person with this 身份证号 hash (physicians_id_number_hash_key). */
export async function physicianByIdHash(c: Ctx, hash: Buffer, opts: { lock?: boolean } = {}): Promise<Physician | undefined> {
  const q = c.tx.select().from(physicians).where(eq(physicians.idNumberHash, hash)).limit(1);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/** Inserts a physician as a person: name, encrypted ID with its keyed hash and mask, sex and birth date from the ID. */
export async function insertPhysician(c: Ctx, input: { name: string; idNumber: string; accountId: string }): Promise<Physician> {
  const parsed = parseResidentId(input.idNumber);
  if (!parsed.ok) throw new Error('insertPhysician needs a validated ID number');
  const id = parsed.value.idNumber;
  const [row] = await c.tx.insert(physicians).values({
    name: input.name,
    idNumberEnc: c.pii.encrypt(id),
    idNumberHash: c.pii.hash(id),
    idNumberMasked: maskResidentId(id),
    sex: parsed.value.sex,
    birthDate: parsed.value.birthDate,
    accountId: input.accountId,
  }).returning();
  return row!;
}

export async function loginNameTaken(c: Ctx, loginName: string): Promise<boolean> {
  // accounts_login_name_uidx: unique on lower(login_name)
  const [row] = await c.tx.select({ id: accounts.id }).from(accounts)
    .where(eq(sql`lower(${accounts.loginName})`, loginName.trim().toLowerCase())).limit(1);
  return row !== undefined;
}

export async function accountContact(c: Ctx, accountId: string, opts: { lock?: boolean } = {}) {
  const q = c.tx.select({ id: accounts.id, loginName: accounts.loginName, phone: accounts.phone, email: accounts.email })
    .from(accounts).where(eq(accounts.id, accountId)).limit(1);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/**
 * Every registration of a physician with what its pages and the activation rules need:
 * the province's e-registration flag, the main institution (name, auto-activation) and the issuing authority.
 * One query (registrations_physician_idx).
 */
export async function registrationsOf(c: Ctx, physicianId: string) {
  return c.tx
    .select({
      registration: registrations,
      institutionName: institutions.name,
      institutionAutoActivate: institutions.autoActivate,
      authorityName: authorities.name,
      eRegistrationEnabled: regions.eRegistrationEnabled,
    })
    .from(registrations)
    .leftJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .leftJoin(authorities, eq(authorities.id, registrations.authorityId))
    .leftJoin(regions, eq(regions.code, sql`substr(${registrations.practiceLocationCode}, 1, 2) || '0000'`))
    .where(eq(registrations.physicianId, physicianId))
    .orderBy(asc(registrations.approvedOn), asc(registrations.id));
}

export type RegistrationRow = Awaited<ReturnType<typeof registrationsOf>>[number];

export async function institutionName(c: Ctx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await c.tx.select({ name: institutions.name }).from(institutions).where(and(eq(institutions.id, id))).limit(1);
  return row?.name ?? null;
}
