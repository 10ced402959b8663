/**
 * 补改 of a qualification record (domain §2.2 BT-12: the authority supplements 补录 a missing record or corrects 修改
 * a wrong one). The change keeps its history: one qualification_revisions row with the fields before and after —
 * the 资格证书编码 masked in the values and sealed beside them as in qualifications (src/security/cert-code.ts),
 * never in plain, and no 身份证号 at all.
 */
import { and, eq, ne } from 'drizzle-orm';
import { QUALIFICATION_CODE_FAILURE_TEXT, parseQualificationCode, type QualificationFields } from '@medreg/domain';
import type { Ctx } from '../../context';
import { qualificationRevisions, qualifications, type Physician, type Qualification, type QualificationRevisionValues } from '../../db/schema/index';
import type { AccountActor } from '../../http/actor';
import { certCodeHash, sealCertCode } from '../../security/cert-code';
import { CorrectionHandlingErrors } from './handling-errors';

function valuesOf(q: Qualification): QualificationRevisionValues {
  return {
    level: q.level, category: q.category, certCodeMasked: q.certCodeMasked, obtainedDate: q.obtainedDate,
    admissionTicketNo: q.admissionTicketNo, source: q.source,
  };
}

/** The code must carry the physician's own 身份证号 and belong to no other record; so must the 准考证号. */
async function checkKeys(c: Ctx, physician: Physician, fields: QualificationFields, exceptId: string | null) {
  if (fields.certCode) {
    const parsed = parseQualificationCode(fields.certCode, c.pii.decrypt(physician.idNumberEnc));
    if (!parsed.ok) throw CorrectionHandlingErrors.CERT_CODE_INVALID({ detail: QUALIFICATION_CODE_FAILURE_TEXT[parsed.reason], path: ['fields', 'certCode'] });
    const others = await c.tx.select({ id: qualifications.id }).from(qualifications)
      .where(and(eq(qualifications.certCodeHash, certCodeHash(c.pii, fields.certCode)), exceptId ? ne(qualifications.id, exceptId) : undefined)).limit(1);
    if (others.length) throw CorrectionHandlingErrors.CERT_CODE_TAKEN({ path: ['fields', 'certCode'] });
  }
  if (fields.admissionTicketNo) {
    const others = await c.tx.select({ id: qualifications.id }).from(qualifications)
      .where(and(eq(qualifications.admissionTicketNo, fields.admissionTicketNo), exceptId ? ne(qualifications.id, exceptId) : undefined)).limit(1);
    if (others.length) throw CorrectionHandlingErrors.ADMISSION_TICKET_TAKEN({ path: ['fields', 'admissionTicketNo'] });
  }
  if (!fields.certCode && !fields.admissionTicketNo && exceptId === null) {
    throw CorrectionHandlingErrors.QUALIFICATION_KEY_REQUIRED({ path: ['fields', 'certCode'] });
  }
}

/**
 * Corrects the physician's record `qualificationId` (fields left out keep their value), or creates the missing one
 * for the physician (source 行政补录). Returns the record as it now is.
 */
export async function reviseQualification(
  c: Ctx, actor: AccountActor, physician: Physician, correctionId: string, qualificationId: string | undefined, fields: QualificationFields,
): Promise<Qualification> {
  if (qualificationId) {
    const [before] = await c.tx.select().from(qualifications)
      .where(and(eq(qualifications.id, qualificationId), eq(qualifications.physicianId, physician.id))).for('update');
    if (!before) throw CorrectionHandlingErrors.QUALIFICATION_NOT_OWN({ path: ['qualificationId'] });
    await checkKeys(c, physician, fields, before.id);
    const [after] = await c.tx.update(qualifications).set({
      level: fields.level,
      category: fields.category,
      ...(fields.certCode ? sealCertCode(c.pii, fields.certCode) : {}),
      ...(fields.obtainedDate ? { obtainedDate: fields.obtainedDate } : {}),
      ...(fields.admissionTicketNo ? { admissionTicketNo: fields.admissionTicketNo } : {}),
    }).where(eq(qualifications.id, before.id)).returning();
    await c.tx.insert(qualificationRevisions).values({
      qualificationId: before.id, correctionId, oldValues: valuesOf(before), newValues: valuesOf(after!),
      oldCertCodeEnc: before.certCodeEnc, newCertCodeEnc: after!.certCodeEnc, actorAccountId: actor.accountId, createdAt: c.now(),
    });
    return after!;
  }
  await checkKeys(c, physician, fields, null);
  const [created] = await c.tx.insert(qualifications).values({
    name: physician.name,
    idNumberEnc: physician.idNumberEnc,
    idNumberHash: physician.idNumberHash,
    idNumberMasked: physician.idNumberMasked,
    level: fields.level,
    category: fields.category,
    ...sealCertCode(c.pii, fields.certCode),
    admissionTicketNo: fields.admissionTicketNo ?? null,
    examYear: fields.obtainedDate ? Number(fields.obtainedDate.slice(0, 4)) : null,
    obtainedDate: fields.obtainedDate ?? null,
    source: 'admin_supplement',
    synced: true,
    physicianId: physician.id,
    createdAt: c.now(),
  }).returning();
  await c.tx.insert(qualificationRevisions).values({
    qualificationId: created!.id, correctionId, oldValues: null, newValues: valuesOf(created!),
    oldCertCodeEnc: null, newCertCodeEnc: created!.certCodeEnc, actorAccountId: actor.accountId, createdAt: c.now(),
  });
  return created!;
}
