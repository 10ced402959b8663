/**
 * 准予注册 → the registration record (domain BT-01 "Granted", §4.2, §5.5): status 有效, the 15-digit
 * 执业证书编码 (level + category + the deciding authority's area + serial), approved_on = the decision date
 * (it starts the physician's seniority: 「注册日期即为执业年限起始日」), its history row (`open`) and its certificate
 * (a random 128-bit token for the QR). Runs inside the decision's transaction; the caller updates the physician (main institution, activation).
 */
import { eq } from 'drizzle-orm';
import { REGISTRATION_TABLE, type BusinessType } from '@medreg/domain';
import type { Ctx } from '../../context';
import { registrationEvents, registrations } from '../../db/schema/index';
import type { AuditActor } from '../audit/service';
import { earliestSeniority, issueCertificate } from '../lifecycle/apply-plan';
import { nextLicenceCode } from './licence-serial';
import type { RegistrationIntent } from './registration-intent';

export async function registerApprovedApplication(c: Ctx, input: {
  applicationId: string;
  physicianId: string;
  qualificationId: string;
  mainInstitutionId: string;
  authority: { id: string; areaCode: string };
  intent: RegistrationIntent;
  approvedOn: string;
  businessType: BusinessType;
  actor: AuditActor;
}) {
  const { intent } = input;
  const licenceCode = await nextLicenceCode(c, { level: intent.level, category: intent.category, areaCode: input.authority.areaCode });
  const [registration] = await c.tx.insert(registrations).values({
    applicationId: input.applicationId,
    physicianId: input.physicianId,
    qualificationId: input.qualificationId,
    level: intent.level,
    category: intent.category,
    scopes: intent.scopes,
    practiceLocationCode: intent.practiceLocationCode,
    mainInstitutionId: input.mainInstitutionId,
    authorityId: input.authority.id,
    licenceCode,
    approvedOn: input.approvedOn,
    status: 'valid',
    statusSince: c.now(),
    statusReason: REGISTRATION_TABLE.open.label,
    seniorityFrom: await earliestSeniority(c, input.physicianId, intent.level, input.approvedOn),
    createdAt: c.now(),
  }).returning();
  const cause = { kind: 'decision', business: input.businessType } as const;
  await c.tx.insert(registrationEvents).values({
    registrationId: registration!.id, event: 'open', fromStatus: null, toStatus: 'valid', cause, applicationId: input.applicationId,
    actorAccountId: input.actor.accountId, changes: { licenceCode }, createdAt: c.now(),
  });
  await issueCertificate(c, registration!.id, input.approvedOn, { applicationId: input.applicationId, actor: input.actor, cause });
  const [withToken] = await c.tx.select().from(registrations).where(eq(registrations.id, registration!.id));
  return withToken!;
}
