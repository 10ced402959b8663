// Demo data for an empty database (npm start): organisations, staff, qualifications, registrations.
import { eq, inArray } from 'drizzle-orm';
import {
  creditCodeCheckChar, makeQualificationCode, makeResidentId, organizationCodeCheckChar, provinceCodeOf,
} from '@medreg/domain';
import type { Deps, Ctx } from '../context';
import { inTransaction } from '../context';
import { accounts, physicians, qualifications, regions } from '../db/schema/index';
import { hashPassword } from '../modules/accounts/passwords';
import { nextLicenceCode } from '../modules/registrations/licence-serial';
import { certificateVerifyToken } from '../security/tokens';
import { createAuthority, createInstitution, createPhysicianRecord, createQualification, createRegistration, createStaffAccount } from './builders';
import {
  DEMO_AUTHORITIES, DEMO_INSTITUTIONS, DEMO_PASSWORD, DEMO_PHYSICIAN_LOGIN, DEMO_PROVINCES_WITHOUT_E_REGISTRATION, DEMO_QUALIFICATIONS,
  type DemoQualification,
} from './demo-data';
import { isDatabaseEmpty, seedReferenceData } from './reference';
import { seedDemoApplications } from './demo-applications';
import { seedDemoLifecyclePhysicians } from './demo-lifecycle';
import { DEMO_LIFECYCLE_PHYSICIANS } from './demo-lifecycle-data';

export interface DemoLogin { portal: string; role: string; loginName: string; password: string; organisation: string }
export interface DemoResult { logins: DemoLogin[] }

export function demoIdNumber(d: DemoQualification): string {
  return makeResidentId({ areaCode: d.areaCode, birthDate: d.birthDate, seq: d.seq });
}

export function demoTicketNumber(d: DemoQualification, index: number): string {
  const levelDigit = d.level === 'physician' ? '1' : '2';
  return `${d.examYear}${d.areaCode.slice(0, 2)}${levelDigit}${String(100000 + index * 7919).slice(-6)}`;
}

function licenceRegNo(orgBody: string, areaCode: string, econ: string, category: string): string {
  return `${orgBody}${organizationCodeCheckChar(orgBody)}${areaCode}${econ}${category}1`;
}

function creditCode(orgBody: string, areaCode: string): string {
  const first17 = `12${areaCode}${orgBody}${organizationCodeCheckChar(orgBody)}`;
  return first17 + creditCodeCheckChar(first17);
}

async function seedOrganisations(c: Ctx) {
  const authorityIds = new Map<string, string>();
  const logins: DemoLogin[] = [];
  for (const a of DEMO_AUTHORITIES) {
    const row = await createAuthority(c, { name: a.name, areaCode: a.areaCode, level: a.level, parentId: a.parent ? authorityIds.get(a.parent) : null });
    authorityIds.set(a.key, row.id);
    for (const role of ['authority_reviewer', 'authority_admin'] as const) {
      const loginName = `${a.key}_wjw_${role === 'authority_reviewer' ? 'reviewer' : 'admin'}`;
      await createStaffAccount(c, { loginName, password: DEMO_PASSWORD, displayName: `${a.name}${role === 'authority_reviewer' ? '审核员' : '管理员'}`, role, authorityId: row.id });
      logins.push({ portal: '卫生健康行政部门端', role: role === 'authority_reviewer' ? '审核人员' : '管理员', loginName, password: DEMO_PASSWORD, organisation: a.name });
    }
  }
  const institutionIds = new Map<string, { id: string; areaCode: string; authorityId: string; authorityArea: string }>();
  for (const i of DEMO_INSTITUTIONS) {
    const authority = DEMO_AUTHORITIES.find((a) => a.key === i.authority)!;
    const row = await createInstitution(c, {
      name: i.name, areaCode: i.areaCode, approvingAuthorityId: authorityIds.get(i.authority)!,
      creditCode: creditCode(i.orgBody, i.areaCode), licenceRegNo: licenceRegNo(i.orgBody, i.areaCode, i.econ, i.category),
      kind: i.kind ?? 'medical', grassroots: i.grassroots ?? false, ...(i.departments ? { departments: i.departments } : {}),
    });
    institutionIds.set(i.key, { id: row.id, areaCode: i.areaCode, authorityId: row.approvingAuthorityId, authorityArea: authority.areaCode });
    for (const role of ['institution_admin', 'institution_clerk'] as const) {
      const loginName = `${i.key}_${role === 'institution_admin' ? 'admin' : 'clerk'}`;
      await createStaffAccount(c, { loginName, password: DEMO_PASSWORD, displayName: `${i.name}${role === 'institution_admin' ? '管理员' : '经办人'}`, role, institutionId: row.id });
      logins.push({ portal: '医疗机构端', role: role === 'institution_admin' ? '机构管理员' : '经办人', loginName, password: DEMO_PASSWORD, organisation: i.name });
    }
  }
  return { authorityIds, institutionIds, logins };
}

async function seedQualifications(c: Ctx, institutionIds: Map<string, { id: string; areaCode: string; authorityId: string; authorityArea: string }>) {
  for (const [index, d] of DEMO_QUALIFICATIONS.entries()) {
    const idNumber = demoIdNumber(d);
    const year = d.examYear;
    const certCode = d.ticketOnly ? null : makeQualificationCode({ year, provinceCode: d.areaCode.slice(0, 2), level: d.level, category: d.category, idNumber });
    const physician = d.registeredAt ? await createPhysicianRecord(c, { name: d.name, idNumber }) : null;
    const qualification = await createQualification(c, {
      name: d.recordedName ?? d.name, idNumber, level: d.level, category: d.category, certCode,
      admissionTicketNo: d.ticketOnly || index % 3 === 0 ? demoTicketNumber(d, index) : null,
      examYear: year, obtainedDate: `${year}-12-31`, synced: !d.ticketOnly, physicianId: physician?.id ?? null,
    });
    if (physician && d.registeredAt) {
      const inst = institutionIds.get(d.registeredAt)!;
      await createRegistration(c, {
        physicianId: physician.id, qualificationId: qualification.id, level: d.level, category: d.category, scopes: d.scopes ?? ['11'],
        practiceLocationCode: d.level === 'physician' ? provinceCodeOf(inst.areaCode) : inst.areaCode,
        mainInstitutionId: inst.id, authorityId: inst.authorityId,
        licenceCode: await nextLicenceCode(c, { level: d.level, category: d.category, areaCode: inst.authorityArea }),
        approvedOn: `${year + 1}-03-15`, status: d.registrationStatus ?? 'valid', verifyToken: certificateVerifyToken(),
      });
    }
  }
}

/** The ready-to-use physician: an activated account whose qualification is on file, not yet registered. */
async function seedDemoPhysician(c: Ctx): Promise<DemoLogin> {
  const d = DEMO_QUALIFICATIONS.find((x) => x.name === DEMO_PHYSICIAN_LOGIN.qualificationName)!;
  const now = c.now();
  const [account] = await c.tx.insert(accounts).values({
    kind: 'physician', role: 'physician', loginName: DEMO_PHYSICIAN_LOGIN.loginName, passwordHash: await hashPassword(DEMO_PASSWORD),
    displayName: d.name, phone: DEMO_PHYSICIAN_LOGIN.phone, email: DEMO_PHYSICIAN_LOGIN.email,
  }).returning();
  const physician = await createPhysicianRecord(c, { name: d.name, idNumber: demoIdNumber(d), accountId: account!.id });
  await c.tx.update(physicians).set({
    phoneVerifiedAt: now, activationStatus: 'active', activationMethod: 'qualification_code', activatedAt: now, qualificationCheckedAt: now,
  }).where(eq(physicians.id, physician.id));
  await c.tx.update(qualifications).set({ physicianId: physician.id }).where(eq(qualifications.idNumberHash, physician.idNumberHash));
  return { portal: '医师个人端', role: '医师（已激活，可申请首次注册）', loginName: DEMO_PHYSICIAN_LOGIN.loginName, password: DEMO_PASSWORD, organisation: d.name };
}

/**
 * The demo logins as printed at start. The sample identities (身份证号, 资格证书编码) are printed only
 * when `identities` is set — in development; a log elsewhere must not carry ID numbers.
 */
export function formatLogins(logins: DemoLogin[], o: { identities: boolean }): string {
  const lines = ['', '演示账户 (demo logins) — 密码均为 ' + DEMO_PASSWORD, ''];
  for (const portal of ['医师个人端', '医疗机构端', '卫生健康行政部门端']) {
    lines.push(`【${portal}】`);
    for (const l of logins.filter((x) => x.portal === portal)) lines.push(`  ${l.loginName.padEnd(22)} ${l.role.padEnd(8)} ${l.organisation}`);
  }
  if (o.identities) {
    const sample = DEMO_QUALIFICATIONS.find((x) => x.name === '李静怡')!;
    lines.push('', '注册新账号可用的演示身份（资格库中有记录，尚未注册）：');
    lines.push(`  姓名 ${sample.name}  身份证号 ${demoIdNumber(sample)}  资格证书编码 ${makeQualificationCode({ year: sample.examYear, provinceCode: sample.areaCode.slice(0, 2), level: sample.level, category: sample.category, idNumber: demoIdNumber(sample) })}`);
    const ticket = DEMO_QUALIFICATIONS.findIndex((x) => x.ticketOnly);
    const t = DEMO_QUALIFICATIONS[ticket]!;
    lines.push(`  姓名 ${t.name}  身份证号 ${demoIdNumber(t)}  准考证号 ${demoTicketNumber(t, ticket)}（仅有准考证号）`);
  } else {
    lines.push('', '注册新账号可用的演示身份仅在开发环境 (NODE_ENV=development) 下显示。');
  }
  lines.push('开发收件箱（短信验证码、激活码）：/dev/inbox', '');
  return lines.join('\n');
}

/** Seeds reference data always (idempotent) and the demo set when no account exists yet. */
export async function seedDemoDataIfEmpty(deps: Deps): Promise<DemoResult> {
  await seedReferenceData(deps.db);
  if (await isDatabaseEmpty(deps.db)) {
    await inTransaction(deps, async (c) => {
      await c.tx.update(regions).set({ eRegistrationEnabled: false }).where(inArray(regions.code, DEMO_PROVINCES_WITHOUT_E_REGISTRATION));
      const { institutionIds } = await seedOrganisations(c);
      await seedQualifications(c, institutionIds);
      await seedDemoPhysician(c);
      await seedDemoLifecyclePhysicians(c, institutionIds);
      const hospital = institutionIds.get('hdh')!;
      await seedDemoApplications(c, { id: hospital.id, areaCode: hospital.areaCode, authorityId: hospital.authorityId });
    });
  }
  return { logins: await listDemoLogins(deps) };
}

/** Reconstructs the printed logins from the database (also after a restart). */
async function listDemoLogins(deps: Deps): Promise<DemoLogin[]> {
  const rows = await deps.db.select({ loginName: accounts.loginName, role: accounts.role, displayName: accounts.displayName }).from(accounts)
    .where(inArray(accounts.loginName, expectedLoginNames()));
  const label = { physician: '医师', institution_admin: '机构管理员', institution_clerk: '经办人', authority_reviewer: '审核人员', authority_admin: '管理员' } as const;
  const portal = { physician: '医师个人端', institution_admin: '医疗机构端', institution_clerk: '医疗机构端', authority_reviewer: '卫生健康行政部门端', authority_admin: '卫生健康行政部门端' } as const;
  return expectedLoginNames().flatMap((name) => {
    const r = rows.find((x) => x.loginName === name);
    // A demo physician's line says what to try after the name (业务申请).
    const tryThis = PHYSICIAN_HINTS.get(name);
    const organisation = r && tryThis ? `${r.displayName}：${tryThis}` : r?.displayName;
    return r ? [{ portal: portal[r.role], role: label[r.role], loginName: r.loginName, password: DEMO_PASSWORD, organisation: organisation! }] : [];
  });
}

const PHYSICIAN_HINTS = new Map<string, string>([
  [DEMO_PHYSICIAN_LOGIN.loginName, DEMO_PHYSICIAN_LOGIN.tryThis],
  ...DEMO_LIFECYCLE_PHYSICIANS.map((d): [string, string] => [d.loginName, d.tryThis]),
]);

function expectedLoginNames(): string[] {
  return [
    DEMO_PHYSICIAN_LOGIN.loginName,
    ...DEMO_LIFECYCLE_PHYSICIANS.map((d) => d.loginName),
    ...DEMO_INSTITUTIONS.flatMap((i) => [`${i.key}_admin`, `${i.key}_clerk`]),
    ...DEMO_AUTHORITIES.flatMap((a) => [`${a.key}_wjw_reviewer`, `${a.key}_wjw_admin`]),
  ];
}
