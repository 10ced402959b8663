/**
 * Finding the physicians a result or a decision is about — by 执业证书编码, or by 身份证号 through its blind index
 * (physicians.id_number_hash; the number itself is stored encrypted) — within the actor's scope, many at once:
 * one query per kind of key for a whole batch, never one per row.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { HELD_REGISTRATION_STATUSES, type RegistrationStatus } from '@medreg/domain';
import type { Ctx } from '../../context';
import { accounts, authorities, institutions, physicians, registrations } from '../../db/schema/index';
import { registrationsInScope, type SupervisionScope } from './scope';

export interface Subject {
  registrationId: string;
  physicianId: string;
  physicianName: string;
  idNumberMasked: string;
  licenceCode: string | null;
  status: RegistrationStatus;
  institutionId: string;
  institutionName: string;
  authorityId: string;
  accountId: string | null;
  phone: string | null;
  email: string | null;
  /** The blind index of the physician's 身份证号, hex. */
  idHash: string;
}

const CHUNK = 1000;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

function select(c: Ctx, scope: SupervisionScope, key: ReturnType<typeof and>, lock: boolean) {
  const q = c.tx.select({
    registrationId: registrations.id, physicianId: registrations.physicianId, physicianName: physicians.name, idNumberMasked: physicians.idNumberMasked,
    licenceCode: registrations.licenceCode, status: registrations.status, institutionId: registrations.mainInstitutionId, institutionName: institutions.name,
    authorityId: registrations.authorityId, accountId: physicians.accountId, phone: accounts.phone, email: accounts.email, idHash: physicians.idNumberHash,
  }).from(registrations)
    .innerJoin(physicians, eq(physicians.id, registrations.physicianId))
    .innerJoin(institutions, eq(institutions.id, registrations.mainInstitutionId))
    .innerJoin(authorities, eq(authorities.id, registrations.authorityId))
    .leftJoin(accounts, eq(accounts.id, physicians.accountId))
    .where(and(key, inArray(registrations.status, [...HELD_REGISTRATION_STATUSES]), ...registrationsInScope(scope)))
    .orderBy(desc(registrations.approvedOn), asc(registrations.id));
  return lock ? q.for('update', { of: registrations }) : q;
}

/** The held registration (有效, 中止, 注册备案) of each 执业证书编码, within scope. */
export async function subjectsByLicenceCode(c: Ctx, scope: SupervisionScope, codes: readonly string[], opts: { lock?: boolean } = {}): Promise<Map<string, Subject>> {
  const out = new Map<string, Subject>();
  for (const part of chunks([...new Set(codes)])) {
    const rows = await select(c, scope, and(inArray(registrations.licenceCode, part)), opts.lock ?? false);
    for (const r of rows) if (r.licenceCode && !out.has(r.licenceCode)) out.set(r.licenceCode, withHex(r));
  }
  return out;
}

/** The latest held registration of the physician of each 身份证号 (normalised, 18 characters), within scope. */
export async function subjectsByIdNumber(c: Ctx, scope: SupervisionScope, idNumbers: readonly string[]): Promise<Map<string, Subject>> {
  const out = new Map<string, Subject>();
  const byHash = new Map<string, string>();
  for (const id of new Set(idNumbers)) byHash.set(c.pii.hash(id).toString('hex'), id);
  for (const part of chunks([...byHash.keys()])) {
    const hashes = part.map((h) => Buffer.from(h, 'hex'));
    const rows = await select(c, scope, and(inArray(physicians.idNumberHash, hashes)), false);
    for (const r of rows) {
      const id = byHash.get(Buffer.from(r.idHash).toString('hex'));
      if (id && !out.has(id)) out.set(id, withHex(r));
    }
  }
  return out;
}

/** One registration by id within scope, locked for the decision's transaction. */
export async function subjectByRegistrationId(c: Ctx, scope: SupervisionScope, registrationId: string): Promise<Subject | undefined> {
  const [row] = await select(c, scope, and(eq(registrations.id, registrationId)), true);
  return row ? withHex(row) : undefined;
}

function withHex<R extends { idHash: Buffer | Uint8Array }>(r: R): Omit<R, 'idHash'> & { idHash: string } {
  return { ...r, idHash: Buffer.from(r.idHash).toString('hex') };
}

