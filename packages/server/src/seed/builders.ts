// Builders for organisations, staff, physicians, qualifications and registrations.
// Used by the demo data and by the test factories, so both create records the same way.
import { eq } from 'drizzle-orm';
import { FILING_TABLE, decision, maskResidentId, parseResidentId, provinceCodeOf } from '@medreg/domain';
import type { Ctx } from '../context';
import {
  accounts, authorities, certificates, filingEvents, institutions, multiSiteFilings, physicians, qualifications, registrations,
  type AccountRole, type AuthorityLevel, type Category, type Level,
} from '../db/schema/index';
import { hashPassword } from '../modules/accounts/passwords';
import { sealCertCode } from '../security/cert-code';

export async function createAuthority(c: Ctx, input: { name: string; areaCode: string; level: AuthorityLevel; parentId?: string | null }) {
  const [row] = await c.tx.insert(authorities).values({ ...input, parentId: input.parentId ?? null }).returning();
  return row!;
}

export async function createInstitution(c: Ctx, input: {
  name: string; creditCode: string; licenceRegNo: string; areaCode: string; approvingAuthorityId: string;
  kind?: 'medical' | 'health_care' | 'prevention'; grassroots?: boolean; departments?: string[]; autoActivate?: boolean;
}) {
  const [row] = await c.tx.insert(institutions).values({
    ...input,
    provinceCode: provinceCodeOf(input.areaCode),
    departments: input.departments ?? ['内科', '外科', '妇产科', '儿科', '急诊科'],
  }).returning();
  return row!;
}

export async function createStaffAccount(c: Ctx, input: {
  loginName: string; password: string; displayName: string; role: Exclude<AccountRole, 'physician'>;
  institutionId?: string; authorityId?: string; phone?: string; email?: string;
}) {
  const kind = input.role.startsWith('institution') ? 'institution' : 'authority';
  const [row] = await c.tx.insert(accounts).values({
    kind,
    role: input.role,
    loginName: input.loginName,
    passwordHash: await hashPassword(input.password),
    displayName: input.displayName,
    phone: input.phone ?? null,
    email: input.email ?? null,
    institutionId: kind === 'institution' ? input.institutionId! : null,
    authorityId: kind === 'authority' ? input.authorityId! : null,
  }).returning();
  return row!;
}

function identity(c: Ctx, idNumber: string) {
  const parsed = parseResidentId(idNumber);
  if (!parsed.ok) throw new Error(`invalid ID in fixture: ${idNumber}`);
  const id = parsed.value.idNumber;
  return { id, parsed: parsed.value, enc: c.pii.encrypt(id), hash: c.pii.hash(id), masked: maskResidentId(id) };
}

export async function createQualification(c: Ctx, input: {
  name: string; idNumber: string; level: Level; category: Category; certCode?: string | null; admissionTicketNo?: string | null;
  examCategoryCode?: string; examYear?: number; obtainedDate?: string; speciality?: string; synced?: boolean; physicianId?: string | null;
}) {
  const who = identity(c, input.idNumber);
  const [row] = await c.tx.insert(qualifications).values({
    name: input.name,
    idNumberEnc: who.enc,
    idNumberHash: who.hash,
    idNumberMasked: who.masked,
    level: input.level,
    category: input.category,
    ...sealCertCode(c.pii, input.certCode),
    admissionTicketNo: input.admissionTicketNo ?? null,
    examCategoryCode: input.examCategoryCode ?? null,
    examYear: input.examYear ?? null,
    obtainedDate: input.obtainedDate ?? null,
    speciality: input.speciality ?? null,
    synced: input.synced ?? true,
    physicianId: input.physicianId ?? null,
  }).returning();
  return row!;
}

/** A physician as a person in the registry (no account yet unless accountId is given). */
export async function createPhysicianRecord(c: Ctx, input: { name: string; idNumber: string; accountId?: string | null; mainInstitutionId?: string | null }) {
  const who = identity(c, input.idNumber);
  const [row] = await c.tx.insert(physicians).values({
    name: input.name,
    idNumberEnc: who.enc,
    idNumberHash: who.hash,
    idNumberMasked: who.masked,
    sex: who.parsed.sex,
    birthDate: who.parsed.birthDate,
    accountId: input.accountId ?? null,
    mainInstitutionId: input.mainInstitutionId ?? null,
  }).returning();
  return row!;
}

export async function createRegistration(c: Ctx, input: {
  physicianId: string; qualificationId?: string | null; level: Level; category: Category; scopes: string[];
  practiceLocationCode: string; mainInstitutionId: string; authorityId: string; licenceCode: string; approvedOn: string;
  status?: 'valid' | 'transferred_out' | 'filed' | 'suspended' | 'cancelled'; verifyToken?: string;
}) {
  const [row] = await c.tx.insert(registrations).values({
    ...input, qualificationId: input.qualificationId ?? null, status: input.status ?? 'valid', seniorityFrom: input.approvedOn,
  }).returning();
  // Its certificate: the QR token given, voided once the registration is cancelled.
  if (input.verifyToken) {
    await c.tx.insert(certificates).values({
      registrationId: row!.id, licenceCode: input.licenceCode, verifyToken: input.verifyToken,
      status: row!.status === 'cancelled' ? 'voided' : 'issued', issuedOn: input.approvedOn,
    });
  }
  if ((input.status ?? 'valid') === 'valid') {
    await c.tx.update(physicians).set({ mainInstitutionId: input.mainInstitutionId }).where(eq(physicians.id, input.physicianId));
  }
  return row!;
}

/**
 * An 有效 多机构备案 (BT-05) as the generic path leaves it: the filing with its history — submitted (申请中), then
 * filed by the authority that approved the institution (有效, 《医师执业注册管理办法》第十条).
 */
export async function createActiveFiling(c: Ctx, input: {
  physicianId: string; registrationId: string; institutionId: string; authorityId: string; scopes: string[]; validFrom: string; validTo: string;
}) {
  const [row] = await c.tx.insert(multiSiteFilings).values({ ...input, status: FILING_TABLE.approve.to, statusSince: c.now(), createdAt: c.now() }).returning();
  const changes = { scopes: input.scopes, validFrom: input.validFrom, validTo: input.validTo, registrationId: input.registrationId };
  await c.tx.insert(filingEvents).values([
    { filingId: row!.id, event: 'submit', fromStatus: null, toStatus: FILING_TABLE.submit.to, cause: { kind: 'application', business: 'multi_site_filing', step: 'submit' }, changes, createdAt: c.now() },
    { filingId: row!.id, event: 'approve', fromStatus: FILING_TABLE.submit.to, toStatus: FILING_TABLE.approve.to, cause: { ...decision('multi_site_filing') }, changes: { registrationId: input.registrationId }, createdAt: c.now() },
  ]);
  return row!;
}
