/**
 * 准予注册 → the registration record (domain BT-01 "Granted", §4.2, §5.5): status 有效, the 15-digit
 * 执业证书编码 (level + category + the deciding authority's area + serial), approved_on = the decision date
 * (it starts the physician's seniority: 「注册日期即为执业年限起始日」), and a random token for the certificate QR.
 * Runs inside the decision's transaction; the caller updates the physician (main institution, activation).
 */
import type { Ctx } from '../../context';
import { registrations } from '../../db/schema/index';
import { certificateVerifyToken } from '../../security/tokens';
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
    verifyToken: certificateVerifyToken(),
    createdAt: c.now(),
  }).returning();
  return registration!;
}
