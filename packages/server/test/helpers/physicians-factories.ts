// Factories for the physician side up to activation: sign-up through the API, codes from the outbox,
// registered physicians (a registration, no account yet), activation codes as an institution issues them.
import { and, desc, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeQualificationCode, provinceCodeOf, type RegistrationStatus } from '@medreg/domain';
import type { Deps } from '../../src/context';
import { inTransaction } from '../../src/context';
import { activationCodes, institutions, outbox, regions } from '../../src/db/schema/index';
import { activationCodeHash } from '../../src/modules/activation/redeem';
import { createPhysicianRecord, createQualification, createRegistration } from '../../src/seed/builders';
import { Agent } from './agent';
import { makeIdNumber, makeInstitution, PASSWORD } from './factories';

let counter = 0;
const next = () => ++counter;

export interface SignUpOptions {
  name?: string;
  idNumber?: string;
  loginName?: string;
  phone?: string;
  email?: string;
}

/** Both sign-up steps through the API, then a login; returns the signed-in agent. */
export async function signUp(app: FastifyInstance, o: SignUpOptions = {}) {
  const n = next();
  const name = o.name ?? '王医生';
  const idNumber = o.idNumber ?? makeIdNumber({ birthDate: '1996-06-06' });
  const loginName = o.loginName ?? `signup${n}_${Math.random().toString(36).slice(2, 7)}`;
  const phone = o.phone ?? `1370000${String(n).padStart(4, '0')}`;
  const email = o.email ?? `${loginName}@example.cn`;
  const agent = new Agent(app);
  const step1 = await agent.post('/api/v1/physician/signup/identity', { name, idNumber, privacyAccepted: true, ...(await agent.captcha()) });
  expect(step1.statusCode, step1.body).toBe(200);
  const { signupToken } = step1.json() as { signupToken: string };
  const step2 = await agent.post('/api/v1/physician/signup/account', { signupToken, phone, email, loginName, password: PASSWORD, confirmPassword: PASSWORD });
  expect(step2.statusCode, step2.body).toBe(201);
  const login = await agent.login(loginName, PASSWORD);
  expect(login.statusCode, login.body).toBe(200);
  return { agent, name, idNumber, loginName, phone, email };
}

/** The last 6-digit code sent to a recipient, read from the outbox as the SMS gateway would. */
export async function lastCodeSentTo(deps: Deps, recipient: string): Promise<string> {
  const [m] = await deps.db.select({ body: outbox.body }).from(outbox)
    .where(and(eq(outbox.recipient, recipient), eq(outbox.template, 'physician.verification_code')))
    .orderBy(desc(outbox.createdAt)).limit(1);
  const code = /(\d{6})/.exec(m?.body ?? '')?.[1];
  if (!code) throw new Error(`no verification code sent to ${recipient}`);
  return code;
}

/** Sends and confirms the SMS code. */
export async function verifyPhone(deps: Deps, agent: Agent, phone: string): Promise<void> {
  const sent = await agent.post('/api/v1/physician/verification/send', { channel: 'sms' });
  expect(sent.statusCode, sent.body).toBe(200);
  const ok = await agent.post('/api/v1/physician/verification/confirm', { channel: 'sms', code: await lastCodeSentTo(deps, phone) });
  expect(ok.statusCode, ok.body).toBe(200);
}

export async function setERegistration(deps: Deps, provinceCode: string, enabled: boolean): Promise<void> {
  await deps.db.update(regions).set({ eRegistrationEnabled: enabled }).where(eq(regions.code, provinceCode));
}

/**
 * A physician known to the registers but without an account: a qualification and one registration
 * at a new institution (in `areaCode`), with the given status.
 */
export async function makeRegisteredPhysician(deps: Deps, o: {
  name?: string; areaCode?: string; status?: RegistrationStatus; training?: boolean; autoActivate?: boolean; withQualification?: boolean;
} = {}) {
  const name = o.name ?? '宋医师';
  const areaCode = o.areaCode ?? '110108';
  const idNumber = makeIdNumber({ birthDate: '1980-02-02' });
  const inst = await makeInstitution(deps, { areaCode, autoActivate: o.autoActivate ?? false });
  const certCode = makeQualificationCode({ year: 2005, provinceCode: areaCode, level: 'physician', category: 'clinical', idNumber });
  const n = next();
  const result = await inTransaction(deps, async (c) => {
    const physician = await createPhysicianRecord(c, { name, idNumber });
    const qualification = o.withQualification === false ? null : await createQualification(c, {
      name, idNumber, level: 'physician', category: 'clinical', certCode, admissionTicketNo: `2005${String(900000 + n).padStart(9, '0')}`,
      examYear: 2005, obtainedDate: '2005-12-31', physicianId: physician.id,
    });
    const registration = await createRegistration(c, {
      physicianId: physician.id, qualificationId: qualification?.id ?? null, level: 'physician', category: 'clinical', scopes: ['11'],
      practiceLocationCode: provinceCodeOf(areaCode), mainInstitutionId: inst.institution.id, authorityId: inst.authorityId,
      licenceCode: `110${areaCode}${String(n).padStart(6, '0')}`, approvedOn: '2010-06-01', status: o.status ?? 'valid',
    });
    if (o.training) await c.tx.execute(sql`UPDATE registrations SET training = true WHERE id = ${registration.id}`);
    if ((o.status ?? 'valid') !== 'valid') {
      // An invalid registration leaves no current main institution.
      await c.tx.execute(sql`UPDATE physicians SET main_institution_id = NULL WHERE id = ${physician.id}`);
    }
    return { physician, qualification, registration };
  });
  return { ...result, name, idNumber, certCode, institution: inst.institution, institutionAdminLogin: inst.adminLogin };
}

/** An activation code as the institution module stores it (SHA-256 of the upper-cased code). */
export async function issueActivationCode(deps: Deps, o: { physicianId: string; institutionId: string; code?: string; expiresAt?: Date }) {
  const code = o.code ?? `AC${next()}X${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
  await deps.db.insert(activationCodes).values({
    physicianId: o.physicianId, institutionId: o.institutionId, codeHash: activationCodeHash(code),
    expiresAt: o.expiresAt ?? new Date(deps.now().getTime() + 24 * 3600_000),
  });
  return code;
}

export async function setAutoActivate(deps: Deps, institutionId: string, on: boolean): Promise<void> {
  await deps.db.update(institutions).set({ autoActivate: on }).where(eq(institutions.id, institutionId));
}

/** Counts rows of the given tables (to show that a refused command left nothing behind). */
export async function countRows(deps: Deps, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = (await deps.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${t}`))) as unknown as { rows: { n: number }[] };
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}
