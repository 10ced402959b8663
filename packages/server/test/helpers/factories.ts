// Test factories with overrides: each test builds exactly the records it needs.
import { and, eq } from 'drizzle-orm';
import { businessCode, makeQualificationCode, makeResidentId, provinceCodeOf, creditCodeCheckChar, organizationCodeCheckChar } from '@medreg/domain';
import type { Deps } from '../../src/context';
import { inTransaction } from '../../src/context';
import { accounts, applications, authorities, physicians, type Application } from '../../src/db/schema/index';
import type { AuthorityLevel, Category, Level } from '../../src/db/schema/index';
import { hashPassword } from '../../src/modules/accounts/passwords';
import { createAuthority, createInstitution, createPhysicianRecord, createQualification, createStaffAccount } from '../../src/seed/builders';

export const PASSWORD = 'Test@2026pw';
let counter = 0;
const next = () => ++counter;

/** The authority of an area and level (one per area and level), created when missing. */
export async function makeAuthority(deps: Deps, o: { name?: string; areaCode?: string; level?: AuthorityLevel } = {}) {
  const areaCode = o.areaCode ?? '110108';
  const level = o.level ?? 'county';
  const [existing] = await deps.db.select().from(authorities).where(and(eq(authorities.areaCode, areaCode), eq(authorities.level, level)));
  if (existing) return existing;
  return inTransaction(deps, (c) => createAuthority(c, { name: o.name ?? `测试卫生健康委员会${next()}`, areaCode, level }));
}

/** An institution with its approving authority and one admin and one clerk account. */
export async function makeInstitution(deps: Deps, o: { name?: string; areaCode?: string; authorityId?: string; grassroots?: boolean; autoActivate?: boolean } = {}) {
  const n = next();
  const areaCode = o.areaCode ?? '110108';
  const authorityId = o.authorityId ?? (await makeAuthority(deps, { areaCode })).id;
  const body = String(40000000 + n * 37).slice(0, 8);
  const org = body + organizationCodeCheckChar(body);
  const first17 = `12${areaCode}${org}`;
  return inTransaction(deps, async (c) => {
    const institution = await createInstitution(c, {
      name: o.name ?? `测试第${n}人民医院`, areaCode, approvingAuthorityId: authorityId,
      creditCode: first17 + creditCodeCheckChar(first17), licenceRegNo: `${org}${areaCode}11A1001`,
      grassroots: o.grassroots ?? false, autoActivate: o.autoActivate ?? false,
    });
    const admin = await createStaffAccount(c, { loginName: `inst${n}_admin`, password: PASSWORD, displayName: '机构管理员', role: 'institution_admin', institutionId: institution.id });
    const clerk = await createStaffAccount(c, { loginName: `inst${n}_clerk`, password: PASSWORD, displayName: '经办人', role: 'institution_clerk', institutionId: institution.id });
    return { institution, authorityId, admin, clerk, adminLogin: admin.loginName, clerkLogin: clerk.loginName };
  });
}

export async function makeAuthorityStaff(deps: Deps, authorityId: string, role: 'authority_reviewer' | 'authority_admin' = 'authority_reviewer') {
  const n = next();
  return inTransaction(deps, (c) => createStaffAccount(c, { loginName: `auth${n}_${role === 'authority_admin' ? 'admin' : 'rev'}`, password: PASSWORD, displayName: '审核员', role, authorityId }));
}

export function makeIdNumber(o: { areaCode?: string; birthDate?: string } = {}): string {
  return makeResidentId({ areaCode: o.areaCode ?? '110105', birthDate: o.birthDate ?? '1995-05-05', seq: next() % 999 || 1 });
}

/** A qualification record (资格库) for a person; returns the record and the person's identity. */
export async function makeQualification(deps: Deps, o: { name?: string; idNumber?: string; level?: Level; category?: Category; ticketOnly?: boolean; physicianId?: string | null } = {}) {
  const idNumber = o.idNumber ?? makeIdNumber();
  const level = o.level ?? 'physician';
  const category = o.category ?? 'clinical';
  const certCode = o.ticketOnly ? null : makeQualificationCode({ year: 2024, provinceCode: '11', level, category, idNumber });
  const ticket = `2024${String(next()).padStart(9, '0')}`;
  const qualification = await inTransaction(deps, (c) => createQualification(c, {
    name: o.name ?? '张三', idNumber, level, category, certCode, admissionTicketNo: ticket, examYear: 2024, obtainedDate: '2024-12-31',
    synced: !o.ticketOnly, physicianId: o.physicianId ?? null,
  }));
  return { qualification, idNumber, certCode, ticket, name: o.name ?? '张三' };
}

/** A physician with an account; activated and phone-verified unless told otherwise, with a qualification. */
export async function makePhysician(deps: Deps, o: { name?: string; level?: Level; category?: Category; activated?: boolean; idNumber?: string } = {}) {
  const n = next();
  const name = o.name ?? '李四';
  const { qualification, idNumber, certCode, ticket } = await makeQualification(deps, { name, level: o.level, category: o.category, idNumber: o.idNumber });
  const loginName = `doc${n}`;
  const physician = await inTransaction(deps, async (c) => {
    const [account] = await c.tx.insert(accounts).values({
      kind: 'physician', role: 'physician', loginName, passwordHash: await hashPassword(PASSWORD), displayName: name,
      phone: `1390000${String(n).padStart(4, '0')}`, email: `${loginName}@example.cn`,
    }).returning();
    const p = await createPhysicianRecord(c, { name, idNumber, accountId: account!.id });
    const now = c.now();
    if (o.activated ?? true) {
      await c.tx.update(physicians)
        .set({ phoneVerifiedAt: now, activationStatus: 'active', activationMethod: 'qualification_code', activatedAt: now, qualificationCheckedAt: now })
        .where(eq(physicians.id, p.id));
    }
    return { ...p, account: account! };
  });
  return { physician, qualification, idNumber, certCode, ticket, loginName, name };
}

/**
 * An application in a given state, inserted directly (for institution and authority tests).
 * The payload follows the first-registration shape.
 */
export async function makeApplication(deps: Deps, o: {
  physicianId: string; physicianName: string; idNumber: string; institutionId: string; authorityId: string; qualificationId: string;
  state?: string; businessType?: string; acceptedAt?: Date; dueDate?: string; areaCode?: string; level?: Level; category?: Category;
}): Promise<Application> {
  const n = next();
  const submittedAt = deps.now();
  const [row] = await deps.db.insert(applications).values({
    businessCode: o.state === 'draft' ? null : businessCode('first_registration', submittedAt.toISOString().slice(0, 10), 900000 + n),
    businessType: o.businessType ?? 'first_registration',
    physicianId: o.physicianId, physicianName: o.physicianName, idNumberHash: deps.pii.hash(o.idNumber),
    institutionId: o.institutionId, authorityId: o.authorityId, state: o.state ?? 'pending_institution',
    payload: {
      qualificationId: o.qualificationId, level: o.level ?? 'physician', category: o.category ?? 'clinical', scopes: ['11'],
      practiceLocationCode: o.level === 'assistant' ? (o.areaCode ?? '110108') : provinceCodeOf(o.areaCode ?? '110108'),
      institutionId: o.institutionId, department: '内科', startDate: submittedAt.toISOString().slice(0, 10),
      education: { education: '本科', degree: '学士', school: '北京大学医学部', major: '临床医学', graduationDate: '2023-07-01' },
      title: '住院医师', declarations: { civilCapacity: true, noCriminalPenalty: true, noRevocation: true, noAssessmentCancellation: true, noOtherBar: true },
    },
    submittedAt, acceptedAt: o.acceptedAt ?? null, dueDate: o.dueDate ?? null,
  }).returning();
  return row!;
}
